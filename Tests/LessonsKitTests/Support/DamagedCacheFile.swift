@testable import LessonsKit

/// The damaged copies of a checksummed cache file (``ChecksummedFile``) that every reader must take as no file:
/// truncated or half-written by a build that was killed, one flipped bit, and another format number under a valid
/// checksum.
enum DamagedCacheFile {
    /// Each damaged copy of `bytes` (a file whose format number is its fifth byte, after a 4-byte magic), named.
    static func copies(of bytes: [UInt8]) -> [(damage: String, bytes: [UInt8])] {
        var copies = [0, 3, 4, 40, bytes.count / 2, bytes.count - 1].map {
            ("truncated to \($0) bytes", Array(bytes.prefix($0)))
        }
        var flipped = bytes
        flipped[bytes.count / 2] ^= 0x10
        copies.append(("a flipped bit", flipped))
        var otherFormat = Array(bytes.dropLast(32))
        otherFormat[4] = 99
        otherFormat += ChecksummedFile.checksum(otherFormat)
        copies.append(("another format, with a valid checksum", otherFormat))
        return copies
    }
}

import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `inputs.bin` in the build cache: the SHA-256 of each input file the last hashing read, with the file's size, device,
/// inode and modification and status-change times, so that a rebuild reads only the files that changed.
///
/// A file's recorded digest is reused when all five facts are as recorded and the file last changed more than
/// ``settleSeconds`` before that hashing began (git's "racily clean" rule: on a file system with coarse timestamps, a
/// file written in the same tick as it was read could change again without its time moving). The status-change time
/// catches an edit whose modification time was put back (`touch -r`, `cp -p`, `git checkout`).
///
/// Layout: the magic `LINP`, the format number, the site folder, when the hashing began (nanoseconds since 1970), the
/// entry count, then per file its site-relative path, size, device, inode, the two times (nanoseconds) and its hex
/// digest, and last the checksum of everything before it (``CacheChecksum``). Numbers and texts as ``CacheByteWriter`` writes them. A file
/// of another format or site, truncated, corrupt or half-written reads as none (every file is then read).
struct InputStamps: Sendable, Hashable {
    static let format = 1
    static let fileName = "inputs.bin"
    private static let magic = Array("LINP".utf8)
    /// How long before the hashing began a file must have last changed for its stamp to be trusted.
    static let settleSeconds: Int64 = 2

    /// What `stat` says of a file.
    typealias Stamp = FileStamp

    /// One file's stamp and hex SHA-256.
    struct Entry: Sendable, Hashable {
        var stamp: Stamp
        var digest: String
    }

    /// The site folder the paths are relative to.
    var siteDirectory: String
    /// When the hashing that read the files began, in nanoseconds since 1970.
    var hashingBegan: Int64
    /// Each file's stamp and hex SHA-256, by site-relative path.
    var files: [String: Entry]

    /// The recorded digest of `path` when its stamp is still `stamp` and it had settled before the hashing began.
    func digest(of path: String, stamp: Stamp) -> String? {
        guard let file = files[path], file.stamp == stamp else { return nil }
        let settled = hashingBegan - Self.settleSeconds * 1_000_000_000
        return stamp.modified < settled && stamp.changed < settled ? file.digest : nil
    }

    /// The current time in nanoseconds since 1970 (the clock file times are written with).
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// The path of the file in `folder`.
    static func path(in folder: BuildCacheFolder) -> String { folder.path + "/" + fileName }

    /// The stamps in `folder` for `siteDirectory`, or nil when there are none or they cannot be trusted.
    static func read(from folder: BuildCacheFolder, siteDirectory: String) -> InputStamps? {
        guard let data = FileManager.default.contents(atPath: path(in: folder)) else { return nil }
        return decoded([UInt8](data), siteDirectory: siteDirectory)
    }

    /// The bytes of the file (paths in sorted order).
    func encoded() -> [UInt8] {
        var writer = CacheByteWriter()
        writer.raw(Self.magic)
        writer.int(Self.format)
        writer.string(siteDirectory)
        writer.int(Int(hashingBegan))
        writer.int(files.count)
        for (path, file) in files.sorted(by: { $0.key < $1.key }) {
            writer.string(path)
            writer.int(Int(file.stamp.size))
            writer.int(Int(bitPattern: UInt(file.stamp.device)))
            writer.int(Int(bitPattern: UInt(file.stamp.inode)))
            writer.int(Int(file.stamp.modified))
            writer.int(Int(file.stamp.changed))
            writer.string(file.digest)
        }
        var bytes = writer.bytes
        bytes += ChecksummedFile.checksum(bytes)
        return bytes
    }

    /// The stamps held in `bytes` when they were written for `siteDirectory` and read back whole; else nil.
    static func decoded(_ bytes: [UInt8], siteDirectory: String) -> InputStamps? {
        ChecksummedFile.read(bytes, magic: magic) { reader throws(CacheBytesError) -> InputStamps? in
            guard try reader.int() == format, try reader.string() == siteDirectory else { return nil }
            let began = Int64(try reader.int())
            let count = try reader.count()
            var files: [String: Entry] = [:]
            files.reserveCapacity(count)
            for _ in 0..<count {
                let path = try reader.string()
                let stamp = Stamp(
                    size: Int64(try reader.int()), device: UInt64(UInt(bitPattern: try reader.int())),
                    inode: UInt64(UInt(bitPattern: try reader.int())), modified: Int64(try reader.int()),
                    changed: Int64(try reader.int()))
                files[path] = Entry(stamp: stamp, digest: try reader.string())
            }
            return InputStamps(siteDirectory: siteDirectory, hashingBegan: began, files: files)
        }
    }
}

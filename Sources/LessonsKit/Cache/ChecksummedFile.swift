import Crypto
import Foundation

/// What every binary cache file shares around its content: a four-byte magic first, and last the SHA-256 of
/// everything before it. A file whose magic or checksum does not match (another file, truncated, corrupt, or
/// half-written by a killed build) is not used.
enum ChecksummedFile {
    /// The SHA-256 of `bytes`, which ends the file.
    static func checksum<Bytes: DataProtocol>(_ bytes: Bytes) -> [UInt8] {
        Array(SHA256.hash(data: bytes))
    }

    /// Where the content lies in `bytes` (after `magic`, before the checksum), or nil when `bytes` does not start
    /// with `magic` or does not end with the checksum of what comes before it.
    static func content(of bytes: [UInt8], magic: [UInt8]) -> Range<Int>? {
        let digestSize = SHA256.byteCount
        guard bytes.count >= magic.count + digestSize, bytes.starts(with: magic) else { return nil }
        let end = bytes.count - digestSize
        guard bytes[end...].elementsEqual(checksum(bytes[..<end])) else { return nil }
        return magic.count..<end
    }

    /// What `body` reads from the content of `bytes`; nil when the magic or checksum does not match, when `body` throws
    /// or returns nil, or when it leaves bytes unread.
    static func read<Value>(
        _ bytes: [UInt8], magic: [UInt8], _ body: (inout CacheByteReader) throws(CacheBytesError) -> Value?
    ) -> Value? {
        guard let content = content(of: bytes, magic: magic) else { return nil }
        return bytes.withUnsafeBytes { raw -> Value? in
            var reader = CacheByteReader(UnsafeRawBufferPointer(rebasing: raw[content]))
            do throws(CacheBytesError) {
                let value = try body(&reader)
                return reader.isAtEnd ? value : nil
            } catch {
                return nil
            }
        }
    }
}

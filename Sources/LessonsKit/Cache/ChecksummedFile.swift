import Foundation

/// What every binary cache file shares around its content: a four-byte magic first, and last the checksum of
/// everything before it (``CacheChecksum``). A file whose magic or checksum does not match (another file, truncated,
/// corrupt, or half-written by a killed build) is not used.
enum ChecksummedFile {
    /// The checksum of `bytes`, which ends the file.
    static func checksum<Bytes: DataProtocol>(_ bytes: Bytes) -> [UInt8] {
        if let checksum = bytes.withContiguousStorageIfAvailable({ CacheChecksum.of(UnsafeRawBufferPointer($0)) }) {
            return checksum
        }
        return Array(bytes).withUnsafeBytes(CacheChecksum.of)
    }

    /// Where the content lies in `bytes` (after `magic`, before the checksum), or nil when `bytes` does not start
    /// with `magic` or does not end with the checksum of what comes before it.
    static func content(of bytes: [UInt8], magic: [UInt8]) -> Range<Int>? {
        bytes.withUnsafeBytes { content(of: $0, magic: magic) }
    }

    /// Where the content lies in `bytes`, as the other `content(of:magic:)` finds it.
    static func content(of bytes: UnsafeRawBufferPointer, magic: [UInt8]) -> Range<Int>? {
        let checksumSize = CacheChecksum.byteCount
        guard bytes.count >= magic.count + checksumSize, bytes.starts(with: magic) else { return nil }
        let end = bytes.count - checksumSize
        let expected = CacheChecksum.of(UnsafeRawBufferPointer(rebasing: bytes[..<end]))
        guard bytes[end...].elementsEqual(expected) else { return nil }
        return magic.count..<end
    }

    /// What `body` reads from the content of `bytes`; nil when the magic or checksum does not match, when `body` throws
    /// or returns nil, or when it leaves bytes unread.
    static func read<Value>(
        _ bytes: [UInt8], magic: [UInt8], _ body: (inout CacheByteReader) throws(CacheBytesError) -> Value?
    ) -> Value? {
        bytes.withUnsafeBytes { read($0, magic: magic, body) }
    }

    /// What `body` reads from the content of `bytes`, as the other `read(_:magic:_:)` reads it.
    static func read<Value>(
        _ bytes: UnsafeRawBufferPointer, magic: [UInt8],
        _ body: (inout CacheByteReader) throws(CacheBytesError) -> Value?
    ) -> Value? {
        guard let content = content(of: bytes, magic: magic) else { return nil }
        var reader = CacheByteReader(UnsafeRawBufferPointer(rebasing: bytes[content]))
        do throws(CacheBytesError) {
            let value = try body(&reader)
            return reader.isAtEnd ? value : nil
        } catch {
            return nil
        }
    }
}

/// A checksummed cache file (``ChecksummedFile``) made a piece at a time: its encoder appends to ``buffer`` and calls
/// ``flushIfFull()`` between entries, and each chunk is hashed and handed to the sink as it fills; ``finish()`` hands
/// the rest and then the checksum of everything before it (``CacheChecksum``). A file of tens of megabytes (the page
/// digests, the card table of a large site) is so never held whole in memory, as the build ends and the file is
/// written.
struct ChecksummedStream {
    /// Bytes gathered before they are handed on.
    static let chunkSize = 256 << 10

    /// The bytes appended and not yet handed on.
    var buffer: [UInt8] = []
    private let checksum = CacheChecksum()
    private let sink: (UnsafeRawBufferPointer) -> Void

    /// A stream handing its chunks, then its checksum, to `sink`.
    init(sink: @escaping (UnsafeRawBufferPointer) -> Void) {
        self.sink = sink
        buffer.reserveCapacity(Self.chunkSize + 4096)
    }

    /// Hands the bytes gathered on once they fill a chunk.
    mutating func flushIfFull() {
        if buffer.count >= Self.chunkSize { flush() }
    }

    /// Hands what is left on, then the checksum of every byte handed on.
    mutating func finish() {
        flush()
        checksum.finalize().withUnsafeBytes { sink($0) }
    }

    private mutating func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { raw in
            checksum.update(raw)
            sink(raw)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// The whole file `write` makes, gathered in one array (for tests and small files).
    static func collected(_ write: (inout ChecksummedStream) -> Void) -> [UInt8] {
        let gathered = Gathered()
        var stream = ChecksummedStream { gathered.bytes.append(contentsOf: $0) }
        write(&stream)
        stream.finish()
        return gathered.bytes
    }

    private final class Gathered {
        var bytes: [UInt8] = []
    }
}

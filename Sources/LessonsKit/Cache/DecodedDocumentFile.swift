/// `documents/<shard>.bin` in the build cache: the ``DecodedFile`` of each content file of one shard (see
/// ``DecodedDocumentCache/shard(of:)``) from the last build, by path, with the key it was decoded under, so that a
/// rebuild decodes (YAML, cmark, per-document checks) only the files that changed.
///
/// Layout: the magic `LDEC`, the format number, the tool (version and executable), the settings key, the entry count,
/// then per entry its path, its key and its record (a byte count, then the document's listing digests, then
/// ``DocumentCoding``/``PreparedMarkdownCoding`` bytes), and last the checksum of everything before it
/// (``CacheChecksum``). Numbers and texts as ``CacheByteWriter`` writes them. A file of another format, tool or settings
/// key, truncated, corrupt or not a cache file reads as none (every file is then decoded); a record that does not read
/// back is decoded afresh.
struct DecodedDocumentFile: Sendable {
    static let format = 2
    /// The folder of the shards in the cache folder.
    static let folderName = "documents"
    private static let magic = Array("LDEC".utf8)

    /// The whole file, checksum included (mapped, see ``MappedFile``).
    let file: MappedFile
    /// Where each path's record is in `file`, with the key it was stored under.
    let entries: [String: (key: String, record: Range<Int>)]

    /// The path of shard `shard` in `folder`.
    static func path(in folder: BuildCacheFolder, shard: Int) -> String {
        folder.path + "/" + folderName + "/" + String(shard) + ".bin"
    }

    /// Shard `shard` in `folder` written by `tool` under `settings`, or nil when there is none or it cannot be trusted.
    static func read(from folder: BuildCacheFolder, shard: Int, tool: String, settings: String) -> DecodedDocumentFile?
    {
        guard let file = MappedFile.at(path(in: folder, shard: shard)) else { return nil }
        return parsed(file, tool: tool, settings: settings)
    }

    /// The file held in `bytes`, or nil (see ``read(from:shard:tool:settings:)``).
    static func parsed(_ bytes: [UInt8], tool: String, settings: String) -> DecodedDocumentFile? {
        parsed(MappedFile(bytes), tool: tool, settings: settings)
    }

    /// The file held in `file`, or nil (see ``read(from:shard:tool:settings:)``).
    static func parsed(_ file: MappedFile, tool: String, settings: String) -> DecodedDocumentFile? {
        let entries = file.withUnsafeBytes { raw -> [String: (key: String, record: Range<Int>)]? in
            guard let content = ChecksummedFile.content(of: raw, magic: magic) else { return nil }
            var reader = CacheByteReader(UnsafeRawBufferPointer(rebasing: raw[content]))
            do throws(CacheBytesError) {
                guard try reader.int() == format, try reader.string() == tool, try reader.string() == settings else {
                    return nil
                }
                let count = try reader.count()
                var entries: [String: (key: String, record: Range<Int>)] = [:]
                entries.reserveCapacity(count)
                for _ in 0..<count {
                    let path = try reader.string()
                    let key = try reader.string()
                    let count = try reader.count()
                    let start = content.lowerBound + reader.position
                    _ = try reader.raw(count)
                    entries[path] = (key, start..<start + count)
                }
                return reader.isAtEnd ? entries : nil
            } catch {
                return nil
            }
        }
        guard let entries else { return nil }
        return DecodedDocumentFile(file: file, entries: entries)
    }

    /// The stored result for `path` and the listing digests stored with its document, read in one pass, when it was
    /// stored under `key` and reads back whole; else nil.
    func stored(at path: String, key: String) -> (file: DecodedFile, listing: DocumentListing.Digests?)? {
        guard let entry = entries[path], entry.key == key else { return nil }
        return self.file.withUnsafeBytes { raw in
            var reader = CacheByteReader(UnsafeRawBufferPointer(rebasing: raw[entry.record]))
            guard let stored = try? Self.readRecord(&reader, path: path), reader.isAtEnd else { return nil }
            return stored
        }
    }

    /// The stored bytes of `path`'s record when it was stored under `key` (copied as they are into the next file).
    func record(at path: String, key: String) -> [UInt8]? {
        guard let entry = entries[path], entry.key == key else { return nil }
        return file.withUnsafeBytes { Array($0[entry.record]) }
    }

    /// Bytes of a new file, written a piece at a time: ``header(tool:settings:count:)``, one ``entry(path:key:record:)``
    /// per file, then ``trailer()``.
    struct Encoder {
        private let checksum = CacheChecksum()

        /// The magic, format, tool, settings key and entry count.
        mutating func header(tool: String, settings: String, count: Int) -> [UInt8] {
            var writer = CacheByteWriter()
            writer.raw(DecodedDocumentFile.magic)
            writer.int(DecodedDocumentFile.format)
            writer.string(tool)
            writer.string(settings)
            writer.int(count)
            return hashed(writer.bytes)
        }

        /// One file's entry; `record` is ``DecodedDocumentFile/record(of:path:)``'s bytes or a stored record's.
        mutating func entry<Record: Collection<UInt8>>(path: String, key: String, record: Record) -> [UInt8] {
            var writer = CacheByteWriter()
            writer.string(path)
            writer.string(key)
            writer.int(record.count)
            var bytes = writer.bytes
            bytes.append(contentsOf: record)
            return hashed(bytes)
        }

        /// The checksum of everything before it.
        func trailer() -> [UInt8] {
            checksum.finalize()
        }

        private mutating func hashed(_ bytes: [UInt8]) -> [UInt8] {
            bytes.withUnsafeBytes(checksum.update)
            return bytes
        }
    }

    /// The record of the result of the file at `path`, with its document's listing digests (worked out here when not
    /// given).
    static func record(of file: DecodedFile, path: String, listing: DocumentListing.Digests? = nil) -> [UInt8] {
        var writer = CacheByteWriter()
        writer.optional(file.decoded.map { listing ?? DocumentListing.digests($0.document) }) {
            $0.raw($1.listing.bytes)
            $0.raw($1.actions.bytes)
        }
        writer.optional(file.decoded) {
            PreparedMarkdownCoding.write($1.body, to: &$0)
            DocumentCoding.write($1.document, to: &$0)
        }
        writer.optionalString(file.declaredId)
        writer.array(file.diagnostics) { DocumentCoding.writeDiagnostic($1, to: &$0, path: path) }
        writer.array(file.checks) { writer, list in
            writer.array(list) { DocumentCoding.writeDiagnostic($1, to: &$0, path: path) }
        }
        return writer.bytes
    }

    /// The listing digests that start a record.
    private static func readDigests(_ reader: inout CacheByteReader) throws(CacheBytesError)
        -> DocumentListing.Digests?
    {
        try reader.optional { reader throws(CacheBytesError) -> DocumentListing.Digests in
            guard let listing = Digest32(bytes: try reader.raw(32)), let actions = Digest32(bytes: try reader.raw(32))
            else { throw CacheBytesError() }
            return DocumentListing.Digests(listing: listing, actions: actions)
        }
    }

    private static func readRecord(_ reader: inout CacheByteReader, path: String) throws(CacheBytesError)
        -> (file: DecodedFile, listing: DocumentListing.Digests?)
    {
        let listing = try readDigests(&reader)
        let decoded = try reader.optional {
            reader throws(CacheBytesError) -> (document: Document, body: PreparedMarkdown) in
            let body = try PreparedMarkdownCoding.read(from: &reader)
            return (try DocumentCoding.read(from: &reader, path: path, body: body), body)
        }
        let declaredId = try reader.optionalString()
        let diagnostics = try reader.array { reader throws(CacheBytesError) in
            try DocumentCoding.readDiagnostic(&reader, path: path)
        }
        let checks = try reader.array { reader throws(CacheBytesError) in
            try reader.array { reader throws(CacheBytesError) in try DocumentCoding.readDiagnostic(&reader, path: path)
            }
        }
        let file = DecodedFile(
            decoded: decoded, declaredId: declaredId, diagnostics: diagnostics, checks: checks, wasRead: true)
        return (file, listing)
    }
}

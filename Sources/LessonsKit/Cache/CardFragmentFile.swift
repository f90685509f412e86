/// The card fragments of one edition's last build (``StoredCardFragments``), stored in the cache as
/// `derived/cards-<edition>.bin`: each item partial rendered for an item (see ``PartialFragments``), by the SHA-256 of
/// the partial's name and the item's every value, so that a big list page is assembled from the stored cards.
///
/// Layout: the magic `LCRD`, the format number, the seed (the digest of the theme's templates and the tool, see
/// ``PageReuse/seed(templates:tool:)``), the entry count, then per entry its key (32 bytes), a presence flag (a partial
/// that read past its item has no fragment) and for a fragment its HTML, its links in order and its ids sorted, and
/// last the checksum of everything before it (``CacheChecksum``). Numbers and texts as ``CacheByteWriter`` writes them. A file of another
/// format, templates or tool, truncated, corrupt or half-written reads as empty: every card is then rendered again.
enum CardFragmentFile {
    /// Bumped whenever the layout or the meaning of an entry changes.
    static let format = 1
    private static let magic = Array("LCRD".utf8)

    /// The bytes of the file holding `entries`, in their order, rendered under `seed` (for tests; a build streams them
    /// with ``write(_:seed:to:)``).
    static func encoded(_ entries: [StoredCardFragments.Entry], seed: [UInt8]) -> [UInt8] {
        ChecksummedStream.collected { write(entries, seed: seed, to: &$0) }
    }

    /// Writes the file holding `entries`, in their order, rendered under `seed`, to `stream` a card at a time: the
    /// table (the store's size, tens of megabytes for a large site) is never held a second time as one array.
    static func write(_ entries: [StoredCardFragments.Entry], seed: [UInt8], to stream: inout ChecksummedStream) {
        var writer = CacheByteWriter()
        writer.raw(magic)
        writer.int(format)
        writer.int(seed.count)
        writer.raw(seed)
        writer.int(entries.count)
        writer.drain(into: &stream)
        for entry in entries {
            writer.raw(entry.key.bytes)
            writer.optional(entry.fragment) { writer, fragment in
                writer.string(fragment.html)
                writer.strings(fragment.links.links)
                writer.strings(fragment.links.ids.sorted())
            }
            writer.drain(into: &stream)
        }
    }

    /// The cards held in `bytes` when they were rendered under `seed` and every entry reads whole; else none. Only
    /// where each card lies is read now: a card is decoded when a build asks for it (``StoredCardTable``).
    static func decoded(_ bytes: [UInt8], seed: [UInt8]) -> StoredCardTable {
        decoded(MappedFile(bytes), seed: seed)
    }

    /// The cards held in `file`, as the other `decoded(_:seed:)` reads them.
    static func decoded(_ file: MappedFile, seed: [UInt8]) -> StoredCardTable {
        let index = file.withUnsafeBytes { bytes in
            ChecksummedFile.read(bytes, magic: magic) {
                reader throws(CacheBytesError) -> (places: [Digest32: Int], size: Int)? in
                guard try reader.int() == format, try reader.count() == seed.count,
                    try reader.raw(seed.count).elementsEqual(seed)
                else { return nil }
                let count = try reader.count()
                var places: [Digest32: Int] = [:]
                places.reserveCapacity(count)
                var size = 0
                for _ in 0..<count {
                    guard let key = Digest32(bytes: try reader.raw(32)) else { throw CacheBytesError() }
                    let place = reader.position
                    let htmlCount = try reader.optional { reader throws(CacheBytesError) in try skipFragment(&reader) }
                    guard places.updateValue(place, forKey: key) == nil else { throw CacheBytesError() }
                    size += StoredCardTable.size(htmlBytes: htmlCount ?? 0)
                }
                return (places, size)
            }
        }
        guard let index else { return [:] }
        // Places count from the content's start, after the magic; the checksum ends it.
        let content = magic.count..<(file.count - CacheChecksum.byteCount)
        return StoredCardTable(places: index.places, size: index.size) { place in
            file.withUnsafeBytes { raw -> HTMLFragment?? in
                guard place >= 0, place < content.count else { return nil }
                var reader = CacheByteReader(
                    UnsafeRawBufferPointer(rebasing: raw[(content.lowerBound + place)..<content.upperBound]))
                do throws(CacheBytesError) {
                    return .some(try reader.optional { reader throws(CacheBytesError) in try fragment(&reader) })
                } catch {
                    return nil
                }
            }
        }
    }

    /// A fragment as ``write(_:seed:to:)`` writes it.
    private static func fragment(_ reader: inout CacheByteReader) throws(CacheBytesError) -> HTMLFragment {
        let html = try reader.string()
        let links = try reader.strings()
        let ids = try reader.strings()
        return HTMLFragment(html: html, links: HTMLLinks(links: links, ids: Set(ids)))
    }

    /// Reads past a fragment as ``fragment(_:)`` would read it, and gives the byte count of its HTML.
    private static func skipFragment(_ reader: inout CacheByteReader) throws(CacheBytesError) -> Int {
        let htmlCount = try reader.count()
        _ = try reader.raw(htmlCount)
        for _ in 0..<2 {
            for _ in 0..<(try reader.count()) { _ = try reader.raw(try reader.count()) }
        }
        return htmlCount
    }

    /// The stored cards of `edition` rendered under `seed`, or none (missing, unreadable, untrusted).
    static func read(from cache: BuildCacheFolder, edition: String, seed: [UInt8]) -> StoredCardTable {
        guard let file = MappedFile.at(cache.cardFragmentsPath(edition: edition)) else { return [:] }
        return decoded(file, seed: seed)
    }
}

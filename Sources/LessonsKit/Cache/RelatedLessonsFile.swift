/// The related lessons of one edition's last build (``StoredRelatedLessons``), stored in the cache as
/// `derived/related-<edition>.bin` with the key of the facts they were ranked from.
///
/// Layout: the magic `LREL`, the format number, the tool's identity (version and executable), the key (32 bytes), the
/// lesson count, then per lesson its id and its related ids in order, and last the checksum of everything before it (``CacheChecksum``).
/// Numbers and texts as ``CacheByteWriter`` writes them. A file of another format or tool, truncated, corrupt or
/// half-written reads as none: the lessons are then ranked again.
enum RelatedLessonsFile {
    /// Bumped whenever the layout or the meaning of a ranking changes.
    static let format = 1
    private static let magic = Array("LREL".utf8)

    /// The bytes of the file holding `ranking`, worked out by `tool`.
    static func encoded(_ ranking: StoredRelatedLessons.Ranking, tool: String) -> [UInt8] {
        var writer = CacheByteWriter()
        writer.raw(magic)
        writer.int(format)
        writer.string(tool)
        writer.int(ranking.key.count)
        writer.raw(ranking.key)
        let ids = ranking.related.keys.sorted()
        writer.int(ids.count)
        for id in ids {
            writer.string(id)
            writer.strings(ranking.related[id] ?? [])
        }
        var bytes = writer.bytes
        bytes += ChecksummedFile.checksum(bytes)
        return bytes
    }

    /// The ranking held in `bytes` when `tool` wrote it and it reads back whole; else nil.
    static func decoded(_ bytes: [UInt8], tool: String) -> StoredRelatedLessons.Ranking? {
        ChecksummedFile.read(bytes, magic: magic) { reader throws(CacheBytesError) -> StoredRelatedLessons.Ranking? in
            guard try reader.int() == format, try reader.string() == tool else { return nil }
            let keyCount = try reader.count()
            let key = try Array(reader.raw(keyCount))
            let count = try reader.count()
            var related: [String: [String]] = [:]
            related.reserveCapacity(count)
            for _ in 0..<count {
                let id = try reader.string()
                guard related.index(forKey: id) == nil else { throw CacheBytesError() }
                related[id] = try reader.strings()
            }
            return StoredRelatedLessons.Ranking(key: key, related: related)
        }
    }

    /// The stored ranking of `edition` worked out by `tool`, or nil (missing, unreadable, untrusted).
    static func read(from cache: BuildCacheFolder, edition: String, tool: String) -> StoredRelatedLessons.Ranking? {
        guard let bytes = FileFacts.contents(cache.relatedLessonsPath(edition: edition)) else { return nil }
        return decoded(bytes, tool: tool)
    }
}

/// The decoded-document cache of one build: the key each content file has now, and what the last build stored
/// (``DecodedDocumentFile``s: the files are spread over ``shardCount`` shards by path, so that an edit rewrites one
/// shard, not the whole cache, and the shards are read in parallel).
///
/// A file's result is reused when the file's bytes and git dates are those it was decoded from, and the file was
/// written by the same tool under the same settings key: the bytes of `site.yaml` and of every data file (themes,
/// services and leads decide what decoding accepts; the privacy settings what the checks report), the base URL,
/// today (review dates) and the `LESSONS_` environment variables.
///
/// A class, not a struct: every decoding task asks it for its file, and sharing one reference spares each task copying
/// (and counting references to) its tables.
final class DecodedDocumentCache: Sendable {
    /// The tool (version and executable), as the shards name it.
    let tool: String
    /// The key of every setting the results depend on (``settingsKey(files:config:today:environment:)``).
    let settings: String
    /// Each content file's key now (its SHA-256 and git dates), by site-relative path; a file without one is never
    /// taken from the cache nor stored in it (``keys(files:git:)``).
    let keys: [String: String]
    /// The last build's shards, by number; nil for one that is missing or cannot be trusted (all nil with `--clean`).
    let previous: [DecodedDocumentFile?]

    init(tool: String, settings: String, keys: [String: String], previous: [DecodedDocumentFile?]) {
        (self.tool, self.settings, self.keys, self.previous) = (tool, settings, keys, previous)
    }

    /// How many shards the files are spread over.
    static let shardCount = 64

    /// The shard that holds the file at `path`: FNV-1a of its UTF-8 bytes (the same in every process, unlike `Hasher`).
    static func shard(of path: String) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in path.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(hash % UInt64(shardCount))
    }

    /// The key of the settings the results of a build of the site whose input files have the SHA-256s `files` depend
    /// on.
    static func settingsKey(
        files: [String: String], config: SiteConfig, today: PartialDate, environment: [String: String]
    ) -> String {
        var key = CacheKeyBuilder()
        key.add("format", String(DecodedDocumentFile.format))
        key.add("base-url", config.baseURL ?? "")
        key.add("today", "\(today.year)-\(today.month)-\(today.day ?? 0)")
        for (path, digest) in files.sorted(by: { $0.key < $1.key })
        where path == "site.yaml" || path.hasPrefix("data/") {
            key.add(path, digest)
        }
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) where name.hasPrefix("LESSONS_") {
            key.add("env " + name, value)
        }
        return key.finish()
    }

    /// Each content file's key: its SHA-256 and git dates. A file that could not be hashed (an empty digest) has none,
    /// so it is always decoded.
    static func keys(files: [String: String], git: GitHistory) -> [String: String] {
        var keys: [String: String] = [:]
        for (path, digest) in files where path.hasPrefix("content/") && path.hasSuffix(".md") && !digest.isEmpty {
            let dates = git.dates[path].map { "\($0.firstPublished) \($0.lastUpdated)" } ?? "-"
            keys[path] = digest + " " + dates
        }
        return keys
    }

    /// The last build's result for the file at `path`, and the listing digests stored with its document, when its
    /// key is unchanged and the record reads back whole.
    func cached(_ path: String) -> (file: DecodedFile, listing: DocumentListing.Digests?)? {
        guard let key = keys[path], var stored = previous[Self.shard(of: path)]?.stored(at: path, key: key) else {
            return nil
        }
        stored.file.isCached = true
        return stored
    }

    /// The stored record of the file at `path` when it is stored under its current key (copied into the next shard).
    func storedRecord(_ path: String) -> [UInt8]? {
        guard let key = keys[path] else { return nil }
        return previous[Self.shard(of: path)]?.record(at: path, key: key)
    }
}

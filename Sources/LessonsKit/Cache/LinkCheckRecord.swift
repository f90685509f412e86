import Foundation

/// `links/<edition>.bin` in the build cache: what the last successful build's link check of one edition found, so that
/// a rebuild resolves again only the links that may now resolve differently (see ``IncrementalLinkCheck``).
///
/// It lists every output file of the edition by path, in the renderer's order, and for each page the SHA-256 of its
/// links (in order) and of its ids (sorted), and the files its links resolved to, as indices into that list. A record
/// is written only after a build succeeded, so every link it describes resolved.
///
/// Layout: the magic `LLNK`, the format number, the key (tool, portable mode, site path, root path), the file count,
/// then per file its path, a page flag and for a page its two digests (32 bytes each) and its targets, and last the
/// checksum of everything before it (``CacheChecksum``). Numbers and texts as ``CacheByteWriter`` writes them. A file of another format or
/// key, truncated, corrupt or half-written reads as none (the link check then resolves every link).
struct LinkCheckRecord: Sendable, Equatable {
    static let format = 1
    /// The folder of the records in the cache folder.
    static let folderName = "links"
    private static let magic = Array("LLNK".utf8)

    /// What the check of one page found.
    struct Page: Sendable, Equatable {
        /// SHA-256 of the page's links, in order (see ``PageLinks/linksDigest(_:)``).
        var links: Digest32
        /// SHA-256 of the page's ids, sorted (see ``PageLinks/idsDigest(_:)``).
        var ids: Digest32
        /// The files its links resolved to, as indices into ``LinkCheckRecord/paths``.
        var targets: [Int]
    }

    /// The tool, the portable mode and the paths the links were resolved under.
    var key: String
    /// Every output file's path, in the renderer's order.
    var paths: [String]
    /// For each path, its page's facts, or nil for a file that is not a page.
    var pages: [Page?]

    /// The path of `edition`'s record in `folder`, named by the SHA-256 of the edition's name.
    static func path(in folder: BuildCacheFolder, edition: String) -> String {
        folder.path + "/" + folderName + "/" + String(SHA256Hex.of(text: edition).prefix(16)) + ".bin"
    }

    /// The record of `edition` in `folder` under `key`, or nil when there is none or it cannot be trusted.
    static func read(from folder: BuildCacheFolder, edition: String, key: String) -> LinkCheckRecord? {
        guard let data = FileManager.default.contents(atPath: path(in: folder, edition: edition)) else { return nil }
        return decoded([UInt8](data), key: key)
    }

    /// The bytes of the file.
    func encoded() -> [UInt8] {
        var writer = CacheByteWriter()
        writer.raw(Self.magic)
        writer.int(Self.format)
        writer.string(key)
        writer.int(paths.count)
        for (path, page) in zip(paths, pages) {
            writer.string(path)
            writer.optional(page) { writer, page in
                writer.raw(page.links.bytes)
                writer.raw(page.ids.bytes)
                writer.array(page.targets) { $0.int($1) }
            }
        }
        var bytes = writer.bytes
        bytes += ChecksummedFile.checksum(bytes)
        return bytes
    }

    /// The record held in `bytes` when it was written under `key` and reads back whole; else nil.
    static func decoded(_ bytes: [UInt8], key: String) -> LinkCheckRecord? {
        ChecksummedFile.read(bytes, magic: magic) { reader throws(CacheBytesError) -> LinkCheckRecord? in
            guard try reader.int() == format, try reader.string() == key else { return nil }
            let count = try reader.count()
            var paths: [String] = []
            var pages: [Page?] = []
            paths.reserveCapacity(count)
            pages.reserveCapacity(count)
            for _ in 0..<count {
                paths.append(try reader.string())
                pages.append(
                    try reader.optional { reader throws(CacheBytesError) -> Page in
                        guard let links = Digest32(bytes: try reader.raw(32)),
                            let ids = Digest32(bytes: try reader.raw(32))
                        else { throw CacheBytesError() }
                        let targets = try reader.array { reader throws(CacheBytesError) -> Int in
                            let target = try reader.int()
                            guard target >= 0, target < count else { throw CacheBytesError() }
                            return target
                        }
                        return Page(links: links, ids: ids, targets: targets)
                    })
            }
            return LinkCheckRecord(key: key, paths: paths, pages: pages)
        }
    }
}

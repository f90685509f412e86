import Crypto

/// A page's links and ids as the stages after rendering read them (the link check, the print forms), with the digests
/// the incremental link check compares (``digests``).
///
/// A page rendered now holds the links recorded while rendering it (a page of the theme's templates, as the numbers of
/// the edition's shared texts: ``NumberedPageLinks``). A page the last build rendered and this one reuses holds them as
/// the page digests file stored them (``StoredPageLinks``), with their digests stored beside them: a rebuild reuses
/// most pages and resolves the links of few, so their texts are read only when asked for.
enum PageLinks: Sendable, Hashable {
    /// Recorded while rendering the page.
    case recorded(HTMLLinks)
    /// Recorded while rendering the page, held as numbered texts.
    case numbered(NumberedPageLinks)
    /// Read from the page digests file.
    case stored(StoredPageLinks)

    /// SHA-256 of a page's links in order and of its ids sorted, each text as its UTF-8 byte count (four bytes,
    /// little-endian) and its bytes.
    struct Digests: Sendable, Hashable {
        let links: Digest32
        let ids: Digest32
    }

    /// Links recorded while rendering a page.
    init(_ links: HTMLLinks) { self = .recorded(links) }

    /// The links and ids.
    var recorded: HTMLLinks {
        switch self {
        case .recorded(let links): links
        case .numbered(let numbered): numbered.recorded
        case .stored(let stored): stored.links
        }
    }

    /// `href`, `src` and `action` values, in document order.
    var links: [String] {
        switch self {
        case .numbered(let numbered): numbered.links
        default: recorded.links
        }
    }

    /// How many links ``links`` holds, without reading their texts.
    var linkCount: Int {
        switch self {
        case .numbered(let numbered): numbered.linkCount
        default: recorded.links.count
        }
    }

    /// `id` values and `<a name>`s.
    var ids: Set<String> {
        switch self {
        case .numbered(let numbered): numbered.ids
        default: recorded.ids
        }
    }

    /// The digests of ``links`` and ``ids``: stored, or worked out from the recorded links.
    var digests: Digests {
        switch self {
        case .recorded(let links):
            Digests(links: Self.linksDigest(links.links), ids: Self.idsDigest(links.ids))
        case .numbered(let numbered):
            Digests(links: Self.linksDigest(numbered.links), ids: Self.idsDigest(numbered.ids))
        case .stored(let stored): stored.digests
        }
    }

    /// Equal when they hold the same links and ids, however they are held.
    static func == (lhs: PageLinks, rhs: PageLinks) -> Bool { lhs.recorded == rhs.recorded }

    func hash(into hasher: inout Hasher) { hasher.combine(recorded) }
}

extension PageLinks {
    /// The SHA-256 of a page's links, in order, each as its UTF-8 byte count and bytes.
    static func linksDigest(_ links: [String]) -> Digest32 {
        var bytes: [UInt8] = []
        for link in links { append(link, to: &bytes) }
        return words(SHA256.hash(data: bytes))
    }

    /// The SHA-256 of a page's ids, sorted, each as its UTF-8 byte count and bytes.
    static func idsDigest(_ ids: Set<String>) -> Digest32 {
        var bytes: [UInt8] = []
        for id in ids.sorted() { append(id, to: &bytes) }
        return words(SHA256.hash(data: bytes))
    }

    /// A digest's bytes as ``Digest32/init(bytes:)`` reads them (big-endian words), with no array made between: one
    /// page's facts then hold no buffer of their own but their targets.
    static func words(_ digest: SHA256.Digest) -> Digest32 {
        digest.withUnsafeBytes { raw in
            func word(_ start: Int) -> UInt64 { (start..<start + 8).reduce(0) { $0 << 8 | UInt64(raw[$1]) } }
            return Digest32(words: (word(0), word(8), word(16), word(24)))
        }
    }

    private static func append(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            let count = UInt32(truncatingIfNeeded: utf8.count)
            for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: count >> shift)) }
            bytes.append(contentsOf: utf8)
        }
    }
}

import Crypto
import Synchronization

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

/// Links as the page digests file stored them (``PageLinks/appendStoredForm(to:)``), with their digests; the texts are
/// read from the stored form the first time they are asked for.
final class StoredPageLinks: Sendable {
    /// The stored form, a slice of the file read (which the entries share).
    let form: ArraySlice<UInt8>
    let digests: PageLinks.Digests
    private let decoded = Mutex<HTMLLinks?>(nil)

    init(form: ArraySlice<UInt8>, digests: PageLinks.Digests) {
        self.form = form
        self.digests = digests
    }

    /// The links and ids of the stored form.
    var links: HTMLLinks {
        if let links = decoded.withLock({ $0 }) { return links }
        // A form that reads back as nothing cannot come from a checked file (``PageLinks/storedForm(in:from:end:)``).
        let links = PageLinks.decoded(form) ?? HTMLLinks()
        decoded.withLock { $0 = links }
        return links
    }
}

extension PageLinks {
    /// Appends the stored form: the number of links, each link (its byte count as eight little-endian bytes, then its
    /// UTF-8 bytes), the number of ids and each id the same way, sorted.
    func appendStoredForm(to bytes: inout [UInt8]) {
        if case .stored(let stored) = self { return bytes += stored.form }
        let links = recorded
        TemplateValueBytes.appendLength(links.links.count, to: &bytes)
        for link in links.links { TemplateValueBytes.appendText(link, to: &bytes) }
        TemplateValueBytes.appendLength(links.ids.count, to: &bytes)
        for id in links.ids.sorted() { TemplateValueBytes.appendText(id, to: &bytes) }
    }

    /// Where the stored form starting at `start` ends, walking its counts without reading a text; nil when it runs past
    /// `end` or a count is negative.
    static func storedForm(in bytes: [UInt8], from start: Int, end: Int) -> Int? {
        walk(bytes, from: start, end: end) { _, _ in }
    }

    /// The links and ids of a stored form; nil when it is not one.
    fileprivate static func decoded(_ form: ArraySlice<UInt8>) -> HTMLLinks? {
        let bytes = Array(form)
        var lists: [[String]] = [[], []]
        let end = walk(bytes, from: 0, end: bytes.count) { list, text in
            lists[list].append(String(decoding: bytes[text], as: UTF8.self))
        }
        guard end == bytes.count else { return nil }
        return HTMLLinks(links: lists[0], ids: Set(lists[1]))
    }

    /// Walks the stored form at `start`, handing on each text's place with its list (0: links, 1: ids); where it ends,
    /// or nil when a count or a text runs past `end` or a count is negative.
    private static func walk(
        _ bytes: [UInt8], from start: Int, end: Int, text: (_ list: Int, _ range: Range<Int>) -> Void
    ) -> Int? {
        var offset = start
        for list in 0..<2 {
            guard let count = number(bytes, at: &offset, end: end), count >= 0, count <= (end - offset) / 8 else {
                return nil
            }
            for _ in 0..<count {
                guard let length = number(bytes, at: &offset, end: end), length >= 0, length <= end - offset else {
                    return nil
                }
                text(list, offset..<(offset + length))
                offset += length
            }
        }
        return offset
    }

    /// The eight little-endian bytes at `offset`, which moves past them; nil when fewer are left before `end`.
    private static func number(_ bytes: [UInt8], at offset: inout Int, end: Int) -> Int? {
        guard end - offset >= 8 else { return nil }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << UInt64(8 * index) }
        offset += 8
        return Int(truncatingIfNeeded: Int64(bitPattern: value))
    }
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

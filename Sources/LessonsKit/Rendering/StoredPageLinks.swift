import Synchronization

/// Links as the page digests file stored them (``PageLinks/appendStoredForm(to:numbering:)``): the numbers of their
/// texts in the file's ``StoredLinkTexts``, with their digests. The texts are read the first time they are asked for.
final class StoredPageLinks: Sendable {
    /// The stored form, a slice of the file read (which the entries share).
    let form: ArraySlice<UInt8>
    /// The texts the form's numbers name.
    let texts: StoredLinkTexts
    let digests: PageLinks.Digests
    private let decoded = Mutex<HTMLLinks?>(nil)

    init(form: ArraySlice<UInt8>, texts: StoredLinkTexts, digests: PageLinks.Digests) {
        self.form = form
        self.texts = texts
        self.digests = digests
    }

    /// The links and ids of the stored form.
    var links: HTMLLinks {
        if let links = decoded.withLock({ $0 }) { return links }
        // A form that reads back as nothing cannot come from a checked file, whose numbers were all checked against
        // its texts (``PageLinks/storedForm(in:from:end:named:)``).
        let links = PageLinks.decoded(form, texts: texts) ?? HTMLLinks()
        decoded.withLock { $0 = links }
        return links
    }
}

/// Every link and id text of one page digests file, each stored once and named by its number: the pages of a site
/// share most of their links (the menu, the themes, the lists), so a page's links are a few small numbers.
final class StoredLinkTexts: Sendable {
    /// The file the texts are in (shared with the entries, not copied).
    private let bytes: [UInt8]
    /// Where each text's UTF-8 bytes are in ``bytes``, by number.
    private let ranges: [Range<Int>]
    /// How many of the texts the file's pages name (the others were named by pages since gone).
    let named: Int

    init(bytes: [UInt8], ranges: [Range<Int>], named: Int) {
        self.bytes = bytes
        self.ranges = ranges
        self.named = named
    }

    /// How many texts there are.
    var count: Int { ranges.count }

    /// The text numbered `number`, or nil when there is none.
    func text(_ number: Int) -> String? {
        utf8(number).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The UTF-8 bytes of the text numbered `number`, or nil when there is none.
    func utf8(_ number: Int) -> ArraySlice<UInt8>? {
        guard ranges.indices.contains(number) else { return nil }
        return bytes[ranges[number]]
    }
}

/// Numbers the link and id texts of the pages written to a page digests file: each text is written once, after the
/// pages. The last file's texts are kept under their numbers when at least half of them are still named (``kept``),
/// so that the pages kept from it are written back as they were read; the texts met since are numbered after them, in
/// the order met (``added``). Otherwise every text is numbered afresh and the kept pages' numbers are renumbered,
/// which leaves out the texts no page names any more.
struct LinkTextNumbering {
    /// The last file's texts, numbered as they were.
    let kept: StoredLinkTexts?
    /// The texts numbered after the kept ones, in number order.
    private(set) var added: [String] = []
    private var numbers: [String: Int] = [:]
    /// Whether ``numbers`` holds the kept texts yet (looked up only once a page rendered again needs them).
    private var keptNumbered = false
    /// For each other table of stored texts met, its numbers mapped to these (-1: not met yet).
    private var renumbered: [ObjectIdentifier: [Int]] = [:]

    /// Numbers texts afresh, or after those of `last` (the texts of the last file's pages) when at least half of them
    /// are still named.
    init(keeping last: StoredLinkTexts? = nil) {
        kept = last.flatMap { $0.named * 2 >= $0.count ? $0 : nil }
    }

    /// How many texts are numbered.
    var count: Int { (kept?.count ?? 0) + added.count }

    /// Every text, by number.
    var texts: [String] { (0..<(kept?.count ?? 0)).compactMap { kept?.text($0) } + added }

    /// Whether a stored form naming the texts of `table` keeps its numbers.
    func keepsNumbers(of table: StoredLinkTexts) -> Bool { kept === table }

    /// The number of `text`, given it now when it is new.
    mutating func number(_ text: String) -> Int {
        if !keptNumbered, let kept {
            numbers.reserveCapacity(kept.count)
            // Lowest number last: a text stored twice takes its first number.
            for number in (0..<kept.count).reversed() {
                if let text = kept.text(number) { numbers[text] = number }
            }
            keptNumbered = true
        }
        if let known = numbers[text] { return known }
        let number = count
        numbers[text] = number
        added.append(text)
        return number
    }

    /// The number of the text numbered `stored` in `table`; nil when the table has no such text.
    mutating func number(_ stored: Int, in table: StoredLinkTexts) -> Int? {
        if keepsNumbers(of: table) { return stored < table.count ? stored : nil }
        let key = ObjectIdentifier(table)
        if let map = renumbered[key], map.indices.contains(stored), map[stored] >= 0 { return map[stored] }
        guard let text = table.text(stored) else { return nil }
        let number = number(text)
        renumbered[key, default: Array(repeating: -1, count: table.count)][stored] = number
        return number
    }
}

extension PageLinks {
    /// Appends the stored form: the number of links, each link's text number (``LinkTextNumbering``), then the number
    /// of ids and each id's, sorted; every number as an unsigned LEB128 (seven bits a byte, low bits first).
    func appendStoredForm(to bytes: inout [UInt8], numbering: inout LinkTextNumbering) {
        if case .stored(let stored) = self {
            if numbering.keepsNumbers(of: stored.texts) { return bytes += stored.form }
            if Self.renumber(stored, to: &bytes, numbering: &numbering) { return }
        }
        let links = links
        let ids = ids.sorted()
        Self.appendNumber(links.count, to: &bytes)
        for link in links { Self.appendNumber(numbering.number(link), to: &bytes) }
        Self.appendNumber(ids.count, to: &bytes)
        for id in ids { Self.appendNumber(numbering.number(id), to: &bytes) }
    }

    /// Appends a stored form with its numbers renumbered; false (nothing appended) when it cannot be read.
    private static func renumber(
        _ stored: StoredPageLinks, to bytes: inout [UInt8], numbering: inout LinkTextNumbering
    ) -> Bool {
        let start = bytes.count
        var known = true
        let form = stored.form
        let end = walk(form, from: form.startIndex, end: form.endIndex) { count in
            appendNumber(count, to: &bytes)
        } text: { number in
            guard known, let renumbered = numbering.number(number, in: stored.texts) else { return known = false }
            appendNumber(renumbered, to: &bytes)
        }
        guard end == form.endIndex, known else {
            bytes.removeSubrange(start...)
            return false
        }
        return true
    }

    /// Where the stored form starting at `start` ends, walking it without reading a text and handing `named` each text
    /// number it holds; nil when it runs past `end`.
    static func storedForm(in bytes: [UInt8], from start: Int, end: Int, named: (Int) -> Void = { _ in }) -> Int? {
        walk(bytes[...], from: start, end: end, count: { _ in }, text: named)
    }

    /// The links and ids of a stored form, with the texts its numbers name; nil when it is not one.
    static func decoded(_ form: ArraySlice<UInt8>, texts: StoredLinkTexts) -> HTMLLinks? {
        var lists: [[String]] = [[], []]
        var list = -1
        var missing = false
        let end = walk(form, from: form.startIndex, end: form.endIndex) { _ in
            list += 1
        } text: { number in
            guard let text = texts.text(number) else { return missing = true }
            lists[list].append(text)
        }
        guard end == form.endIndex, !missing else { return nil }
        return HTMLLinks(links: lists[0], ids: Set(lists[1]))
    }

    /// Walks the stored form at `start`, handing on each list's count and then each text number; where it ends, or nil
    /// when a number runs past `end` or a count is larger than the bytes left.
    private static func walk(
        _ bytes: ArraySlice<UInt8>, from start: Int, end: Int, count: (Int) -> Void, text: (Int) -> Void
    ) -> Int? {
        var offset = start
        for _ in 0..<2 {
            // Every number takes a byte at least.
            guard let items = number(bytes, at: &offset, end: end), items <= end - offset else { return nil }
            count(items)
            for _ in 0..<items {
                guard let number = number(bytes, at: &offset, end: end) else { return nil }
                text(number)
            }
        }
        return offset
    }

    /// Appends `number` (not negative) as an unsigned LEB128.
    private static func appendNumber(_ number: Int, to bytes: inout [UInt8]) {
        var rest = UInt(number)
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// The unsigned LEB128 at `offset`, which moves past it; nil when it runs past `end` or does not fit in 56 bits.
    private static func number(_ bytes: ArraySlice<UInt8>, at offset: inout Int, end: Int) -> Int? {
        var value = 0
        var shift = 0
        while offset < end, shift < 56 {
            let byte = bytes[offset]
            offset += 1
            value |= Int(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }
}

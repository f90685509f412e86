/// A template's text rewritten, once when the theme is parsed, so that rendering it records every link and id it
/// writes: each `href`, `src` and `action` value, each `id` and each `<a name>`.
///
/// A value with one `{{variable}}` gets a `{{% CONTENT_TYPE}}` switch around the variable to a ``RecordingEscaping``
/// that knows the value's text on either side; a value written literally gets the same around an empty variable
/// (`lessonsLiteral`, which ``TemplateSet`` gives every render). Both render the same bytes as before. A value the
/// rewrite cannot follow (two variables, a section or an unescaped variable inside the quotes, an unquoted value with a
/// tag, or a template that sets its own content type) makes the template not `complete`; ``TemplateSet`` then leaves
/// the theme's pages unrecorded and the link check reads their HTML instead.
struct RecordingTemplate {
    /// The rewritten template text.
    let text: String
    /// The escapings the text selects, to register before it is parsed.
    let escapings: [RecordingEscaping]
    /// Whether every link and id attribute of the template is recorded.
    let complete: Bool

    /// The name of the empty value a literal attribute is recorded through.
    static let literalName = "lessonsLiteral"

    private static let open = Array("{{".utf8), close = Array("}}".utf8)
    private static let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/"),
        equals = UInt8(ascii: "="), quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'")

    init(_ template: String) {
        let b = Array(template.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count + 1024)
        var escapings: [RecordingEscaping] = []
        var complete = !template.contains("CONTENT_TYPE")
        let n = b.count
        var i = 0
        // Copies b[i..<end] and moves on.
        func copy(to end: Int) {
            out += b[i..<min(end, n)]
            i = min(end, n)
        }
        while i < n {
            if Self.starts(b, i, Self.open) {
                copy(to: Self.tagEnd(b, i))
                continue
            }
            if Self.starts(b, i, Array("<!--".utf8)) {
                copy(to: Self.find(b, Array("-->".utf8), from: i + 4).map { $0 + 3 } ?? n)
                continue
            }
            guard b[i] == Self.lt, i + 1 < n, HTMLLinkScanner.isLetter(b[i + 1]) else {
                copy(to: i + 1)
                continue
            }
            var j = i + 1
            while j < n, HTMLLinkScanner.isNameByte(b[j]) { j += 1 }
            let tag = Self.lowercased(b[(i + 1)..<j])
            copy(to: j)
            var selfClosing = false
            // Attributes, with Mustache tags between them read as opaque.
            while i < n {
                while i < n, HTMLLinkScanner.isSpace(b[i]) { copy(to: i + 1) }
                guard i < n else { break }
                if Self.starts(b, i, Self.open) {
                    copy(to: Self.tagEnd(b, i))
                    continue
                }
                if b[i] == Self.gt {
                    copy(to: i + 1)
                    break
                }
                if b[i] == Self.slash {
                    selfClosing = true
                    copy(to: i + 1)
                    continue
                }
                var k = i
                while k < n, !HTMLLinkScanner.isSpace(b[k]), b[k] != Self.equals, b[k] != Self.gt, b[k] != Self.slash,
                    !Self.starts(b, k, Self.open)
                {
                    k += 1
                }
                let attribute = Self.lowercased(b[i..<k])
                copy(to: k)
                while i < n, HTMLLinkScanner.isSpace(b[i]) { copy(to: i + 1) }
                guard i < n, b[i] == Self.equals else { continue }
                copy(to: i + 1)
                while i < n, HTMLLinkScanner.isSpace(b[i]) { copy(to: i + 1) }
                guard i < n else { break }
                let isLink = ["href", "src", "action"].contains(attribute)
                let recorded = isLink || attribute == "id" || (attribute == "name" && tag == "a")
                guard b[i] == Self.quote || b[i] == Self.apostrophe else {
                    // Unquoted: the value runs to a space or `>`.
                    var end = i
                    while end < n, !HTMLLinkScanner.isSpace(b[end]), b[end] != Self.gt { end += 1 }
                    if recorded { complete = false }
                    copy(to: end)
                    continue
                }
                let delimiter = b[i]
                copy(to: i + 1)
                var end = i
                while end < n, b[end] != delimiter { end += 1 }
                let value = Array(b[i..<end])
                i = end
                if recorded, let rewritten = Self.recording(value, isLink: isLink) {
                    out += rewritten.text
                    escapings.append(rewritten.escaping)
                } else {
                    if recorded { complete = false }
                    out += value
                }
            }
            if !selfClosing, tag == "script" || tag == "style" {
                copy(to: Self.find(b, Array("</\(tag)".utf8), from: i) ?? n)
            }
        }
        self.text = String(decoding: out, as: UTF8.self)
        self.escapings = escapings
        self.complete = complete
    }

    /// `value` (the text inside the quotes) with its one variable, or the empty literal variable, recorded.
    private static func recording(_ value: [UInt8], isLink: Bool) -> (text: [UInt8], escaping: RecordingEscaping)? {
        guard let start = find(value, open, from: 0) else {
            let escaping = RecordingEscaping(isLink: isLink, prefix: decoded(value[...]), suffix: "")
            return (switching(to: escaping) + Array("{{\(literalName)}}".utf8) + restoring + value, escaping)
        }
        let end = tagEnd(value, start)
        // One plain `{{name}}`: not a section, partial, comment, unescaped variable or delimiter change.
        guard start + 2 < value.count, !"#^/{&>!=%$<".utf8.contains(value[start + 2]),
            find(value, open, from: end) == nil,
            end <= value.count, value[(end - 2)..<end].elementsEqual(close), !value[start..<end].contains(quote)
        else { return nil }
        let escaping = RecordingEscaping(
            isLink: isLink, prefix: decoded(value[..<start]), suffix: decoded(value[end...]))
        return (
            Array(value[..<start]) + switching(to: escaping) + value[start..<end] + restoring + value[end...], escaping
        )
    }

    private static func switching(to escaping: RecordingEscaping) -> [UInt8] {
        Array("{{% CONTENT_TYPE: \(escaping.name)}}".utf8)
    }

    private static let restoring = Array("{{% CONTENT_TYPE: \(HTMLEscaping.name)}}".utf8)

    private static func decoded(_ bytes: ArraySlice<UInt8>) -> String {
        HTMLLinkScanner.decodeReferences(String(decoding: bytes, as: UTF8.self))
    }

    /// The index after the Mustache tag starting at `start` (`}}}` for a triple one).
    private static func tagEnd(_ b: [UInt8], _ start: Int) -> Int {
        let triple = start + 2 < b.count && b[start + 2] == UInt8(ascii: "{")
        let closing = triple ? Array("}}}".utf8) : close
        return find(b, closing, from: start + 2).map { $0 + closing.count } ?? b.count
    }

    private static func starts(_ b: [UInt8], _ i: Int, _ needle: [UInt8]) -> Bool {
        i + needle.count <= b.count && b[i..<(i + needle.count)].elementsEqual(needle)
    }

    private static func find(_ b: [UInt8], _ needle: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, b.count >= needle.count, start <= b.count - needle.count else { return nil }
        for i in start...(b.count - needle.count) where starts(b, i, needle) { return i }
        return nil
    }

    private static func lowercased(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
    }

}

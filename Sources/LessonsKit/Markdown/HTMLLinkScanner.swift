/// Finds the link targets (`href`, `src`, `action`) and the anchor names (`id`, `<a name>`) of an HTML page.
///
/// A small tokenizer over bytes, enough for the HTML this generator writes: comments are skipped, and the
/// contents of `<script>` and `<style>` are not read as markup. Escaped markup in text (`&lt;a href…`) is text.
///
/// Pages the renderer builds record their links as they are written (``TemplateSet``, ``PreparedMarkdown``), so the
/// build scans only what nobody recorded: each Markdown body's HTML once when it is parsed, the few bodies rendered in
/// full, and a page of a theme whose attribute values are too intricate to record. Tests use it to prove that the
/// recorded links are the ones in the HTML.
struct HTMLLinkScanner: Sendable {
    /// What one page links to and which fragments it can be linked at.
    typealias Result = HTMLLinks

    static func scan(_ bytes: [UInt8]) -> Result {
        bytes.withUnsafeBufferPointer { scan($0) }
    }

    private static let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/"),
        equals = UInt8(ascii: "=")
    private static let quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'")

    static func scan(_ b: UnsafeBufferPointer<UInt8>) -> Result {
        var result = Result()
        let n = b.count
        var i = 0
        while i < n {
            guard b[i] == lt else {
                i += 1
                continue
            }
            if i + 3 < n, b[i + 1] == UInt8(ascii: "!"), b[i + 2] == UInt8(ascii: "-"), b[i + 3] == UInt8(ascii: "-") {
                i = find(b, Array("-->".utf8), from: i + 4).map { $0 + 3 } ?? n
                continue
            }
            guard i + 1 < n, isLetter(b[i + 1]) else {
                i += 1
                continue
            }
            // Tag name.
            var j = i + 1
            while j < n, isNameByte(b[j]) { j += 1 }
            let name = lowercased(b, i + 1, j)
            var selfClosing = false
            // Attributes.
            while j < n {
                while j < n, isSpace(b[j]) { j += 1 }
                guard j < n else { break }
                if b[j] == gt {
                    j += 1
                    break
                }
                if b[j] == slash {
                    selfClosing = true
                    j += 1
                    continue
                }
                let nameStart = j
                while j < n, !isSpace(b[j]), b[j] != equals, b[j] != gt, b[j] != slash { j += 1 }
                let attribute = lowercased(b, nameStart, j)
                while j < n, isSpace(b[j]) { j += 1 }
                guard j < n, b[j] == equals else { continue }
                j += 1
                while j < n, isSpace(b[j]) { j += 1 }
                guard j < n else { break }
                var valueStart = j
                var valueEnd = j
                if b[j] == quote || b[j] == apostrophe {
                    let delimiter = b[j]
                    valueStart = j + 1
                    valueEnd = valueStart
                    while valueEnd < n, b[valueEnd] != delimiter { valueEnd += 1 }
                    j = min(n, valueEnd + 1)
                } else {
                    while valueEnd < n, !isSpace(b[valueEnd]), b[valueEnd] != gt { valueEnd += 1 }
                    j = valueEnd
                }
                switch attribute {
                case "href", "src", "action":
                    result.links.append(
                        decodeReferences(
                            String(decoding: UnsafeBufferPointer(rebasing: b[valueStart..<valueEnd]), as: UTF8.self)))
                case "id":
                    result.ids.insert(
                        decodeReferences(
                            String(decoding: UnsafeBufferPointer(rebasing: b[valueStart..<valueEnd]), as: UTF8.self)))
                case "name" where name == "a":
                    result.ids.insert(
                        decodeReferences(
                            String(decoding: UnsafeBufferPointer(rebasing: b[valueStart..<valueEnd]), as: UTF8.self)))
                default: break
                }
            }
            i = j
            if !selfClosing, name == "script" || name == "style" {
                i = find(b, Array("</\(name)".utf8), from: i) ?? n
            }
        }
        return result
    }

    private static func find(_ b: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, b.count >= needle.count else { return nil }
        var i = start
        let last = b.count - needle.count
        while i <= last {
            if b[i] == first {
                var k = 1
                while k < needle.count, b[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    private static func lowercased(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        String(decoding: b[start..<end].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
    }

    static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    static func isNameByte(_ c: UInt8) -> Bool {
        isLetter(c) || (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-")
    }
    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C }

    /// Decodes `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;` and numeric references; others stay as written.
    static func decodeReferences(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semicolon = after.prefix(10).firstIndex(of: ";") else {
                out += "&"
                rest = after
                continue
            }
            let name = after[..<semicolon]
            var decoded: String?
            switch name {
            case "amp": decoded = "&"
            case "lt": decoded = "<"
            case "gt": decoded = ">"
            case "quot": decoded = "\""
            case "apos": decoded = "'"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if name.hasPrefix("#") {
                    decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                }
            }
            if let decoded {
                out += decoded
                rest = after[after.index(after: semicolon)...]
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }
}

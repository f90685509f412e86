import Mustache

/// The HTML escaping of every `{{value}}`: `&`, `<`, `>`, `"` and `'` as swift-mustache's own HTML content type writes
/// them, but done on the UTF-8 bytes, where the library walks the text `Character` by `Character` through a dictionary
/// (about 7 % of a build). Byte-level escaping also catches a `<` that a combining mark would hide inside a Character.
///
/// `TemplateSet` switches each template to it with a first line `{{% CONTENT_TYPE: LESSONS_HTML}}`.
struct HTMLEscaping: MustacheContentType {
    static let name = "LESSONS_HTML"

    /// The pragma line put in front of every template; standalone, so it renders as nothing.
    static let pragma = "{{% CONTENT_TYPE: \(name)}}\n"

    func escapeText(_ text: String) -> String { Self.escape(text) }

    /// `text` with the five HTML-special characters written as entities.
    static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        // Most values have nothing to escape: look for a special byte without touching the entities.
        let hasSpecial =
            utf8.withContiguousStorageIfAvailable { $0.contains(where: isSpecial) } ?? utf8.contains(where: isSpecial)
        guard hasSpecial else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 32)
        for byte in utf8 {
            if let entity = entity(for: byte) {
                out += entity
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let ampersand = Array("&amp;".utf8)
    private static let lessThan = Array("&lt;".utf8)
    private static let greaterThan = Array("&gt;".utf8)
    private static let quote = Array("&quot;".utf8)
    private static let apostrophe = Array("&#39;".utf8)

    @inline(__always)
    private static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        default: false
        }
    }

    @inline(__always)
    private static func entity(for byte: UInt8) -> [UInt8]? {
        switch byte {
        case UInt8(ascii: "&"): ampersand
        case UInt8(ascii: "<"): lessThan
        case UInt8(ascii: ">"): greaterThan
        case UInt8(ascii: "\""): quote
        case UInt8(ascii: "'"): apostrophe
        default: nil
        }
    }
}

/// Writes a converted model (what ``TemplateValue/convertModel(_:)`` gives Mustache) as bytes for ``PageReuse``'s
/// digest: every name and value in order, each tagged and length-prefixed, so two models that differ in anything
/// Mustache can read never give the same bytes.
///
/// Only the value kinds `TemplateValue` produces are known: `TemplateValue`, arrays, `TemplateText`, `String`, `HTMLFragment` (its HTML
/// and recorded links), `Bool`, `Int` and `[String: String]` (keys sorted). Any other value (one `TemplateValue.convert` passes through untouched) makes
/// ``append(_:to:)`` return false, and the page is then always rendered.
enum TemplateValueBytes {
    /// Appends `value`; false when it holds a value of a kind this encoding does not know.
    static func append(_ value: Any, to buffer: inout [UInt8]) -> Bool {
        // The kinds a converted model is made of, recognised by their exact type before any cast (a failed cast to a
        // collection type is slow), written the same way as by the cases below.
        let type = Swift.type(of: value)
        if type == TemplateText.self, let text = value as? TemplateText {
            buffer.append(0x58)  // X
            appendText(text.text, to: &buffer)
            return true
        }
        if type == TemplateValue.self, let fields = value as? TemplateValue { return append(fields, to: &buffer) }
        if type == [Any].self, let items = value as? [Any] { return append(items, to: &buffer) }
        if type == [TemplateText].self, let texts = value as? [TemplateText] {
            buffer.append(0x41)  // A
            appendLength(texts.count, to: &buffer)
            for text in texts {
                buffer.append(0x58)  // X
                appendText(text.text, to: &buffer)
            }
            return true
        }
        switch value {
        case let text as TemplateText:
            buffer.append(0x58)  // X
            appendText(text.text, to: &buffer)
        case let text as String:
            buffer.append(0x53)  // S
            appendText(text, to: &buffer)
        case let fields as TemplateValue:
            return append(fields, to: &buffer)
        case let fragment as HTMLFragment:
            // Its HTML is written as it is, and its links are recorded on the page: both count.
            buffer.append(0x48)  // H
            appendText(fragment.html, to: &buffer)
            appendLength(fragment.links.links.count, to: &buffer)
            for link in fragment.links.links { appendText(link, to: &buffer) }
            appendLength(fragment.links.ids.count, to: &buffer)
            for id in fragment.links.ids.sorted() { appendText(id, to: &buffer) }
        case let flag as Bool:
            buffer.append(flag ? 0x31 : 0x30)
        case let number as Int:
            buffer.append(0x49)  // I
            appendLength(number, to: &buffer)
        case let table as [String: String]:
            buffer.append(0x44)  // D
            appendLength(table.count, to: &buffer)
            for key in table.keys.sorted() {
                appendText(key, to: &buffer)
                appendText(table[key] ?? "", to: &buffer)
            }
        case let items as [Any]:
            return append(items, to: &buffer)
        default:
            return false
        }
        return true
    }

    private static func append(_ fields: TemplateValue, to buffer: inout [UInt8]) -> Bool {
        buffer.append(0x54)  // T
        appendLength(fields.names.count, to: &buffer)
        for (name, field) in zip(fields.names, fields.values) {
            appendText(name, to: &buffer)
            guard append(field, to: &buffer) else { return false }
        }
        return true
    }

    private static func append(_ items: [Any], to buffer: inout [UInt8]) -> Bool {
        buffer.append(0x41)  // A
        appendLength(items.count, to: &buffer)
        for item in items {
            guard append(item, to: &buffer) else { return false }
        }
        return true
    }

    /// Appends a text's UTF-8 bytes after their count.
    static func appendText(_ text: String, to buffer: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            appendLength(bytes.count, to: &buffer)
            buffer.append(contentsOf: bytes)
        }
    }

    /// Appends a number as eight little-endian bytes.
    static func appendLength(_ number: Int, to buffer: inout [UInt8]) {
        // One append of the eight bytes, not eight: keys of every card and page are made of these.
        withUnsafeBytes(of: UInt64(bitPattern: Int64(number)).littleEndian) { buffer.append(contentsOf: $0) }
    }
}

/// Finds which bytes of a text node's literal were written escaped in the source (`\[` or `&#91;`).
///
/// cmark decodes escapes and merges the pieces into one text node, so `\[\[NOPE\]\]` reaches the
/// rewriter as `[[NOPE]]`; the writer meant literal brackets, not a reference. Literal and source are
/// walked side by side once, so the cost is linear in the length of the line.
enum EscapedBytes {
    /// For each byte of `literal`, whether it came from an escape or a character reference in `source`
    /// (the source from the node's first byte on). Bytes after a point where the two stop matching
    /// (which should not happen for a single-line text node) count as not escaped.
    static func mark(literal: [UInt8], source: ArraySlice<UInt8>) -> [Bool] {
        var escaped = [Bool](repeating: false, count: literal.count)
        var i = 0
        var j = source.startIndex
        let backslash = UInt8(ascii: "\\")
        let ampersand = UInt8(ascii: "&")
        let semicolon = UInt8(ascii: ";")
        while i < literal.count, j < source.endIndex {
            let byte = source[j]
            if byte == backslash, j + 1 < source.endIndex, isASCIIPunctuation(source[j + 1]),
                literal[i] == source[j + 1]
            {
                escaped[i] = true
                i += 1
                j += 2
            } else if byte == ampersand, literal[i] != ampersand,
                let end = source[j..<min(j + 40, source.endIndex)].firstIndex(of: semicolon)
            {
                // A character reference decodes to one scalar: mark all of its UTF-8 bytes.
                let length = scalarLength(literal[i])
                for k in i..<min(i + length, literal.count) { escaped[k] = true }
                i += length
                j = end + 1
            } else if literal[i] == byte {
                i += 1
                j += 1
            } else {
                break
            }
        }
        return escaped
    }

    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
            || (0x7B...0x7E).contains(byte)
    }

    private static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : 4
    }
}

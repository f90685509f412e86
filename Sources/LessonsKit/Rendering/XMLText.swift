/// Escaping for XML text and attribute values (feeds, sitemaps and SVG charts).
public enum XMLText {
    /// The text with `&`, `<`, `>`, quotes and apostrophes escaped and the control characters XML forbids dropped.
    ///
    /// Works on UTF-8 bytes: every byte it changes is ASCII, and no byte of a multi-byte character is.
    public static func escape(_ text: String) -> String {
        // Most texts (URLs, titles) need nothing: they are returned as they are.
        guard text.utf8.contains(where: needsWork) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "\""): out += "&quot;".utf8
            case UInt8(ascii: "'"): out += "&apos;".utf8
            // Control characters other than tab and newlines are not allowed in XML 1.0.
            case _ where isForbidden(byte): continue
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func needsWork(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        default: isForbidden(byte)
        }
    }

    private static func isForbidden(_ byte: UInt8) -> Bool {
        byte < 0x20 && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\n") && byte != UInt8(ascii: "\r")
    }
}

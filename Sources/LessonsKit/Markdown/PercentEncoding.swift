/// Percent-encoding on UTF-8 bytes (RFC 3986 §2.1: `%` and two upper-case hexadecimal digits per byte).
enum PercentEncoding {
    /// `text` with the bytes `isKept` accepts as they are, and every other byte as `replacement` writes it or, when that
    /// gives nil, percent-encoded. A text that keeps every byte is returned as it is.
    static func encode(
        _ text: String, keeping isKept: (UInt8) -> Bool, replacement: (UInt8) -> String? = { _ in nil }
    ) -> String {
        guard !text.utf8.allSatisfy(isKept) else { return text }
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 3)
        for byte in text.utf8 {
            if isKept(byte) {
                out.append(byte)
            } else if let written = replacement(byte) {
                out += written.utf8
            } else {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

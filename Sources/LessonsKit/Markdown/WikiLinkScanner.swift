/// Finds `[[ID]]` references in a run of plain text.
enum WikiLinkScanner {
    /// One `[[ID]]` occurrence; `range` is in UTF-8 bytes of the scanned text and covers the brackets.
    struct Match: Equatable {
        let id: String
        let range: Range<Int>
    }

    /// Every `[[ID]]` in `text`, left to right, where ID matches `[A-Za-z][A-Za-z0-9-]*`.
    static func matches(in text: String) -> [Match] {
        let bytes = Array(text.utf8)
        let open = UInt8(ascii: "[")
        let close = UInt8(ascii: "]")
        var result: [Match] = []
        var index = 0
        while index + 4 < bytes.count {
            guard bytes[index] == open, bytes[index + 1] == open, isLetter(bytes[index + 2]) else {
                index += 1
                continue
            }
            var end = index + 3
            while end < bytes.count, isIdentifierByte(bytes[end]) {
                end += 1
            }
            if end + 1 < bytes.count, bytes[end] == close, bytes[end + 1] == close {
                let id = String(decoding: bytes[(index + 2)..<end], as: UTF8.self)
                result.append(Match(id: id, range: index..<(end + 2)))
                index = end + 2
            } else {
                index += 1
            }
        }
        return result
    }

    /// Whether `text` is a document id: `^[A-Za-z][A-Za-z0-9-]*$`.
    static func isIdentifier(_ text: some StringProtocol) -> Bool {
        guard let first = text.utf8.first, isLetter(first) else { return false }
        return text.utf8.allSatisfy(isIdentifierByte)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
    }
}

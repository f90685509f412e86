/// What a quick pass over a line's bytes says about which privacy checks could possibly match it.
///
/// Regular expressions are only run on lines whose signals allow a match, which keeps the scanner fast on
/// large sites: most lines have fewer than ten digits, no `@` and no honorific.
struct LineSignals: Sendable, Hashable {
    var digits = 0
    var hasAt = false
    /// A capital letter directly followed by a digit, as in every postcode's outward code.
    var hasCapitalThenDigit = false
    /// `Mr`, `Mrs`, `Ms`, `Mx`, `Miss`, `Dr` or `Prof` at the start of a word.
    var hasHonorific = false

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var previous: UInt8 = 0x20
        for index in bytes.indices {
            let byte = bytes[index]
            switch byte {
            case 0x30...0x39:
                digits += 1
                if previous >= 0x41, previous <= 0x5A { hasCapitalThenDigit = true }
            case 0x40:
                hasAt = true
            case 0x44, 0x4D, 0x50:  // D, M, P
                if !hasHonorific, !previous.isASCIIAlphanumeric {
                    hasHonorific = Self.honorifics.contains { Self.bytes(bytes, at: index, startWith: $0) }
                }
            default:
                break
            }
            previous = byte
        }
    }

    /// Honorifics as they can start a match: followed by a space (or no-break space), a full stop or (for `Prof`) more letters.
    private static let honorifics: [[UInt8]] = [
        "Mr ", "Mr.", "Mrs", "Ms ", "Ms.", "Mx ", "Mx.", "Miss ", "Miss.", "Dr ", "Dr.", "Prof",
        "Mr\u{A0}", "Ms\u{A0}", "Mx\u{A0}", "Dr\u{A0}", "Miss\u{A0}",
    ].map { Array($0.utf8) }

    private static func bytes(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, startWith prefix: [UInt8]) -> Bool {
        guard bytes.count - index >= prefix.count else { return false }
        for offset in prefix.indices where bytes[index + offset] != prefix[offset] { return false }
        return true
    }

    /// True when `needle` (small ASCII letters and punctuation) occurs in `bytes`, ignoring the case of letters.
    static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], ignoringCase: Bool) -> Bool {
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        var index = 0
        let last = bytes.count - needle.count
        while index <= last {
            let byte = ignoringCase ? bytes[index].lowercasedASCII : bytes[index]
            if byte == first {
                var offset = 1
                while offset < needle.count {
                    let other = ignoringCase ? bytes[index + offset].lowercasedASCII : bytes[index + offset]
                    if other != needle[offset] { break }
                    offset += 1
                }
                if offset == needle.count { return true }
            }
            index += 1
        }
        return false
    }
}

extension UInt8 {
    var isASCIIAlphanumeric: Bool {
        (self >= 0x30 && self <= 0x39) || (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A)
    }
}

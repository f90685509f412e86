import Foundation

/// Turns text into search words: case and accents folded, split on anything that is not a letter or digit.
///
/// `assets/search.js` folds and splits the reader's query the same way (NFD, marks dropped, lower case),
/// so a word indexed here is found whatever accents or capitals the reader types.
enum SearchText {
    /// Folded words of `text` in order, one-character words dropped.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        // The word being read, as UTF-8 bytes, and its length in scalars.
        var current: [UInt8] = []
        var scalars = 0
        func flush() {
            if scalars > 1 { words.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
            scalars = 0
        }
        func append(_ scalar: Unicode.Scalar) {
            UTF8.encode(scalar) { current.append($0) }
            scalars += 1
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let value = UInt8(scalar.value)
                switch value {
                case 0x30...0x39, 0x61...0x7A:
                    current.append(value)
                    scalars += 1
                case 0x41...0x5A:
                    current.append(value + 32)
                    scalars += 1
                default: flush()
                }
                continue
            }
            var isWordPart = false
            for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars where !isCombiningMark(part)
            {
                guard isLetterOrDigit(part) else { continue }
                isWordPart = true
                for lower in part.properties.lowercaseMapping.unicodeScalars { append(lower) }
            }
            // A lone combining mark belongs to the word it follows.
            if !isWordPart && !isCombiningMark(scalar) { flush() }
        }
        flush()
        return words
    }

    /// Folded, lower-cased text with accents removed (for comparing whole strings).
    static func fold(_ text: String) -> String {
        words(text).joined(separator: " ")
    }

    /// Words too common to be worth indexing; the query ignores them too (the list is sent to the browser).
    static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has", "have", "he",
        "her", "his", "if", "in", "into", "is", "it", "its", "of", "on", "or", "our", "she", "so", "than", "that",
        "the", "their", "them", "then", "there", "these", "they", "this", "to", "was", "we", "were", "which",
        "who", "will", "with", "would", "you", "your",
    ]

    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        (0x0300...0x036F).contains(scalar.value)
    }

    static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            true
        default: false
        }
    }
}

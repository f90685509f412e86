/// Trimming without a round trip through `NSString`: the same characters as Foundation's `CharacterSet.whitespaces`
/// and `.whitespacesAndNewlines`, taken off both ends of the Unicode scalars.
extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (Unicode category Zs and U+0009), like
    /// `trimmingCharacters(in: .whitespaces)`.
    func trimmingWhitespace() -> String {
        trimmingScalars { $0.value == 0x09 || $0.properties.generalCategory == .spaceSeparator }
    }

    /// The text without leading and trailing white space and line breaks (categories Z*, U+0009–U+000D, U+0085), like
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`.
    func trimmingWhitespaceAndNewlines() -> String {
        trimmingScalars { scalar in
            switch scalar.value {
            case 0x09...0x0D, 0x85: return true
            case 0x21..<0x80: return false
            default:
                switch scalar.properties.generalCategory {
                case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
                default: return false
                }
            }
        }
    }

    private func trimmingScalars(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = Substring(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }) else { return "" }
        // `first` is a non-trimmed scalar, so a last one exists.
        let last = scalars.lastIndex(where: { !isTrimmed($0) }) ?? first
        return String(Substring(scalars[first...last]))
    }
}

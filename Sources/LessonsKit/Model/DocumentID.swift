/// The id rules: letters, digits and `-` only, starting with a letter, at most ``maximumLength`` characters.
enum DocumentID {
    /// Longest id accepted: ids become folder and file names (`<id>.pdf`), which file systems limit to 255 bytes.
    static let maximumLength = 100

    static func isValid(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first.isASCIILetter else { return false }
        return id.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "-" }
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}

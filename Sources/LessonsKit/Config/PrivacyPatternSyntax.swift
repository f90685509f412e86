import Foundation

/// The syntax `privacy.patterns` promises, checked when site.yaml loads and used again by the privacy scanner.
extension PrivacyPattern {
    /// Compiles a site pattern as `privacy.patterns` promises: NSRegularExpression syntax, case-sensitive unless it starts with `(?i)`.
    /// - Returns: the expression, or the reason it is not valid.
    static func compile(_ pattern: String) -> Result<NSRegularExpression, PatternProblem> {
        guard !pattern.isEmpty else { return .failure(PatternProblem(reason: "the pattern is empty")) }
        do {
            let regex = try NSRegularExpression(pattern: pattern)
            // A pattern that matches empty text would flag every line.
            if regex.firstMatch(in: "", range: NSRange(location: 0, length: 0)) != nil {
                return .failure(PatternProblem(reason: "it matches empty text, so it would flag every line"))
            }
            return .success(regex)
        } catch {
            return .failure(PatternProblem(reason: "it is not a valid regular expression"))
        }
    }

    /// Why a site pattern cannot be used.
    struct PatternProblem: Error, Sendable {
        /// The reason, as a clause for "cannot be used: …".
        let reason: String
    }
}

import Foundation

/// Checks URLs written in front matter before they become links: only web, mail and telephone links survive.
enum ExternalURL {
    static func isSafe(_ url: String) -> Bool {
        let cleaned = url.unicodeScalars.filter {
            !CharacterSet.whitespacesAndNewlines.contains($0) && !CharacterSet.controlCharacters.contains($0)
        }
        let lowered = String(String.UnicodeScalarView(cleaned)).lowercased()
        guard let colon = lowered.firstIndex(of: ":"), !lowered[..<colon].contains("/") else { return true }
        return ["http", "https", "mailto", "tel"].contains(String(lowered[..<colon]))
    }
}

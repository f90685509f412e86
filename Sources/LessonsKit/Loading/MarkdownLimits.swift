/// Limits that keep Markdown inside what the system's cmark handles in linear time.
///
/// Debian's libcmark 0.30.2 takes time proportional to (unclosed image openings `![`) × (closing brackets) in
/// one paragraph: 100,000 repeats of `![[]()` take minutes (fixed upstream in 0.30.3). We stay on the system
/// library, so text is refused before cmark sees it when one paragraph (text between blank lines) holds more
/// than ``maximumImageOpeningsPerParagraph`` `![`. Real writing never comes near: that is a picture per word.
enum MarkdownLimits {
    /// Most `![` accepted in one paragraph; at this limit the worst case of a 5 MB file renders in a few seconds.
    static let maximumImageOpeningsPerParagraph = 500

    /// The 1-based line and scalar column of the `![` that exceeds the limit in `text`, if any.
    static func firstExcess(in text: String) -> (line: Int, column: Int)? {
        var line = 1
        var column = 0
        var openings = 0
        var lineIsBlank = true
        var previous: Unicode.Scalar = "\n"
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if lineIsBlank { openings = 0 }
                line += 1
                column = 0
                lineIsBlank = true
                previous = scalar
                continue
            }
            column += 1
            if scalar != " " && scalar != "\t" { lineIsBlank = false }
            if scalar == "[", previous == "!" {
                openings += 1
                if openings > maximumImageOpeningsPerParagraph { return (line, column - 1) }
            }
            previous = scalar
        }
        return nil
    }

    /// The message and hint for text past the limit.
    static let message = "more than \(maximumImageOpeningsPerParagraph) image openings '![' in one paragraph"
    static let hint =
        "the Markdown reader slows down sharply on text like this, so it is refused; split the paragraph with blank lines or remove the stray '![' (write \\![ for a literal one)"
}

/// A document file split into its YAML front matter and Markdown body.
struct FrontMatterSplit: Sendable, Hashable {
    /// The YAML text between the `---` lines.
    let yaml: String
    /// The line of the file on which the YAML starts (2 when the file starts with `---`).
    let yamlFirstLine: Int
    /// The Markdown after the closing `---` line.
    let body: String
    /// The line of the file on which the body starts.
    let bodyFirstLine: Int
}

/// Splits `---`-delimited front matter from a document, reporting a located error when it is missing or unterminated.
enum FrontMatter {
    static func split(_ file: SourceFile) -> Result<FrontMatterSplit, Diagnostic> {
        var text = Substring(file.text)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        if text.allSatisfy({ $0.isWhitespace }) {
            return .failure(
                .error(
                    .emptyFile, "the file is empty", at: SourceLocation(file: file.path),
                    hint:
                        "start it with a line '---', then fields such as 'id: …' and 'title: …', then another '---' line"
                ))
        }
        var end = text.lineEnd(from: text.startIndex)
        guard isDelimiter(text[..<end]) else {
            return .failure(
                .error(
                    .missingFrontMatter, "no front matter: the file must start with a '---' line",
                    at: SourceLocation(file: file.path),
                    hint: "did you forget the '---' lines around the id, title and date at the top?"))
        }
        // Line by line (cut as `split(separator: "\n")` cuts) up to the closing line; the body is the rest, as written.
        var index = 0
        var yamlStart: String.Index?
        while end < text.endIndex {
            let start = text.utf8.index(after: end)
            let lineEnd = text.lineEnd(from: start)
            index += 1
            if index == 1 { yamlStart = start }
            let line = text[start..<lineEnd]
            if isDelimiter(line) || isDocumentEnd(line) {
                let yaml = index == 1 ? "" : String(text[(yamlStart ?? start)..<end])
                let body = lineEnd < text.endIndex ? String(text[text.utf8.index(after: lineEnd)...]) : ""
                return .success(FrontMatterSplit(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: index + 2))
            }
            end = lineEnd
        }
        return .failure(
            .error(
                .unterminatedFrontMatter, "front matter is not closed by a '---' line",
                at: SourceLocation(file: file.path),
                hint: "add a line containing only --- after the last front-matter field"))
    }

    static func isDelimiter(_ line: Substring) -> Bool {
        line.trimmingTrailingWhitespace() == "---"
    }

    static func isDocumentEnd(_ line: Substring) -> Bool {
        line.trimmingTrailingWhitespace() == "..."
    }
}

extension Substring {
    func trimmingTrailingWhitespace() -> Substring {
        var end = endIndex
        while end > startIndex, let last = self[..<end].last, last.isWhitespace { end = index(before: end) }
        return self[..<end]
    }
}

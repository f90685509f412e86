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
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, isDelimiter(first) else {
            return .failure(
                .error(
                    .missingFrontMatter, "no front matter: the file must start with a '---' line",
                    at: SourceLocation(file: file.path),
                    hint: "did you forget the '---' lines around the id, title and date at the top?"))
        }
        for index in 1..<max(lines.count, 1) where isDelimiter(lines[index]) || isDocumentEnd(lines[index]) {
            let yaml = lines[1..<index].joined(separator: "\n")
            let body = index + 1 < lines.count ? lines[(index + 1)...].joined(separator: "\n") : ""
            return .success(FrontMatterSplit(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: index + 2))
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

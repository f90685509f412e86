/// The result of rendering one Markdown body.
public struct RenderedMarkdown: Sendable {
    /// The HTML fragment (no `data-sourcepos` attributes, no inline styles).
    public let html: String
    /// The text content without markup, whitespace collapsed to single spaces (for search and feeds).
    public let plainText: String
    /// Problems found while rendering, ordered by position.
    public let problems: [MarkdownProblem]

    /// Creates a rendering result.
    public init(html: String, plainText: String, problems: [MarkdownProblem]) {
        self.html = html
        self.plainText = plainText
        self.problems = problems
    }
}

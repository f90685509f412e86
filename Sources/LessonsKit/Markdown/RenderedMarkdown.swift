/// The result of rendering one Markdown body.
struct RenderedMarkdown: Sendable {
    /// The HTML fragment (no `data-sourcepos` attributes, no inline styles).
    let html: String
    /// The text content without markup, whitespace collapsed to single spaces (for search and feeds).
    let plainText: String
    /// Problems found while rendering, ordered by position.
    let problems: [MarkdownProblem]
    /// The links and ids in `html`, when the renderer knows them (``PreparedMarkdown`` does; a plain render does not).
    var links: HTMLLinks?
}

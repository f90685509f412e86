/// A link target in a Markdown body that the caller must resolve.
enum LinkRequest: Sendable, Hashable {
    /// A document id: `[[ID]]` in text, or a link destination that looks like an id
    /// (`^[A-Za-z][A-Za-z0-9-]*$`, e.g. `[text](INC-2026-014)`). The id is given as written.
    case reference(id: String)
    /// A link or image destination with no scheme that does not start with `/`, `#` or `?`
    /// (e.g. `poster.pdf`, `images/chart.png`). The path is percent-decoded and has any
    /// `?query` or `#fragment` removed; the renderer appends those again to a rewritten `href`.
    case relativePath(String)
}

/// What the caller decided for a ``LinkRequest``.
enum LinkResolution: Sendable, Hashable {
    /// Leave the destination as written (for `[[ID]]`, leave the literal text `[[ID]]`).
    case keep
    /// Rewrite the destination to `href`; for `[[ID]]` the link text is `title`.
    case link(href: String, title: String)
    /// The target exists but is not published here: render the text (for `[[ID]]`, the title) with no
    /// link, and report ``MarkdownProblem/Kind/linkOutsideEdition(_:)``.
    case plainText(title: String)
    /// Unknown target: render the text (for `[[ID]]`, the id) with no link and report a problem.
    case unresolved
}

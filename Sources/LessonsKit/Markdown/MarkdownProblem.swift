/// Something wrong in a Markdown body, with its position.
struct MarkdownProblem: Sendable, Hashable {
    /// The kind of problem, with the text it concerns.
    enum Kind: Sendable, Hashable {
        /// `[[ID]]` or `[text](ID)` names an id the resolver does not know.
        case unresolvedReference(String)
        /// The target (an id or a relative path) exists but is not published in this edition.
        case linkOutsideEdition(String)
        /// A relative link or image path that the resolver could not find (a missing attachment).
        case unresolvedPath(String)
        /// A `javascript:`, `vbscript:`, `data:` or `file:` destination, which was removed.
        case unsafeLinkScheme(String)
        /// An image with empty alt text; the value is the image's destination.
        case imageWithoutAlt(String)
        /// A ```` ```table ```` block that is not a valid pipe table; the value is the reason.
        case malformedTable(String)
    }

    /// What is wrong.
    let kind: Kind
    /// 1-based line within the Markdown string given to the renderer.
    let line: Int
    /// 1-based column within that line, counted in Unicode scalars.
    let column: Int

    /// Creates a problem at a 1-based line and scalar column.
    init(kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }

    /// A one-line English description of the problem, without its position.
    var message: String {
        switch kind {
        case .unresolvedReference(let id): "reference to unknown document id \"\(id)\""
        case .linkOutsideEdition(let target): "\"\(target)\" is not published in this edition; shown as plain text"
        case .unresolvedPath(let path): "linked file \"\(path)\" not found"
        case .unsafeLinkScheme(let url): "unsafe link \"\(url)\" removed"
        case .imageWithoutAlt(let url): "image \"\(url)\" has no alt text"
        case .malformedTable(let reason): "malformed table: \(reason)"
        }
    }
}

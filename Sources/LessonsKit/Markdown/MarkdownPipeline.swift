import Ccmark

/// One rendering run: parses with cmark, rewrites the tree, renders, and collects what it found.
///
/// Not `Sendable` and never stored: it lives inside one ``MarkdownRenderer`` call, and every cmark
/// tree it touches is parsed and freed inside its own methods.
struct MarkdownPipeline {
    let options: MarkdownOptions
    /// Maps positions in the text being parsed to positions in the caller's Markdown.
    var locator: SourceLocator
    private(set) var problems: [MarkdownProblem] = []
    private(set) var references: [BodyReference] = []
    /// Plain text of each table converted so far, in document order (custom blocks carry only HTML).
    var tablePlainTexts: [String] = []
    /// Every request passed to the resolver, in the order asked (see ``PreparedMarkdown``).
    private(set) var requests: [AskedRequest] = []

    init(options: MarkdownOptions, locator: SourceLocator) {
        self.options = options
        self.locator = locator
    }

    var parseOptions: Int32 {
        CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8 | (options.smartPunctuation ? CMARK_OPT_SMART : 0)
    }

    /// Render options: never `CMARK_OPT_SOURCEPOS`, so no `data-sourcepos` reaches the page.
    var renderOptions: Int32 {
        options.unsafeHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
    }

    var sortedProblems: [MarkdownProblem] {
        problems.enumerated()
            .sorted {
                ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset)
            }
            .map(\.element)
    }

    var sortedReferences: [BodyReference] {
        references.enumerated()
            .sorted {
                ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset)
            }
            .map(\.element)
    }

    mutating func report(_ kind: MarkdownProblem.Kind, at location: (line: Int, column: Int)) {
        problems.append(MarkdownProblem(kind: kind, line: location.line, column: location.column))
    }

    mutating func recordReference(_ id: String, at location: (line: Int, column: Int)) {
        references.append(BodyReference(id: id, line: location.line, column: location.column))
    }

    /// Notes a request about to be passed to the resolver, with where it is and how many problems came before it.
    mutating func noteRequest(at location: (line: Int, column: Int), isImage: Bool, isWikiLink: Bool) {
        requests.append(
            AskedRequest(
                line: location.line, column: location.column, isImage: isImage, isWikiLink: isWikiLink,
                problemsBefore: problems.count))
    }

    /// Merges what a nested run (a table cell) found into this one.
    mutating func absorb(_ other: MarkdownPipeline) {
        requests += other.requests.map { $0.after(problems.count) }
        problems += other.problems
        references += other.references
    }

    /// The position of a node in the caller's Markdown; see ``SourceLocator/location(line:byteColumn:expecting:)``.
    func location(of node: CmarkNode, expecting needles: [String] = []) -> (line: Int, column: Int) {
        let position = node.knownPosition
        return locator.location(line: position.line, byteColumn: position.column, expecting: needles)
    }

    /// Renders a whole document: tables, links and `[[ID]]` are rewritten in the tree first.
    mutating func renderDocument(
        _ markdown: String,
        produceHTML: Bool,
        resolve: (LinkRequest) -> LinkResolution
    ) -> (html: String, plainText: String) {
        guard let document = CmarkDocument(parsing: markdown, options: parseOptions) else { return ("", "") }
        let root = document.root
        rewriteTables(in: root, resolve: resolve)
        rewriteLinks(in: root, resolve: resolve)
        rewriteWikiLinks(in: root, resolve: resolve)
        let plain = plainText(of: root)
        let html = produceHTML ? root.html(options: renderOptions) : ""
        return (html, plain)
    }
}

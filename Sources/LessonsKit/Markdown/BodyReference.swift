/// A reference to another document found in a Markdown body (`[[ID]]` or `[text](ID)`).
public struct BodyReference: Sendable, Hashable {
    /// The id as written.
    public let id: String
    /// 1-based line within the Markdown string.
    public let line: Int
    /// 1-based column within that line, counted in Unicode scalars.
    public let column: Int

    /// Creates a reference at a 1-based line and scalar column.
    public init(id: String, line: Int, column: Int) {
        self.id = id
        self.line = line
        self.column = column
    }
}

/// A reference to another document found in a Markdown body (`[[ID]]` or `[text](ID)`).
struct BodyReference: Sendable, Hashable {
    /// The id as written.
    let id: String
    /// 1-based line within the Markdown string.
    let line: Int
    /// 1-based column within that line, counted in Unicode scalars.
    let column: Int

}

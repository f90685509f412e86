/// A position in a site file: the path relative to the site folder and a 1-based line and column.
///
/// Columns count Unicode scalars, not bytes, so editors land on the right character.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    let file: String
    let line: Int
    let column: Int

    init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = max(line, 1)
        self.column = max(column, 1)
    }

    /// `file:line:column`.
    public var description: String { "\(file):\(line):\(column)" }

    /// By file, then line, then column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    /// The same location moved down by `lines` (used to place front-matter and body positions in the file).
    func offset(lines: Int) -> SourceLocation {
        SourceLocation(file: file, line: line + lines, column: column)
    }
}

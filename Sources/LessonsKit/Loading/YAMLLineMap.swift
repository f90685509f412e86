/// Maps the line numbers the YAML parser reports to lines of the file.
///
/// libyaml also breaks lines at U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR, which editors and the
/// rest of the tool do not; without this map a title holding one would shift every later position.
struct YAMLLineMap: Sendable {
    /// For each parser line (index 0 is line 1): the file line (1-based, within the text) and the scalars before it on that line.
    private let starts: [(line: Int, columnOffset: Int)]

    init(_ text: String) {
        guard text.unicodeScalars.contains(where: { $0 == "\u{2028}" || $0 == "\u{2029}" }) else {
            starts = []
            return
        }
        var starts: [(line: Int, columnOffset: Int)] = [(1, 0)]
        var line = 1
        var column = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n":
                line += 1
                column = 0
                starts.append((line, 0))
            case "\u{2028}", "\u{2029}":
                column += 1
                starts.append((line, column))
            default:
                column += 1
            }
        }
        self.starts = starts
    }

    /// The file line and column (within the text, 1-based) of a parser position.
    func map(line: Int, column: Int) -> (line: Int, column: Int) {
        guard !starts.isEmpty, line >= 1, line <= starts.count else { return (line, column) }
        let start = starts[line - 1]
        return (start.line, start.columnOffset + column)
    }
}

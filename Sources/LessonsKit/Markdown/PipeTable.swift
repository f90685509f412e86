/// A pipe table parsed from the content of a ```` ```table ```` block.
///
/// ```
/// | Team | Actions | Done |
/// | :--- | :-----: | ---: |
/// | Ward 3 | 4 | 3 |
/// ```
/// The header row comes first, then a separator row (`---`, `:--`, `--:` or `:-:` per column), then body
/// rows. Outer pipes are optional and `\|` is a pipe inside a cell. Body rows with fewer cells are padded
/// with empty ones and extra cells are dropped. Blank lines are ignored.
struct PipeTable: Sendable, Hashable {
    /// How a column's cells are aligned.
    enum Alignment: Sendable, Hashable {
        case unspecified, left, center, right
    }

    /// One cell: its Markdown text (trimmed, `\|` unescaped) and where it starts.
    struct Cell: Sendable, Hashable {
        /// The cell's inline Markdown.
        var text: String
        /// 0-based line index within the block content.
        var line: Int
        /// 0-based Unicode-scalar offset of the text within that line.
        var column: Int
    }

    /// Why a block is not a table.
    enum ParseError: Error, Sendable, Hashable {
        case noHeader
        case missingSeparator
        case invalidSeparator(cell: String)
        case columnCountMismatch(header: Int, separator: Int)

        /// A short English reason for the problem report.
        var reason: String {
            switch self {
            case .noHeader:
                "the table has no header row"
            case .missingSeparator:
                "the header row must be followed by a separator row such as | --- | --- |"
            case .invalidSeparator(let cell):
                "separator cell \"\(cell)\" must be ---, :--, --: or :-:"
            case .columnCountMismatch(let header, let separator):
                "the separator row has \(separator) column\(separator == 1 ? "" : "s") but the header has \(header)"
            }
        }
    }

    /// One alignment per column; its count is the number of columns.
    var alignments: [Alignment]
    /// The header cells, one per column.
    var header: [Cell]
    /// The body rows, each with exactly one cell per column.
    var rows: [[Cell]]

    /// Parses the content of a table block.
    static func parse(_ content: String) -> Result<PipeTable, ParseError> {
        let lines = splitLines(content)
        let nonBlank = lines.indices.filter { !lines[$0].unicodeScalars.allSatisfy(isSpace) }
        guard let headerIndex = nonBlank.first else { return .failure(.noHeader) }
        let header = splitRow(lines[headerIndex], line: headerIndex)
        guard !header.isEmpty else { return .failure(.noHeader) }
        guard nonBlank.count >= 2, looksLikeSeparator(lines[nonBlank[1]]) else {
            return .failure(.missingSeparator)
        }
        let separator = splitRow(lines[nonBlank[1]], line: nonBlank[1])
        var alignments: [Alignment] = []
        for cell in separator {
            guard let alignment = alignment(of: cell.text) else {
                return .failure(.invalidSeparator(cell: cell.text))
            }
            alignments.append(alignment)
        }
        guard alignments.count == header.count else {
            return .failure(.columnCountMismatch(header: header.count, separator: alignments.count))
        }
        let rows = nonBlank.dropFirst(2).map { index in
            normalised(
                splitRow(lines[index], line: index), count: header.count, line: index,
                lineLength: lines[index].unicodeScalars.count)
        }
        return .success(PipeTable(alignments: alignments, header: header, rows: rows))
    }

    /// Splits block content into lines at `\n`, `\r\n` or `\r` (a final line break ends the last line).
    static func splitLines(_ content: String) -> [String] {
        var lines = ScalarColumns.splitLines(Array(content.utf8)).map { String(decoding: $0, as: UTF8.self) }
        if lines.count > 1, lines.last?.isEmpty == true {
            lines.removeLast()
        }
        return lines
    }

    /// Splits one row into trimmed cells at unescaped pipes, dropping the optional outer pipes.
    static func splitRow(_ line: String, line lineIndex: Int) -> [Cell] {
        let scalars = Array(line.unicodeScalars)
        // Raw cells: start offset and unescaped scalars.
        var cells: [(start: Int, text: [Unicode.Scalar])] = []
        var current: [Unicode.Scalar] = []
        var currentStart = 0
        var firstDelimiter: Int?
        var lastDelimiter: Int?
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\", index + 1 < scalars.count {
                if scalars[index + 1] == "|" {
                    current.append("|")
                } else {
                    current.append(scalar)
                    current.append(scalars[index + 1])
                }
                index += 2
            } else if scalar == "|" {
                cells.append((currentStart, current))
                current = []
                currentStart = index + 1
                if firstDelimiter == nil { firstDelimiter = index }
                lastDelimiter = index
                index += 1
            } else {
                current.append(scalar)
                index += 1
            }
        }
        cells.append((currentStart, current))

        // Outer pipes are optional: the cell before a leading pipe and the cell after a trailing
        // pipe hold only spaces.
        let firstContent = scalars.firstIndex { !isSpace($0) }
        let lastContent = scalars.lastIndex { !isSpace($0) }
        if let firstDelimiter, firstDelimiter == firstContent {
            cells.removeFirst()
        }
        if let lastDelimiter, lastDelimiter == lastContent, !cells.isEmpty {
            cells.removeLast()
        }
        return cells.map { raw in
            let leading = raw.text.prefix(while: isSpace).count
            let trailing = raw.text.reversed().prefix(while: isSpace).count
            var text = ""
            if leading < raw.text.count {
                text.unicodeScalars.append(contentsOf: raw.text[leading..<(raw.text.count - trailing)])
            }
            // Leading spaces are never escapes, so the column is exact in the original line.
            return Cell(text: text, line: lineIndex, column: raw.start + leading)
        }
    }

    private static func normalised(_ cells: [Cell], count: Int, line: Int, lineLength: Int) -> [Cell] {
        if cells.count >= count { return Array(cells.prefix(count)) }
        return cells + Array(repeating: Cell(text: "", line: line, column: lineLength), count: count - cells.count)
    }

    private static func looksLikeSeparator(_ line: String) -> Bool {
        line.unicodeScalars.contains("-")
            && line.unicodeScalars.allSatisfy { $0 == "|" || $0 == ":" || $0 == "-" || isSpace($0) }
    }

    private static func alignment(of cell: String) -> Alignment? {
        let scalars = Array(cell.unicodeScalars)
        guard !scalars.isEmpty else { return nil }
        let left = scalars.first == ":"
        let right = scalars.count > 1 && scalars.last == ":"
        let dashes = scalars[(left ? 1 : 0)..<(scalars.count - (right ? 1 : 0))]
        guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
        switch (left, right) {
        case (true, true): return .center
        case (true, false): return .left
        case (false, true): return .right
        case (false, false): return .unspecified
        }
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t"
    }
}

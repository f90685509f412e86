/// Writes a ``PipeTable`` as an HTML `<table>`, with alignment as classes (never `style=`).
enum PipeTableHTML {
    /// The table's HTML, given each cell's already-rendered inline HTML.
    ///
    /// `header` has one entry per column; each of `rows` too. The `<tbody>` is left out when
    /// there are no body rows.
    static func render(alignments: [PipeTable.Alignment], header: [String], rows: [[String]]) -> String {
        var html = "<table class=\"content-table\">\n<thead>\n<tr>\n"
        for (column, cell) in header.enumerated() {
            html += "<th scope=\"col\"\(classAttribute(alignments, column))>\(cell)</th>\n"
        }
        html += "</tr>\n</thead>\n"
        if !rows.isEmpty {
            html += "<tbody>\n"
            for row in rows {
                html += "<tr>\n"
                for (column, cell) in row.enumerated() {
                    html += "<td\(classAttribute(alignments, column))>\(cell)</td>\n"
                }
                html += "</tr>\n"
            }
            html += "</tbody>\n"
        }
        html += "</table>"
        return html
    }

    /// The CSS class for an alignment, or nil for the default.
    static func className(_ alignment: PipeTable.Alignment) -> String? {
        switch alignment {
        case .unspecified: nil
        case .left: "align-left"
        case .center: "align-center"
        case .right: "align-right"
        }
    }

    private static func classAttribute(_ alignments: [PipeTable.Alignment], _ column: Int) -> String {
        guard column < alignments.count, let name = className(alignments[column]) else { return "" }
        return " class=\"\(name)\""
    }
}

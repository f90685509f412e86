import CSV
import Foundation

/// A table for spreadsheets and board papers, written as RFC 4180 CSV: UTF-8, a header row, every field quoted (quotes
/// doubled), CRLF line ends. A cell a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return) gets a leading apostrophe, so opening the file never runs anything.
///
/// Writing goes through yaslab/CSV.swift's `CSVWriter`, a maintained RFC 4180 writer; neutralising formulas is ours.
struct CSVTable: Sendable, Hashable {
    let headers: [String]
    let rows: [[String]]

    init(headers: [String], rows: [[String]]) {
        self.headers = headers
        self.rows = rows
    }

    /// Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection").
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// The cell as written: prefixed with `'` when it could start a formula.
    static func neutralised(_ cell: String) -> String {
        guard let first = cell.first, formulaStarts.contains(first) else { return cell }
        return "'" + cell
    }

    /// The CSV text.
    var text: String {
        let stream = OutputStream(toMemory: ())
        do {
            let writer = try CSVWriter(stream: stream, codecType: UTF8.self, delimiter: ",", newline: .crlf)
            for row in [headers] + rows {
                try writer.write(row: row.map(Self.neutralised), quotedAtIndex: { _ in true })
            }
            writer.stream.close()
        } catch {
            return Self.fallback(headers: headers, rows: rows)
        }
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
            return Self.fallback(headers: headers, rows: rows)
        }
        // The writer separates records; RFC 4180 allows a final line break and spreadsheets expect one.
        return String(decoding: data, as: UTF8.self) + "\r\n"
    }

    /// The same format without the library, used only if the in-memory stream fails.
    static func fallback(headers: [String], rows: [[String]]) -> String {
        ([headers] + rows).map { row in
            row.map { "\"" + neutralised($0).replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(
                separator: ",")
        }.joined(separator: "\r\n") + "\r\n"
    }
}

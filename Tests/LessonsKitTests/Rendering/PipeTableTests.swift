import Testing

@testable import LessonsKit

@Suite("Pipe tables")
struct PipeTableTests {
    private func parse(_ content: String) throws -> PipeTable {
        try PipeTable.parse(content).get()
    }

    @Test func parsesHeaderSeparatorAndRows() throws {
        let table = try parse("| A | B |\n| --- | --- |\n| 1 | 2 |\n| 3 | 4 |\n")
        #expect(table.header.map(\.text) == ["A", "B"])
        #expect(table.rows.map { $0.map(\.text) } == [["1", "2"], ["3", "4"]])
        #expect(table.alignments == [.unspecified, .unspecified])
    }

    @Test func outerPipesAreOptional() throws {
        let table = try parse("A | B\n--- | ---\n1 | 2 |\n| 3 | 4")
        #expect(table.header.map(\.text) == ["A", "B"])
        #expect(table.rows.map { $0.map(\.text) } == [["1", "2"], ["3", "4"]])
    }

    @Test func escapedPipeStaysInCell() throws {
        let table = try parse("| Expr | Note |\n|---|---|\n| `a \\| b` | x \\\\| y |")
        #expect(table.rows.first?.map(\.text) == ["`a | b`", "x \\\\"])
    }

    @Test func padsShortRowsAndDropsExtraCells() throws {
        let table = try parse("| A | B | C |\n|---|---|---|\n| 1 |\n| 1 | 2 | 3 | 4 | 5 |")
        #expect(table.rows.map { $0.map(\.text) } == [["1", "", ""], ["1", "2", "3"]])
    }

    @Test func readsAlignmentFromSeparator() throws {
        let table = try parse("a|b|c|d\n---|:--|:-:|--:")
        #expect(table.alignments == [.unspecified, .left, .center, .right])
        #expect(table.rows.isEmpty)
    }

    @Test func ignoresBlankLines() throws {
        let table = try parse("\n| A |\n\n| - |\n\n| 1 |\n\n")
        #expect(table.rows.map { $0.map(\.text) } == [["1"]])
    }

    @Test func recordsCellLinesAndColumns() throws {
        let table = try parse("| Ä | B |\n|---|---|\n|  é x | y |")
        #expect(table.header.map(\.column) == [2, 6])
        #expect(table.rows.first?.map(\.line) == [2, 2])
        #expect(table.rows.first?.map(\.column) == [3, 9])
    }

    @Test func rejectsMissingSeparator() {
        #expect(PipeTable.parse("| A | B |\n| 1 | 2 |") == .failure(.missingSeparator))
        #expect(PipeTable.parse("| A | B |") == .failure(.missingSeparator))
    }

    @Test func rejectsEmptyTable() {
        #expect(PipeTable.parse("\n  \n") == .failure(.noHeader))
    }

    @Test func rejectsSeparatorWithDifferentColumnCount() {
        #expect(
            PipeTable.parse("| A | B |\n| --- | --- | --- |") == .failure(.columnCountMismatch(header: 2, separator: 3))
        )
    }

    @Test func rejectsInvalidSeparatorCell() {
        #expect(PipeTable.parse("| A | B |\n| --- | : |") == .failure(.invalidSeparator(cell: ":")))
        #expect(PipeTable.parse("| A | B |\n| --- | -:- |") == .failure(.invalidSeparator(cell: "-:-")))
    }

    @Test func htmlUsesClassesNeverStyles() {
        let html = PipeTableHTML.render(alignments: [.left, .unspecified], header: ["A", "B"], rows: [["1", "2"]])
        #expect(
            html == """
                <table class="content-table">
                <thead>
                <tr>
                <th scope="col" class="align-left">A</th>
                <th scope="col">B</th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td class="align-left">1</td>
                <td>2</td>
                </tr>
                </tbody>
                </table>
                """)
        #expect(!html.contains("style"))
    }

    @Test func htmlOmitsEmptyBody() {
        let html = PipeTableHTML.render(alignments: [.right], header: ["A"], rows: [])
        #expect(!html.contains("<tbody>"))
        #expect(html.contains("<th scope=\"col\" class=\"align-right\">A</th>"))
    }
}

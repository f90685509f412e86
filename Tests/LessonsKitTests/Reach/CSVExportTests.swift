import Foundation
import Testing

@testable import LessonsKit

/// Issue 13, part 4: CSV exports beside the dashboards — RFC 4180 (quoted, CRLF), UTF-8 with a header row, safe from
/// formula injection, parsed back by Python's `csv` module.
@Suite struct CSVExportTests {
    static let exports = [
        CSVExports.actionsCSV, CSVExports.incidentsCSV, CSVExports.themesCSV, CSVExports.sessionsCSV,
        CSVExports.cultureCSV,
    ]

    /// Rows of a CSV file as Python's `csv.reader` reads them (strict mode: malformed quoting is an error).
    static func pythonRows(_ path: String) throws -> [[String]] {
        let script = """
            import csv, json, sys
            with open(sys.argv[1], newline='', encoding='utf-8') as f:
                print(json.dumps(list(csv.reader(f, strict=True))))
            """
        let result = try ExternalProgram.python(script, [path])
        #expect(result.status == 0, "python's csv could not read \(path)")
        return try JSONDecoder().decode([[String]].self, from: result.output)
    }

    @Test func tableIsQuotedWithCRLFAndNeutralisesFormulas() {
        let table = CSVTable(
            headers: ["Owner", "Note"],
            rows: [
                ["=HYPERLINK(\"http://x\")", "say \"hi\", then\nleave"], ["+1", "@SUM(A1)"],
                ["-2", "Ward 3 — café"],
            ])
        #expect(
            table.text == "\"Owner\",\"Note\"\r\n\"'=HYPERLINK(\"\"http://x\"\")\",\"say \"\"hi\"\", then\nleave\"\r\n"
                + "\"'+1\",\"'@SUM(A1)\"\r\n\"'-2\",\"Ward 3 — café\"\r\n")
        #expect(CSVTable.neutralised("\tcmd") == "'\tcmd" && CSVTable.neutralised("2026-03") == "2026-03")
    }

    @Test func rowsMadeAsTheyAreWrittenGiveTheTablesBytes() {
        let headers = ["Owner", "Note"]
        let rows = [["=1", "say \"hi\""], ["Ward 3 — café", ""], ["x", "y\r\nz"]]
        var made: [Int] = []
        let bytes = CSVTable.bytes(headers: headers, count: rows.count) { index in
            made.append(index)
            return rows[index]
        }
        #expect(bytes == CSVTable(headers: headers, rows: rows).bytes)
        #expect(made == [0, 1, 2, 0, 1, 2], "each row made to size the buffer, then again to fill it, in order")
        #expect(CSVTable.bytes(headers: ["A"], count: 0) { _ in [] } == Array("\"A\"\r\n".utf8))
    }

    @Test func exampleSiteExportsParseBackWithPythonsCSV() async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-csv-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: output) }
        var options = BuildOptions(siteDirectory: BulletinPDFTests.repositoryRoot)
        options.today = "2026-11-27"
        options.output = output
        let report = await BuildPipeline.build(options)
        #expect(report.status == .success, "\(report.diagnostics.filter { $0.severity == .error })")
        for path in Self.exports {
            let bytes = try #require(FileManager.default.contents(atPath: output + "/" + path), "\(path)")
            let text = try #require(String(data: bytes, encoding: .utf8), "\(path) is UTF-8")
            #expect(
                text.hasSuffix("\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\r"),
                "\(path): CRLF line ends")
            let rows = try Self.pythonRows(output + "/" + path)
            #expect(rows.count > 1, "\(path) has a header and data")
            #expect(rows.allSatisfy { $0.count == rows[0].count }, "\(path): every row has the header's width")
            for row in rows {
                for cell in row { #expect(!["=", "+", "-", "@"].contains(cell.first), "\(path): \(cell)") }
            }
        }
        let actions = try Self.pythonRows(output + "/" + CSVExports.actionsCSV)
        #expect(actions[0].prefix(3) == ["Action", "Document", "Document title"])
        #expect(actions.contains { $0[0] == "LL-2026-001/A1" && $0[7] == "Completed" })
        let sessions = try Self.pythonRows(output + "/" + CSVExports.sessionsCSV)
        #expect(sessions.contains { $0[0] == "LLS-2026-07" && $0[4] == "318" && $0[5] == "278" && $0[6] == "40" })
        let dashboard = try String(contentsOfFile: output + "/actions/index.html", encoding: .utf8)
        #expect(dashboard.contains("href=\"../data/actions.csv\""), "the dashboard links its export")
    }

    @Test func ownerWrittenAsAFormulaIsNeutralisedInTheExport() async throws {
        let incident = MiniSite.incident.replacingOccurrences(
            of: "owner: Ward Manager, Ward 1", with: "owner: \"=cmd|' /C calc'!A0\"")
        let site = try MiniSite(files: ["content/incidents/inc.md": incident])
        defer { site.remove() }
        let report = await BuildPipeline.build(site.options())
        #expect(report.status == .success, "\(report.diagnostics)")
        let rows = try Self.pythonRows(site.root + "/site-output/" + CSVExports.actionsCSV)
        #expect(rows.count == 2)
        #expect(rows[1][5] == "'=cmd|' /C calc'!A0")
    }
}

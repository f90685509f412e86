import Foundation
import Testing

@testable import LessonsKit

/// Nothing outside an edition's audience, no draft and no governance field may appear anywhere in its output.
@Suite struct EditionPrivacyTests {
    func buildAllEditions(_ site: MiniSite) async -> BuildReport {
        var options = site.options()
        options.allEditions = true
        return await BuildPipeline.build(options)
    }

    /// Every file of an output folder as text (binary files decoded lossily, which still exposes ASCII canaries).
    func outputTexts(_ folder: String) -> [String: String] {
        var texts: [String: String] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return texts }
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory),
                !isDirectory.boolValue,
                let data = FileManager.default.contents(atPath: folder + "/" + path)
            else { continue }
            texts[path] =
                path.hasSuffix(".pdf") ? Self.pdfText(folder + "/" + path) : String(decoding: data, as: UTF8.self)
        }
        return texts
    }

    /// A PDF's text via poppler's pdftotext (PDF streams are compressed, so the bytes hide canaries).
    static func pdfText(_ path: String) -> String {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") else { return "" }
        guard let result = try? ExternalProgram.run("/usr/bin/pdftotext", [path, "-"]) else { return "" }
        return String(decoding: result.output, as: UTF8.self)
    }

    func filesContaining(_ canary: String, in folder: String) -> [String] {
        outputTexts(folder).filter { $0.value.contains(canary) }.map(\.key).sorted()
    }

    @Test func canariesAppearOnlyInEditionsAllowedToShowThem() async throws {
        let site = try MiniSite(files: CanarySite.files)
        defer { site.remove() }
        let report = await buildAllEditions(site)
        #expect(report.status == .success, "\(report.diagnostics)")
        let staff = site.root + "/site-output"
        let partners = site.root + "/site-output-partners"
        let governance = site.root + "/site-output-governance"
        #expect(filesContaining(CanarySite.governanceOnly, in: staff) == [])
        #expect(filesContaining(CanarySite.governanceField, in: staff) == [])
        #expect(filesContaining(CanarySite.draft, in: staff) == [])
        #expect(filesContaining(CanarySite.governanceOnly, in: partners) == [])
        #expect(filesContaining(CanarySite.governanceField, in: partners) == [])
        #expect(filesContaining(CanarySite.staffOnly, in: partners) == [])
        #expect(filesContaining(CanarySite.draft, in: governance) == [])
        // The governance edition does publish them: the test would be worthless if the canaries were never rendered.
        #expect(!filesContaining(CanarySite.governanceOnly, in: governance).isEmpty)
        #expect(!filesContaining(CanarySite.governanceField, in: governance).isEmpty)
        #expect(!filesContaining(CanarySite.staffOnly, in: staff).isEmpty)
    }

    @Test func csvExportsNeverShowASmallIncidentCountOutsideGovernance() async throws {
        let site = try MiniSite(files: CanarySite.files)
        defer { site.remove() }
        let report = await buildAllEditions(site)
        #expect(report.status == .success, "\(report.diagnostics)")
        func rows(_ edition: String) throws -> [[String]] {
            try CSVExportTests.pythonRows(site.root + "/" + edition + "/" + CSVExports.themesCSV)
        }
        for edition in ["site-output", "site-output-partners"] {
            let table = try rows(edition)
            for row in table.dropFirst() {
                for cell in row.dropFirst() {
                    #expect(!(Int(cell).map { (1...4).contains($0) } ?? false), "\(edition): \(row[0]) shows \(cell)")
                }
            }
            if edition == "site-output" {
                #expect(table.contains { $0.contains("fewer than 5") }, "falls is suppressed: \(table)")
            }
            for path in [CSVExports.actionsCSV, CSVExports.incidentsCSV] {
                let text = try #require(site.read(edition + "/" + path))
                #expect(!text.contains(CanarySite.governanceOnly) && !text.contains("INC-2026-009"), "\(path)")
            }
        }
        let governance = try rows("site-output-governance")
        let falls = try #require(governance.first { $0.first == "Falls" })
        #expect(falls.contains("2"), "governance sees both falls incidents of 2026 Q1: \(falls)")
        let governanceActions = try #require(site.read("site-output-governance/" + CSVExports.actionsCSV))
        #expect(governanceActions.contains(CanarySite.governanceOnly))
    }

    @Test func hiddenDocumentsLeaveNoTraceInStaffOrPartnersOutput() async throws {
        let full = try MiniSite(files: CanarySite.files)
        let reduced = try MiniSite(files: CanarySite.files.filter { !CanarySite.hiddenFiles.contains($0.key) })
        defer {
            full.remove()
            reduced.remove()
        }
        _ = await buildAllEditions(full)
        _ = await buildAllEditions(reduced)
        for edition in ["site-output", "site-output-partners"] {
            let withHidden = outputTexts(full.root + "/" + edition)
            let without = outputTexts(reduced.root + "/" + edition)
            #expect(withHidden.keys.sorted() == without.keys.sorted(), "\(edition): the same files")
            for (path, text) in withHidden where without[path] != text {
                Issue.record("\(edition)/\(path) changes when documents hidden from this edition are removed")
            }
        }
    }

    @Test func draftsAppearMarkedWhenAskedFor() async throws {
        let site = try MiniSite(files: CanarySite.files)
        defer { site.remove() }
        var options = site.options()
        options.includeDrafts = true
        let report = await BuildPipeline.build(options)
        #expect(report.status == .success)
        let page = try #require(site.read("site-output/lessons/ll-2026-009/index.html"))
        #expect(page.contains(CanarySite.draft))
        #expect(page.contains("DRAFT") || page.contains("Draft"))
    }

    @Test func linksToDocumentsOutsideTheEditionBecomePlainTextWithAWarning() async throws {
        var files = CanarySite.files
        files["content/lessons/ll-2026-002.md"] = """
            ---
            id: LL-2026-002
            title: Lesson citing a governance case
            date: 2026-06-10
            summary: Summary.
            key_messages: [Message.]
            sources: [INC-2026-009]
            privacy: { reviewed_by: Patient Safety Team, reviewed_on: 2026-06-01 }
            ---
            See [[INC-2026-009]] and [the case](INC-2026-009).
            """
        let site = try MiniSite(files: files)
        defer { site.remove() }
        let report = await BuildPipeline.build(site.options())
        #expect(report.status == .success)
        let warnings = report.diagnostics.filter {
            $0.code == .linkOutsideEdition && $0.location.file == "content/lessons/ll-2026-002.md"
        }
        #expect(warnings.map(\.location.line).sorted() == [7, 10, 10])
        let page = try #require(site.read("site-output/lessons/ll-2026-002/index.html"))
        #expect(!page.contains(CanarySite.governanceOnly))
        #expect(!page.contains("inc-2026-009"))
        #expect(page.contains("the case"))
    }
}

import Foundation
import Testing
@testable import LessonsKit

/// One site per folder under `Fixtures/invalid/`, each valid but for one deliberate problem (like Zola's
/// `test_sites_invalid/`). `check` must report that problem, located, exactly as the case's `expected.txt` says.
///
/// Re-record the golden files with `LESSONS_RECORD=1 swift test --filter InvalidSiteTests`, then read every
/// changed `expected.txt` before committing it.
@Suite struct InvalidSiteTests {
    /// `Tests/LessonsKitTests/Fixtures/invalid`, found from this file's path.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().path + "/Fixtures/invalid"

    static let cases: [InvalidSiteCase] = [
        // Reading files and front matter
        .init("no-front-matter", .contentErrors),
        .init("unterminated-front-matter", .contentErrors),
        .init("yaml-syntax-error", .contentErrors),
        .init("tab-in-yaml", .contentErrors),
        .init("duplicate-keys", .contentErrors),
        .init("string-where-list-expected", .contentErrors),
        .init("list-where-string-expected", .contentErrors),
        .init("empty-file", .contentErrors),
        .init("not-utf8", .contentErrors),
        .init("binary-file", .contentErrors),
        .init("oversized-file", .contentErrors, setUp: .largeFile("content/lessons/ll-2026-002.md", megabytes: 20)),
        // Dates
        .init("bad-date-month-13", .contentErrors),
        .init("bad-date-uk-style", .contentErrors),
        .init("full-date-on-incident", .contentErrors),
        // Controlled values
        .init("unknown-harm-value", .contentErrors),
        .init("unknown-theme", .contentErrors),
        // Ids and references
        .init("id-with-slash", .contentErrors),
        .init("id-with-dotdot", .contentErrors),
        .init("id-with-space", .contentErrors),
        .init("duplicate-id-across-types", .contentErrors),
        .init("missing-reference", .contentErrors),
        .init("published-links-to-draft", .contentErrors),
        // Where files sit
        .init("stray-md-in-content", .contentErrors),
        .init("md-in-unknown-folder", .contentErrors),
        .init("symlink-outside-site", .success, setUp: .symlinkOutsideSite("content/lessons/shared-lesson.md")),
        // site.yaml and data files make the site unusable
        .init("missing-site-yaml", .unusableConfiguration),
        .init("malformed-site-yaml", .unusableConfiguration),
        .init("malformed-data-file", .unusableConfiguration),
        .init("theme-parent-cycle", .unusableConfiguration),
        // Rules across fields
        .init("missing-mapsaf-level", .contentErrors),
        .init("duty-of-candour-missing", .contentErrors),
        .init("completed-action-without-date", .contentErrors),
        .init("unknown-field-warning", .success),
        // Blank and invisible values, empty list entries and control characters (issue 14, classes 1 to 3)
        .init("blank-required-fields", .contentErrors),
        .init("blank-id", .contentErrors),
        .init("blank-privacy-review", .contentErrors),
        .init("null-list-items", .contentErrors),
        .init("control-character-in-title", .contentErrors),
        .init("control-character-in-body", .contentErrors),
        .init("control-character-in-data-file", .unusableConfiguration),
        .init("line-separator-in-title", .contentErrors),
        .init("line-separator-in-plain-title", .contentErrors),
        .init("superseded-by-itself", .contentErrors),
        .init("culture-spread-wrong-type", .contentErrors),
    ]

    @Test(arguments: cases)
    func reportsTheDeliberateProblem(_ fixture: InvalidSiteCase) async throws {
        let folder = Self.fixtures + "/" + fixture.name
        let site = try FixtureSite(copying: folder)
        defer { site.remove() }
        try fixture.setUp.apply(to: site)

        let report = await site.check()

        #expect(report.status == fixture.status)
        #expect(report.failure == nil)
        let text = site.normalised(DiagnosticFormat.text.render(report.diagnostics, documentCount: report.documentCount))
        try GoldenFile.assertMatches(text, goldenPath: folder + "/expected.txt")
    }

    @Test func everyFixtureFolderIsACase() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures).filter { !$0.hasPrefix(".") }
        #expect(Set(folders) == Set(Self.cases.map(\.name)))
    }
}

/// A fixture folder, the exit status `check` should give it, and what the test adds to the copy before checking.
struct InvalidSiteCase: Sendable, CustomTestStringConvertible {
    /// Files too big to commit, or links that point outside the copy, made at run time in the temporary copy.
    enum SetUp: Sendable {
        case none
        case largeFile(String, megabytes: Int)
        case symlinkOutsideSite(String)

        func apply(to site: FixtureSite) throws {
            switch self {
            case .none:
                return
            case .largeFile(let path, let megabytes):
                let line = Data("An unusually long document, generated by the test.\n".utf8)
                var data = Data("---\nid: LL-2026-002\ntitle: Too long\ndate: 2026-03-14\n---\n".utf8)
                data.reserveCapacity(megabytes * 1024 * 1024 + line.count)
                while data.count < megabytes * 1024 * 1024 { data.append(line) }
                try site.write(path, data)
            case .symlinkOutsideSite(let path):
                let outside = site.sandbox + "/outside.md"
                try Data("---\nid: LL-2026-099\ntitle: Outside\ndate: 2026-03-14\n---\n".utf8).write(to: URL(fileURLWithPath: outside))
                try FileManager.default.createSymbolicLink(atPath: site.root + "/" + path, withDestinationPath: outside)
            }
        }
    }

    let name: String
    let status: BuildReport.Status
    let setUp: SetUp

    init(_ name: String, _ status: BuildReport.Status, setUp: SetUp = .none) {
        self.name = name
        self.status = status
        self.setUp = setUp
    }

    var testDescription: String { name }
}

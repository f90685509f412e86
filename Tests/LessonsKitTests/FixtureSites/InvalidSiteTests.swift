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
    static let fixtures =
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().path
        + "/Fixtures/invalid"

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
        // Inputs that used to hang the build (class 4)
        .init("markdown-too-complex", .contentErrors),
        .init("too-many-themes", .success),
        .init(
            "fifo-in-content", .contentErrors,
            setUp: .fifos(["content/lessons/ll-2026-002.md", "content/lessons/chart.png"])),
        .init("fifo-as-site-yaml", .unusableConfiguration, setUp: .fifos(["site.yaml"])),
        .init("fifo-as-data-file", .unusableConfiguration, setUp: .fifos(["data/leads.yaml"])),
        .init(
            "fifo-in-static-and-theme", .contentErrors,
            setUp: .fifos(["static/poster.pdf", "themes/default/templates/home.mustache"])),
        // Files that used to be skipped without a word (class 5)
        .init(
            "file-name-not-utf8", .contentErrors,
            setUp: .rawName("content/incidents", [0x63, 0x61, 0x66, 0xE9, 0x2E, 0x6D, 0x64])),
        .init("folder-too-deep", .contentErrors, setUp: .deepFolder("content/lessons", depth: 17)),
        .init("dangling-symlink", .contentErrors, setUp: .symlinks(["content/lessons/gone.md": "missing.md"])),
        .init(
            "looping-symlinks", .contentErrors,
            setUp: .symlinks(["content/lessons/a.md": "b.md", "content/lessons/b.md": "a.md"])),
        // One root cause, reported once (class 6)
        .init("yaml-error-spares-references", .contentErrors),
        .init("empty-themes-file", .contentErrors),
        .init("empty-template", .contentErrors),
        // What build would refuse, check refuses, located at the source (classes 7 and 8)
        .init("id-too-long", .contentErrors),
        .init("attachment-named-like-the-page", .contentErrors),
        .init("static-file-over-a-page", .contentErrors),
        // Smaller points (class 10)
        .init("broken-body-links", .contentErrors),
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
        let text = site.normalised(
            DiagnosticFormat.text.render(report.diagnostics, documentCount: report.documentCount))
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
        /// Named pipes (FIFOs) at these paths, replacing any file there.
        case fifos([String])
        /// Symbolic links (path: target), which may lead nowhere.
        case symlinks([String: String])
        /// A copy of the folder's first document under a file name made of these bytes (not always UTF-8).
        case rawName(String, [UInt8])
        /// A copy of the folder's first document nested `depth` folders below it.
        case deepFolder(String, depth: Int)

        func apply(to site: FixtureSite) throws {
            switch self {
            case .none:
                return
            case .fifos(let paths):
                for path in paths {
                    let full = site.root + "/" + path
                    try FileManager.default.createDirectory(
                        atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                    try? FileManager.default.removeItem(atPath: full)
                    #expect(mkfifo(full, 0o644) == 0)
                }
            case .symlinks(let links):
                for (path, target) in links {
                    try FileManager.default.createSymbolicLink(
                        atPath: site.root + "/" + path, withDestinationPath: target)
                }
            case .rawName(let folder, let bytes):
                let source = try InvalidSiteCase.firstDocument(in: site.root + "/" + folder)
                let target: [CChar] =
                    Array((site.root + "/" + folder + "/").utf8CString.dropLast()) + bytes.map { CChar(bitPattern: $0) }
                    + [0]
                let data = try Data(contentsOf: URL(fileURLWithPath: source))
                let descriptor = open(target, O_WRONLY | O_CREAT, 0o644)
                #expect(descriptor >= 0)
                _ = data.withUnsafeBytes { write(descriptor, $0.baseAddress, data.count) }
                close(descriptor)
            case .deepFolder(let folder, let depth):
                let source = try InvalidSiteCase.firstDocument(in: site.root + "/" + folder)
                let deep = site.root + "/" + folder + "/" + (1...depth).map { "level-\($0)" }.joined(separator: "/")
                try FileManager.default.createDirectory(atPath: deep, withIntermediateDirectories: true)
                try FileManager.default.copyItem(atPath: source, toPath: deep + "/deep.md")
            case .largeFile(let path, let megabytes):
                let line = Data("An unusually long document, generated by the test.\n".utf8)
                var data = Data("---\nid: LL-2026-002\ntitle: Too long\ndate: 2026-03-14\n---\n".utf8)
                data.reserveCapacity(megabytes * 1024 * 1024 + line.count)
                while data.count < megabytes * 1024 * 1024 { data.append(line) }
                try site.write(path, data)
            case .symlinkOutsideSite(let path):
                let outside = site.sandbox + "/outside.md"
                try Data("---\nid: LL-2026-099\ntitle: Outside\ndate: 2026-03-14\n---\n".utf8).write(
                    to: URL(fileURLWithPath: outside))
                try FileManager.default.createSymbolicLink(atPath: site.root + "/" + path, withDestinationPath: outside)
            }
        }
    }

    static func firstDocument(in folder: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".md") }.sorted()
        return folder + "/" + (names.first ?? "missing.md")
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

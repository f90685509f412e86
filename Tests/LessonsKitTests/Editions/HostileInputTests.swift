import Foundation
import Testing

@testable import LessonsKit

/// Content is written by people, not attackers, but a mistake or a pasted snippet must never become active content.
@Suite struct HostileInputTests {
    static let payloads = [
        "<script>alert(1)</script>", "\"onmouseover=alert(1) x=\"", "</title><h1>owned",
        "{{site.title}} {{{bodyHTML}}}", "{{=<% %>=}}",
    ]

    @Test func everyTemplateValueIsEscaped() async throws {
        let hostile = Self.payloads.joined(separator: " ")
        let lesson = MiniSite.lesson
            .replacingOccurrences(
                of: "title: Check the observation chart at handover",
                with: "title: '\(hostile.replacingOccurrences(of: "'", with: "''"))'"
            )
            .replacingOccurrences(
                of: "summary: A short summary.", with: "summary: '\(hostile.replacingOccurrences(of: "'", with: "''"))'"
            )
            .replacingOccurrences(
                of: "  - Check the chart.", with: "  - '\(hostile.replacingOccurrences(of: "'", with: "''"))'")
        let site = try MiniSite(files: ["content/lessons/ll.md": lesson, "content/incidents/inc.md": MiniSite.incident])
        defer { site.remove() }
        let report = await BuildPipeline.build(site.options())
        #expect(report.status == .success, "\(report.diagnostics)")
        for page in [
            "site-output/lessons/ll-2026-001/index.html", "site-output/lessons/index.html", "site-output/index.html",
        ] {
            let html = try #require(site.read(page))
            #expect(!html.contains("<script>alert"), "\(page)")
            #expect(!html.contains("\"onmouseover"), "\(page)")
            #expect(!html.contains("</title><h1>"), "\(page)")
            #expect(!html.contains("Test Trust {{{"), "template syntax in values is never evaluated: \(page)")
            #expect(html.contains("&lt;script&gt;"), "the text is still shown, escaped: \(page)")
        }
    }

    @Test func rawHTMLIsStrippedUnlessAllowed() async throws {
        let lesson =
            MiniSite.lesson + "\n\n<iframe src=\"https://evil.example\"></iframe>\n\n<b onclick=\"x()\">bold</b>\n"
        let site = try MiniSite(files: ["content/lessons/ll.md": lesson, "content/incidents/inc.md": MiniSite.incident])
        defer { site.remove() }
        _ = await BuildPipeline.build(site.options())
        let html = try #require(site.read("site-output/lessons/ll-2026-001/index.html"))
        #expect(!html.contains("<iframe"))
        #expect(!html.contains("onclick"))
    }

    @Test(arguments: [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox",
    ])
    func dangerousURLsNeverBecomeLinks(_ url: String) async throws {
        let lesson = MiniSite.lesson + "\n\n[click](\(url))\n"
        let external = """
            ---
            id: EXT-2026-001
            title: Report
            date: 2026-04-02
            organisation: Somebody
            source_type: other
            url: "\(url)"
            ---
            """
        let site = try MiniSite(files: [
            "content/lessons/ll.md": lesson, "content/incidents/inc.md": MiniSite.incident,
            "content/external/ext.md": external,
        ])
        defer { site.remove() }
        let report = await site.check()
        #expect(report.diagnostics.contains { $0.code == .unsafeLink && $0.location.file == "content/external/ext.md" })
        let lessonOnly = try MiniSite(files: [
            "content/lessons/ll.md": lesson, "content/incidents/inc.md": MiniSite.incident,
        ])
        defer { lessonOnly.remove() }
        _ = await BuildPipeline.build(lessonOnly.options())
        let html = try #require(lessonOnly.read("site-output/lessons/ll-2026-001/index.html"))
        #expect(!html.lowercased().contains("href=\"javascript"))
        #expect(!html.lowercased().contains("href=\"data:"))
        #expect(!html.lowercased().contains("href=\"vbscript"))
    }

    @Test func deeplyNestedYAMLIsRefused() {
        let yaml = "a: " + String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        guard case .failure(let diagnostic) = YAMLReader().parse(yaml, file: "f.md") else {
            Issue.record("expected failure")
            return
        }
        #expect(diagnostic.code == .yamlTooComplex || diagnostic.code == .yamlSyntax)
    }

    @Test func symlinkedStaticAndThemeFilesOutsideTheSiteAreNotCopied() async throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lessons-secret-\(UUID().uuidString).txt"
        ).path
        try Data("TOPSECRET".utf8).write(to: URL(fileURLWithPath: secret))
        defer { try? FileManager.default.removeItem(atPath: secret) }
        let site = try MiniSite(files: [
            "content/lessons/ll.md": MiniSite.lesson, "content/incidents/inc.md": MiniSite.incident,
            "static/ok.txt": "fine",
        ])
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(atPath: site.root + "/static/leak.txt", withDestinationPath: secret)
        try FileManager.default.createDirectory(
            atPath: site.root + "/themes/default/assets", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: site.root + "/themes/default/assets/leak.css", withDestinationPath: secret)
        let report = await BuildPipeline.build(site.options())
        #expect(report.status == .success)
        #expect(site.read("site-output/ok.txt") == "fine")
        #expect(site.read("site-output/leak.txt") == nil)
        let assets = (try? FileManager.default.contentsOfDirectory(atPath: site.root + "/site-output/assets")) ?? []
        #expect(!assets.contains { $0.hasPrefix("leak") })
    }

    @Test func outputInsideContentIsRefusedAndNothingIsWritten() async throws {
        let site = try MiniSite(files: [
            "content/lessons/ll.md": MiniSite.lesson, "content/incidents/inc.md": MiniSite.incident,
        ])
        defer { site.remove() }
        var options = site.options()
        options.output = site.root + "/content/out"
        let report = await BuildPipeline.build(options)
        #expect(report.status != .success)
        #expect(!FileManager.default.fileExists(atPath: site.root + "/content/out"))
    }
}

import Foundation
import Testing

@testable import LessonsKit

@Suite struct BuildTests {
    func site() throws -> MiniSite {
        try MiniSite(files: [
            "content/lessons/ll.md": MiniSite.lesson, "content/incidents/inc.md": MiniSite.incident,
            "content/lessons/poster.txt": "attachment", "static/logo.txt": "logo",
        ])
    }

    @Test func writesEveryPageOfTheEdition() async throws {
        let site = try site()
        defer { site.remove() }
        let report = await BuildPipeline.build(site.options())
        #expect(report.status == .success)
        for page in [
            "index.html", "404.html", "lessons/index.html", "incidents/index.html", "lessons/ll-2026-001/index.html",
            "incidents/inc-2026-001/index.html", "logo.txt",
        ] {
            #expect(site.read("site-output/" + page) != nil, "\(page)")
        }
        #expect(report.summaries.first?.hasPrefix("Built ") == true)
        #expect(report.summaries.first?.contains("for edition staff in") == true)
    }

    @Test func derivesReverseLinksAndOverdueFlags() async throws {
        let site = try site()
        defer { site.remove() }
        _ = await BuildPipeline.build(site.options())
        let incident = try #require(site.read("site-output/incidents/inc-2026-001/index.html"))
        #expect(incident.contains("Lessons from this incident"))
        #expect(incident.contains("../../lessons/ll-2026-001/"))
        #expect(incident.contains("Overdue"), "action due 2026-06-30 and open is overdue on 2026-11-27")
        let lesson = try #require(site.read("site-output/lessons/ll-2026-001/index.html"))
        #expect(
            lesson.contains(">Missed observation on a night shift<"), "[[INC-2026-001]] uses the title as link text")
    }

    @Test func sameInputAndDateGiveByteIdenticalOutput() async throws {
        let site = try site()
        defer { site.remove() }
        var first = site.options()
        var second = site.options()
        first.output = site.root + "/../\(UUID().uuidString)-a"
        second.output = site.root + "/../\(UUID().uuidString)-b"
        defer {
            try? FileManager.default.removeItem(atPath: first.output ?? "")
            try? FileManager.default.removeItem(atPath: second.output ?? "")
        }
        _ = await BuildPipeline.build(first)
        _ = await BuildPipeline.build(second)
        let a = try FileManager.default.subpathsOfDirectory(atPath: first.output ?? "").sorted()
        let b = try FileManager.default.subpathsOfDirectory(atPath: second.output ?? "").sorted()
        #expect(a == b)
        for path in a {
            #expect(
                FileManager.default.contents(atPath: (first.output ?? "") + "/" + path)
                    == FileManager.default.contents(atPath: (second.output ?? "") + "/" + path), "\(path)")
        }
    }

    @Test func keepsPreviousOutputWhenBuildFails() async throws {
        let site = try site()
        defer { site.remove() }
        _ = await BuildPipeline.build(site.options())
        let before = try #require(site.read("site-output/lessons/ll-2026-001/index.html"))
        try site.write("content/lessons/broken.md", "---\nid: LL-2026-002\ntitle: [unclosed\n---\n")
        try site.write(
            "content/lessons/ll.md",
            MiniSite.lesson.replacingOccurrences(of: "Check the observation chart", with: "Changed title"))
        let report = await BuildPipeline.build(site.options())
        #expect(report.status == .contentErrors)
        #expect(site.read("site-output/lessons/ll-2026-001/index.html") == before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: site.root)
        #expect(!siblings.contains { $0.contains("staging") }, "no staging folder is left behind")
    }

    @Test func refusesToReplaceAFolderItDidNotWrite() async throws {
        let site = try site()
        defer { site.remove() }
        try site.write("site-output/precious.txt", "not ours")
        let report = await BuildPipeline.build(site.options())
        #expect(report.status != .success)
        #expect(report.failure?.contains("site-output") == true)
        #expect(site.read("site-output/precious.txt") == "not ours")
    }

    @Test func copiesAttachmentsBesideTheDocumentPage() async throws {
        let lesson = MiniSite.lesson + "\n\nSee [the poster](poster.txt).\n"
        let site = try MiniSite(files: [
            "content/lessons/ll.md": lesson, "content/incidents/inc.md": MiniSite.incident,
            "content/lessons/poster.txt": "attachment",
        ])
        defer { site.remove() }
        _ = await BuildPipeline.build(site.options())
        #expect(site.read("site-output/lessons/ll-2026-001/poster.txt") == "attachment")
        #expect(site.read("site-output/lessons/ll-2026-001/index.html")?.contains("href=\"poster.txt\"") == true)
    }

    @Test func reportsMissingAttachment() async throws {
        let lesson = MiniSite.lesson + "\n\nSee [the poster](missing.pdf).\n"
        let site = try MiniSite(files: ["content/lessons/ll.md": lesson, "content/incidents/inc.md": MiniSite.incident])
        defer { site.remove() }
        let report = await site.check()
        let diagnostic = try #require(report.diagnostics.first { $0.code == .missingAttachment })
        #expect(diagnostic.location.file == "content/lessons/ll.md")
        #expect(diagnostic.location.line == 17)
    }

    @Test func unknownEditionIsAConfigurationError() async throws {
        let site = try site()
        defer { site.remove() }
        var options = site.options()
        options.edition = "staf"
        let report = await BuildPipeline.build(options)
        #expect(report.status == .unusableConfiguration)
        #expect(report.failure?.contains("did you mean 'staff'?") == true)
    }
}

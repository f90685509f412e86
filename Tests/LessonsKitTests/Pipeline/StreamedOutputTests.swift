import Foundation
import Testing

@testable import LessonsKit

/// Pages go to a staging folder as they are rendered: a problem found after that (a collision, a broken link) still
/// leaves the published output as it was, unchanged pages keep their inode and time, and a page written again in the
/// staging folder never writes through to the previous output it was linked from.
@Suite struct StreamedOutputTests {
    private func identity(_ path: String) throws -> (inode: UInt64, modified: Date) {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (
            (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0,
            attributes[.modificationDate] as? Date ?? .distantPast
        )
    }

    private func snapshot(_ folder: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder) {
            result[path] = FileManager.default.contents(atPath: folder + "/" + path)
        }
        return result
    }

    @Test func aProblemFoundAfterThePagesWereStagedLeavesThePreviousOutput() async throws {
        let site = try MiniSite(files: [
            "content/lessons/ll.md": MiniSite.lesson, "content/incidents/inc.md": MiniSite.incident,
        ])
        defer { site.remove() }
        #expect(await BuildPipeline.build(site.options()).status == .success)
        let before = try snapshot(site.root + "/site-output")
        // An attachment named like the page: both are staged, and only the collision check after rendering sees it.
        try site.write("content/lessons/index.html", "<p>not the page</p>")
        try site.write("content/lessons/ll.md", MiniSite.lesson + "\n\nSee [the copy](index.html).\n")
        let report = await BuildPipeline.build(site.options())
        #expect(report.status == .contentErrors)
        #expect(report.diagnostics.contains { $0.code == .attachmentCollision })
        #expect(try snapshot(site.root + "/site-output") == before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: site.root)
        #expect(!siblings.contains { $0.contains("staging") || $0.contains(".old-") })
    }

    @Test func aProblemFoundAfterThePagesWereStagedLeavesTheLastPageDigests() async throws {
        let site = try MiniSite(files: [
            "content/lessons/ll.md": MiniSite.lesson, "content/incidents/inc.md": MiniSite.incident,
        ])
        defer { site.remove() }
        #expect(await BuildPipeline.build(site.options()).status == .success)
        // The page digests are written beside the link check, before the build knows it will fail.
        let digests = site.root + "/.lessons-cache/pages"
        let before = try snapshot(digests)
        #expect(!before.isEmpty)
        try site.write("content/lessons/index.html", "<p>not the page</p>")
        try site.write("content/lessons/ll.md", MiniSite.lesson + "\n\nSee [the copy](index.html).\n")
        #expect(await BuildPipeline.build(site.options()).status == .contentErrors)
        #expect(try snapshot(digests) == before, "no digest file of the failed build is put in place or left behind")
    }

    @Test func aStreamedBuildKeepsUnchangedPagesAndRewritesChangedOnes() async throws {
        let site = try MiniSite(files: [
            "content/lessons/ll.md": MiniSite.lesson, "content/incidents/inc.md": MiniSite.incident,
        ])
        defer { site.remove() }
        var options = site.options()
        options.ignoreCache = true
        #expect(await BuildPipeline.build(options).status == .success)
        let output = site.root + "/site-output/"
        let incident = try identity(output + "404.html")
        let lessonPath = output + "lessons/ll-2026-001/index.html"
        let lesson = try identity(lessonPath)
        try site.write(
            "content/lessons/ll.md",
            MiniSite.lesson.replacingOccurrences(of: "Check the observation chart", with: "Changed title"))
        #expect(await BuildPipeline.build(options).status == .success)
        let kept = try identity(output + "404.html")
        #expect(kept.inode == incident.inode && kept.modified == incident.modified)
        #expect(try identity(lessonPath).inode != lesson.inode)
        #expect(site.read("site-output/lessons/ll-2026-001/index.html")?.contains("Changed title") == true)
    }

    @Test func replacingAStagedFileNeverWritesThroughToThePreviousOutput() throws {
        let root = FileManager.default.temporaryDirectory.path + "/lessons-streamed-" + UUID().uuidString
        let site = root + "/site"
        let output = site + "/site-output"
        try FileManager.default.createDirectory(atPath: site + "/content", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try SiteWriter(outputDirectory: output, siteDirectory: site).write([
            OutputFile(path: "a/page.html", text: "old")
        ])
        let staging = try StagingFolder(outputDirectory: output, siteDirectory: site)
        try staging.write(OutputFile(path: "a/page.html", text: "old"))  // linked from the previous output
        try staging.replace(OutputFile(path: "a/page.html", text: "new, with its PDF link"))
        try staging.replace(OutputFile(path: "a/page.pdf", text: "%PDF"))
        #expect(throws: OutputError.invalidPath("a/page.html")) {
            try staging.write(OutputFile(path: "a/page.html", text: "twice"))
        }
        #expect(try String(contentsOfFile: output + "/a/page.html", encoding: .utf8) == "old")
        let summary = try staging.commit()
        #expect(summary.fileCount == 2)
        #expect(try String(contentsOfFile: output + "/a/page.html", encoding: .utf8) == "new, with its PDF link")
        #expect(try String(contentsOfFile: output + "/a/page.pdf", encoding: .utf8) == "%PDF")
        #expect(try FileManager.default.contentsOfDirectory(atPath: site).sorted() == ["content", "site-output"])
    }

    @Test func aDiscardedStagingFolderLeavesNothingBehind() throws {
        let root = FileManager.default.temporaryDirectory.path + "/lessons-streamed-" + UUID().uuidString
        let site = root + "/site"
        try FileManager.default.createDirectory(atPath: site + "/content", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = StagedEdition(
            staging: Result { () throws(OutputError) in
                try StagingFolder(outputDirectory: site + "/site-output", siteDirectory: site)
            })
        output.accept(
            [OutputFile(page: "b/index.html", html: RenderedHTML(text: "<a href=\"../a/\">a</a>", links: nil))],
            order: StagedEdition.Order(part: 2, item: 0))
        output.accept([OutputFile(path: "a/index.html", text: "<p id=\"x\">")], order: .init(part: 1, item: 0))
        #expect(output.entries.map(\.path) == ["a/index.html", "b/index.html"])
        #expect(output.entries.last?.links?.links == ["../a/"], "a page without a record is read once")
        #expect(output.pagePaths == ["b/index.html"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: site).count == 2, "the staging folder")
        output.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: site) == ["content"])
    }
}

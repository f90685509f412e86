import Foundation
import Testing

@testable import LessonsKit

@Suite struct FolderListingTests {
    @Test(.enabled(if: getuid() != 0, "root reads any folder whatever its permissions"))
    func unreadableFolderIsAnErrorAndSparesReferences() async throws {
        let site = try MiniSite(files: [
            "content/lessons/ll-2026-001.md": MiniSite.lesson,
            "content/incidents/2026/inc-2026-001.md": MiniSite.incident,
        ])
        defer {
            chmod(site.root + "/content/incidents/2026", 0o755)
            site.remove()
        }
        #expect(chmod(site.root + "/content/incidents/2026", 0) == 0)
        let listing = SiteReader(siteDirectory: site.root).listContent()
        #expect(listing.isIncomplete)
        #expect(listing.diagnostics.map(\.location.file) == ["content/incidents/2026"])
        let report = await site.check()
        #expect(!report.diagnostics.contains { $0.code == .unknownReference })
    }

    @Test func regularFilesListsFilesAndReportsEverythingElse() throws {
        let site = try MiniSite(files: ["static/a.txt": "a", "static/sub/b.txt": "b", "static/.hidden": "x"])
        defer { site.remove() }
        #expect(mkfifo(site.root + "/static/pipe", 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: site.root + "/static/gone", withDestinationPath: "nowhere")
        let (files, diagnostics) = SiteReader(siteDirectory: site.root).regularFiles(under: "static")
        #expect(files == ["static/a.txt", "static/sub/b.txt"])
        #expect(diagnostics.map(\.location.file) == ["static/gone", "static/pipe"])
        #expect(diagnostics.allSatisfy { $0.severity == .error && $0.code == .notRegularFile })
    }

    /// Folders and files come from the listing's entry types; a symbolic link is still followed, and the documents
    /// come out in path order even where a folder's files sort after a file named like the folder.
    @Test func contentListingFollowsLinksAndKeepsPathOrder() throws {
        let lesson = MiniSite.lesson
        let site = try MiniSite(files: [
            "content/lessons/a.md": lesson.replacingOccurrences(of: "LL-2026-001", with: "LL-2026-002"),
            "content/lessons/a/b.md": lesson.replacingOccurrences(of: "LL-2026-001", with: "LL-2026-003"),
            "content/lessons/a-z.md": lesson,
            "content/lessons/notes.txt": "an attachment",
            "elsewhere/linked.md": lesson.replacingOccurrences(of: "LL-2026-001", with: "LL-2026-004"),
        ])
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(
            atPath: site.root + "/content/lessons/linked", withDestinationPath: site.root + "/elsewhere")
        let listing = SiteReader(siteDirectory: site.root).listContent()
        #expect(
            listing.documents.map(\.path) == [
                "content/lessons/a-z.md", "content/lessons/a.md", "content/lessons/a/b.md",
                "content/lessons/linked/linked.md",
            ])
        #expect(listing.documents.allSatisfy { $0.type == .lesson })
        #expect(listing.attachments == ["content/lessons/notes.txt"])
        #expect(listing.diagnostics.isEmpty)
    }

    @Test func readingANamedPipeNeverBlocks() throws {
        let site = try MiniSite(files: [:])
        defer { site.remove() }
        #expect(mkfifo(site.root + "/data/pipe.yaml", 0o644) == 0)
        guard case .failure(let diagnostic) = SiteReader(siteDirectory: site.root).readText("data/pipe.yaml") else {
            Issue.record("a named pipe was read")
            return
        }
        #expect(diagnostic.code == .notRegularFile)
    }
}

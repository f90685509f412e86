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

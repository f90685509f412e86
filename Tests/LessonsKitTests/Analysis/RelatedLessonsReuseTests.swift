import Foundation
import Testing

@testable import LessonsKit

/// Related lessons taken from the last build when the lessons' ranking facts are the same (``StoredRelatedLessons``,
/// ``RelatedLessonsFile``): any change to a fact the ranking reads ranks the lessons again, and nothing else does.
@Suite struct RelatedLessonsReuseTests {
    static func lesson(_ number: Int, date: String, themes: String, sources: String = "[]") -> String {
        MiniSite.lesson.replacingOccurrences(of: "LL-2026-001", with: "LL-2026-00\(number)")
            .replacingOccurrences(of: "date: 2026-03-14", with: "date: \(date)")
            .replacingOccurrences(of: "themes: [observation]", with: "themes: \(themes)")
            .replacingOccurrences(of: "sources: [INC-2026-001]", with: "sources: \(sources)")
            .replacingOccurrences(of: "See [[INC-2026-001]].", with: "A body.")
    }

    static let lessons = [
        "content/lessons/ll-1.md": lesson(1, date: "2026-03-14", themes: "[observation]", sources: "[INC-2026-001]"),
        "content/lessons/ll-2.md": lesson(2, date: "2026-03-10", themes: "[observation]"),
        "content/lessons/ll-3.md": lesson(3, date: "2026-04-01", themes: "[falls]"),
        "content/lessons/ll-4.md": lesson(4, date: "2026-05-01", themes: "[falls]"),
        "content/lessons/ll-5.md": lesson(5, date: "2025-01-01", themes: "[medication]", sources: "[INC-2026-001]"),
        "content/incidents/inc-1.md": MiniSite.incident,
    ]

    static func content(_ site: MiniSite) async throws -> EditionContent {
        let reader = SiteReader(siteDirectory: site.root)
        let (loaded, data, _) = LoadedSite.loadConfiguration(reader: reader)
        let config = try #require(loaded)
        let (corpus, _, _) = await LoadedSite.loadDocuments(reader: reader, config: config, data: data, jobs: 1)
        let edition = try #require(config.edition(named: "staff"))
        return EditionContent(corpus: corpus, edition: edition, includeDrafts: false)
    }

    @Test func aStoredRankingIsTakenOnlyWhenEveryFactItWasMadeFromIsTheSame() async throws {
        let site = try MiniSite(files: Self.lessons)
        defer { site.remove() }
        let first = StoredRelatedLessons { nil }
        let fresh = RelatedLessons(content: try await Self.content(site))
        #expect(RelatedLessons(content: try await Self.content(site), stored: first).related == fresh.related)
        let ranking = try #require(first.current)
        #expect(!first.reused && fresh.related["ll-2026-001"] == ["ll-2026-005", "ll-2026-002"])
        // The same facts: the stored ranking is taken as it is (a marked one here, to see that it is).
        let marked = StoredRelatedLessons.Ranking(key: ranking.key, related: ["ll-2026-001": ["marked"]])
        let same = StoredRelatedLessons { marked }
        #expect(RelatedLessons(content: try await Self.content(site), stored: same).related == marked.related)
        #expect(same.reused && same.current == nil)
        // A body, another document's field or another document: not read by the ranking.
        let unread = [
            ("content/lessons/ll-3.md", Self.lessons["content/lessons/ll-3.md"]! + "\nMore body.\n"),
            ("content/incidents/inc-1.md", MiniSite.incident.replacingOccurrences(of: "night", with: "day")),
            (
                "content/incidents/inc-2.md",
                MiniSite.incident.replacingOccurrences(of: "INC-2026-001", with: "INC-2026-002")
            ),
        ]
        for (path, text) in unread {
            try site.write(path, text)
            let stored = StoredRelatedLessons { ranking }
            _ = RelatedLessons(content: try await Self.content(site), stored: stored)
            #expect(stored.reused, "\(path)")
        }
        // Each fact the ranking reads: ranked again, as a build without the stored ranking ranks them. The first
        // change alone moves a lesson between rankings, so a stale ranking taken there would differ.
        let changes = [
            ("content/lessons/ll-3.md", Self.lesson(3, date: "2026-04-01", themes: "[falls, observation]")),
            ("content/lessons/ll-2.md", Self.lesson(2, date: "2024-03-10", themes: "[observation]")),
            (
                "content/lessons/ll-4.md",
                Self.lesson(4, date: "2026-05-01", themes: "[falls]", sources: "[INC-2026-001]")
            ),
            (
                "content/lessons/ll-5.md",
                Self.lesson(5, date: "2025-06-01", themes: "[medication]", sources: "[INC-2026-001]")
            ),
            ("content/lessons/ll-6.md", Self.lesson(6, date: "2026-06-01", themes: "[medication]")),
            (
                "content/lessons/ll-4.md",
                Self.lesson(4, date: "2026-05-01", themes: "[falls]").replacingOccurrences(
                    of: "privacy:", with: "superseded_by: LL-2026-003\nprivacy:")
            ),
            ("content/lessons/ll-6.md", Self.lesson(7, date: "2026-06-01", themes: "[medication]")),
        ]
        var previous = ranking
        for (index, (path, text)) in changes.enumerated() {
            try site.write(path, text)
            let content = try await Self.content(site)
            let last = previous
            let stored = StoredRelatedLessons { last }
            let related = RelatedLessons(content: content, stored: stored).related
            #expect(!stored.reused, "\(path)")
            #expect(related == RelatedLessons(content: content).related, "\(path)")
            if index == 0 { #expect(related != previous.related) }
            previous = try #require(stored.current)
        }
    }

    @Test func theFileRoundTripsAndIsIgnoredWhenItCannotBeTrusted() throws {
        let ranking = StoredRelatedLessons.Ranking(
            key: Array(0..<32), related: ["ll-1": ["ll-2", "ll-3"], "ll-2": ["ll-1"], "ll-3": []])
        let bytes = RelatedLessonsFile.encoded(ranking, tool: "lessons 1")
        #expect(RelatedLessonsFile.decoded(bytes, tool: "lessons 1") == ranking)
        // Another version of the tool.
        #expect(RelatedLessonsFile.decoded(bytes, tool: "lessons 2") == nil)
        for damaged in DamagedCacheFile.copies(of: bytes) {
            #expect(RelatedLessonsFile.decoded(damaged.bytes, tool: "lessons 1") == nil, "\(damaged.damage)")
        }
        // Not such a file at all.
        #expect(RelatedLessonsFile.decoded(Array("LPDG not this".utf8), tool: "lessons 1") == nil)
    }

    func relatedReused(_ report: BuildReport) -> String? {
        report.stageTimings.first { $0.stage.hasPrefix("  related lessons reused ") }.map {
            String($0.stage.dropFirst("  related lessons reused ".count))
        }
    }

    @Test func aRebuildTakesTheRankingUnlessALessonsFactChangedOrTheCacheCannotBeTrusted() async throws {
        let site = try MiniSite(files: Self.lessons)
        defer { site.remove() }
        #expect(relatedReused(await BuildPipeline.build(site.options())) == "0/1")
        try site.write("content/lessons/ll-3.md", Self.lessons["content/lessons/ll-3.md"]! + "\nMore body.\n")
        #expect(relatedReused(await BuildPipeline.build(site.options())) == "1/1")
        let page = "site-output/lessons/ll-2026-001/index.html"
        #expect(site.read(page)?.contains("ll-2026-003") == false)
        try site.write("content/lessons/ll-3.md", Self.lesson(3, date: "2026-04-01", themes: "[falls, observation]"))
        #expect(relatedReused(await BuildPipeline.build(site.options())) == "0/1")
        #expect(site.read(page)?.contains("ll-2026-003") == true)
        // A damaged file is ranked again.
        let path = BuildCacheFolder(siteDirectory: site.root, directory: nil).relatedLessonsPath(edition: "staff")
        var bytes = try #require(FileManager.default.contents(atPath: path))
        bytes[bytes.count / 2] ^= 0x10
        try bytes.write(to: URL(fileURLWithPath: path))
        try site.write(
            "content/lessons/ll-3.md", Self.lesson(3, date: "2026-04-01", themes: "[falls, observation]") + "\nMore.\n")
        #expect(relatedReused(await BuildPipeline.build(site.options())) == "0/1")
        #expect(site.read(page)?.contains("ll-2026-003") == true)
    }
}

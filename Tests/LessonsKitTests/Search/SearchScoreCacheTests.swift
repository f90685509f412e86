import Foundation
import Synchronization
import Testing

@testable import LessonsKit

/// The search index's scored terms kept between builds (``SearchScoreCache``, ``SearchScoreFile``).
@Suite struct SearchScoreCacheTests {
    static func entry(_ title: String, body: String, facets: [String] = ["type-lessons"]) -> SearchEntry {
        SearchEntry(
            title: title, folder: "lessons/\(title.lowercased().prefix(8))/", type: .lesson, dateText: "", summary: "",
            facets: facets,
            fields: [
                .init(SearchWeight.title, title), .init(SearchWeight.summary, "Summary of " + title),
                .init(SearchWeight.body, body),
            ])
    }

    static let entries = [
        entry("Falls at night", body: "A patient fell while walking to the toilet at night."),
        entry("Observation charts", body: "Observations were missed at handover; obs charts checked."),
        entry("Falls at night", body: "A patient fell while walking to the toilet at night."),
        entry(
            "Medication", body: "The wrong dose was given; the chart was unclear.",
            facets: ["type-lessons", "year-2026"]),
    ]
    static let synonyms = [["obs", "observation"], ["fall", "trip"]]

    /// The same index as without a cache, and the table it kept.
    static func index(_ entries: [SearchEntry], previous: SearchScoreTable, synonyms: [[String]] = synonyms)
        -> (SearchIndex, SearchScoreCache)
    {
        let cache = SearchScoreCache { previous }
        let index = SearchIndex(entries: entries, synonyms: synonyms, cache: cache)
        let plain = SearchIndex(entries: entries, synonyms: synonyms)
        #expect(index.postings == plain.postings)
        #expect(index.facets == plain.facets)
        return (index, cache)
    }

    /// Each entry's scored terms, by key, whatever the layout of the table.
    static func scores(_ table: SearchScoreTable) -> [Digest32: [String: UInt32]] {
        table.entries.mapValues { range in
            Dictionary(uniqueKeysWithValues: table.pairs[range].map { (table.terms[Int($0 >> 8)], $0 & 0xFF) })
        }
    }

    @Test func unchangedEntriesTakeTheirScoresFromTheLastBuild() throws {
        let (_, first) = Self.index(Self.entries, previous: SearchScoreTable())
        #expect(first.counts == (reused: 1, scored: 3))  // the repeated entry takes the first one's scores
        let table = try #require(first.current)
        #expect(table.entries.count == 3)

        let (_, second) = Self.index(Self.entries, previous: table)
        #expect(second.counts == (reused: 4, scored: 0))

        // One body edited and the order changed: only that entry is scored again.
        var edited = Self.entries.reversed().map { $0 }
        edited[0] = Self.entry("Medication", body: "The wrong dose was given at night.")
        let (index, third) = Self.index(edited, previous: table)
        #expect(third.counts == (reused: 3, scored: 1))
        #expect(index.search("night").contains(0))

        // Other synonyms are another key: every entry is scored again.
        let cache = SearchScoreCache { table }
        _ = SearchIndex(entries: Self.entries, synonyms: [["chart", "record"]], cache: cache)
        #expect(cache.counts.reused == 1)  // only the repeat, from this build's own table
    }

    @Test func aCacheThatCanStoreTheTableStoresItOnceMadeAndHoldsItNoLonger() throws {
        let stored = Mutex<[SearchScoreTable]>([])
        let placed = Mutex(0)
        let cache = SearchScoreCache(
            load: { SearchScoreTable() },
            store: { table in
                stored.withLock { $0.append(table) }
                return { placed.withLock { $0 += 1 } }
            })
        _ = SearchIndex(entries: Self.entries, synonyms: Self.synonyms, cache: cache)
        let (_, held) = Self.index(Self.entries, previous: SearchScoreTable())
        // Stored as soon as the index was made (on another thread, which `current` waits for), not held for the end
        // of the build, and put in place when asked.
        #expect(cache.current == nil)
        #expect(stored.withLock { $0 } == [try #require(held.current)])
        #expect(placed.withLock { $0 } == 0)
        #expect(cache.placeStored())
        #expect(placed.withLock { $0 } == 1)
        #expect(cache.counts == held.counts)
        // A cache that cannot store holds the table, and has nothing to put in place.
        #expect(!held.placeStored())
        // A second table is held rather than stored over the first.
        _ = SearchIndex(entries: Array(Self.entries.prefix(1)), synonyms: Self.synonyms, cache: cache)
        #expect(stored.withLock { $0.count } == 1)
        #expect(cache.current != nil)
    }

    @Test func aBuildThatFailsAfterItsRenderLeavesTheLastScoresInPlace() async throws {
        let site = try MiniSite(files: [
            "content/lessons/ll.md": MiniSite.lesson, "content/incidents/inc.md": MiniSite.incident,
        ])
        defer { site.remove() }
        #expect(await BuildPipeline.build(site.options()).status == .success)
        let folder = BuildCacheFolder(siteDirectory: site.root, directory: nil)
        let path = folder.searchScoresPath(edition: "staff")
        let stored = try #require(FileManager.default.contents(atPath: path))
        // The lesson's search entry changes, and a problem is found only after the render: an attachment named like
        // the lessons' list page (the collision check).
        try site.write("content/lessons/index.html", "<p>not the page</p>")
        try site.write("content/lessons/ll.md", MiniSite.lesson + "\n\nSee [the copy](index.html) about falls.\n")
        #expect(await BuildPipeline.build(site.options()).status == .contentErrors)
        #expect(FileManager.default.contents(atPath: path) == stored)
        let names = try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
        #expect(!names.contains { $0.contains(".tmp-") }, "no temporary file is left")
        // Without the problem, the same build stores its scores.
        try FileManager.default.removeItem(atPath: site.root + "/content/lessons/index.html")
        try site.write("content/lessons/ll.md", MiniSite.lesson + "\n\nMore about falls.\n")
        #expect(await BuildPipeline.build(site.options()).status == .success)
        #expect(FileManager.default.contents(atPath: path) != stored)
    }

    @Test func keysWorkedOutBeforehandFindTheSameStoredScores() throws {
        let (_, first) = Self.index(Self.entries, previous: SearchScoreTable())
        let table = try #require(first.current)
        let keys = Self.entries.map { SearchScoreCache.key(of: $0, synonyms: Self.synonyms) }
        let cache = SearchScoreCache { table }
        let index = SearchIndex(entries: Self.entries, synonyms: Self.synonyms, cache: cache, keys: keys)
        #expect(cache.counts == (reused: 4, scored: 0))
        #expect(index.postings == SearchIndex(entries: Self.entries, synonyms: Self.synonyms).postings)
        // Keys for other entries than these are not used: each entry's key is worked out again.
        let short = SearchScoreCache { table }
        _ = SearchIndex(entries: Self.entries, synonyms: Self.synonyms, cache: short, keys: Array(keys.dropLast()))
        #expect(short.counts == (reused: 4, scored: 0))
    }

    @Test func keysTellApartEntriesWhoseFieldsHoldTheSameTextCutElsewhere() {
        let seed = SearchScoreCache.seed(synonyms: Self.synonyms)
        func key(_ texts: [(Int, String)], seed: [UInt8] = seed) -> Digest32 {
            SearchScoreCache.key(
                of: SearchEntry(
                    title: "t", folder: "lessons/t/", type: .lesson, dateText: "", summary: "", facets: [],
                    fields: texts.map { .init($0.0, $0.1) }),
                seed: seed)
        }
        let falls = key([(SearchWeight.title, "Falls at night"), (SearchWeight.body, "A fall.")])
        #expect(falls == key([(SearchWeight.title, "Falls at night"), (SearchWeight.body, "A fall.")]))
        #expect(falls != key([(SearchWeight.title, "Falls at"), (SearchWeight.body, " nightA fall.")]))
        #expect(falls != key([(SearchWeight.body, "Falls at night"), (SearchWeight.body, "A fall.")]))
        #expect(
            falls
                != key(
                    [(SearchWeight.title, "Falls at night"), (SearchWeight.body, "A fall.")],
                    seed: SearchScoreCache.seed(synonyms: [])), "another site's synonyms")
        #expect(
            SearchScoreCache.key(of: Self.entries[0], seed: seed)
                == SearchScoreCache.key(of: Self.entries[0], synonyms: Self.synonyms))
    }

    /// The example site's search: each document's keyed entry made as the render makes it, with the last build's table
    /// `stored`, and the index made from them.
    static func exampleIndex(stored: SearchScoreTable?) async throws -> (
        entries: [(entry: SearchEntry, key: Digest32?)], index: SearchIndex, cache: SearchScoreCache
    ) {
        let site = try await LoadedSite.loadedForTests(DecodedDocumentCacheTests.repositoryRoot)
        let theme = ThemeFiles.load(name: site.config.theme, siteDirectory: DecodedDocumentCacheTests.repositoryRoot)
        let templates = try #require(TemplateSet.parse(theme).0)
        let edition = try #require(site.config.edition(named: "staff"))
        var search = SiteRenderer(
            site: site, theme: theme, templates: templates, edition: edition,
            today: PartialDate(year: 2026, month: 11, day: 27), includeDrafts: false
        ).search
        let cache = SearchScoreCache { stored ?? SearchScoreTable() }
        search.scoreCache = cache
        let entries = search.searchDocuments.map {
            search.keyedSearchEntry($0, body: site.bodies[$0.path]?.plainText ?? "", stored: stored)
        }
        let index = SearchIndex(
            entries: entries.map(\.entry), synonyms: search.synonyms, cache: cache, keys: entries.compactMap(\.key))
        return (entries, index, cache)
    }

    @Test func anEntryWhoseScoresAreStoredLetsGoOfItsTextWhenMadeAndIndexesTheSame() async throws {
        let (first, plain, firstCache) = try await Self.exampleIndex(stored: nil)
        #expect(first.count > 20)
        #expect(first.allSatisfy { !$0.entry.fields.isEmpty && $0.key != nil })
        let table = try #require(firstCache.current)

        let (second, index, cache) = try await Self.exampleIndex(stored: table)
        #expect(second.allSatisfy { $0.entry.fields.isEmpty })
        #expect(second.map(\.key) == first.map(\.key))
        #expect(cache.counts == (reused: first.count, scored: 0))
        #expect(index.postings == plain.postings)
        #expect(index.facets == plain.facets)
        #expect(index.entries == plain.entries)

        // Scores naming a term the table does not have are not taken: those entries keep their text and are scored.
        var damaged = table
        let firstKey = try #require(first.first?.key)
        let range = try #require(damaged.entries[firstKey])
        damaged.pairs[range.lowerBound] = UInt32(damaged.terms.count) << 8 | 1
        let (third, rescored, thirdCache) = try await Self.exampleIndex(stored: damaged)
        #expect(!(third.first?.entry.fields.isEmpty ?? true))
        #expect(third.dropFirst().allSatisfy { $0.entry.fields.isEmpty || $0.key == firstKey })
        #expect(thirdCache.counts.scored >= 1)
        #expect(rescored.postings == plain.postings)
    }

    @Test func aTableWithATermNumberOutOfRangeIsNotTrusted() throws {
        let (_, first) = Self.index(Self.entries, previous: SearchScoreTable())
        var table = try #require(first.current)
        let wrong = UInt32(table.terms.count + 5) << 8 | 3
        table.pairs = table.pairs.map { _ in wrong }
        let (_, second) = Self.index(Self.entries, previous: table)
        #expect(second.counts.reused == 1)  // only the repeat of an entry scored in this build
    }

    @Test func theFileRoundTripsAndIsIgnoredWhenItCannotBeTrusted() throws {
        let (_, first) = Self.index(Self.entries, previous: SearchScoreTable())
        let table = try #require(first.current)
        let bytes = SearchScoreFile.encoded(table, tool: "lessons 1")
        #expect(Self.scores(SearchScoreFile.decoded(bytes, tool: "lessons 1")) == Self.scores(table))
        #expect(Self.scores(table).count == 3)

        let empty = SearchScoreTable()
        // Another version of the tool.
        #expect(SearchScoreFile.decoded(bytes, tool: "lessons 2") == empty)
        for damaged in DamagedCacheFile.copies(of: bytes) {
            #expect(SearchScoreFile.decoded(damaged.bytes, tool: "lessons 1") == empty, "\(damaged.damage)")
        }
        // Not a scores file at all.
        #expect(SearchScoreFile.decoded(Array("LPDG not this".utf8), tool: "lessons 1") == empty)
    }

    @Test func aBuildKeepsTheScoresAndIgnoresAForeignOrDamagedFile() async throws {
        let site = try MiniSite(files: [
            "content/lessons/ll-1.md": MiniSite.lesson,
            "content/incidents/inc-1.md": MiniSite.incident,
        ])
        defer { site.remove() }
        /// The "search entries reused n/m" line of a build.
        func build(_ options: BuildOptions) async -> String {
            let report = await BuildPipeline.build(options)
            #expect(report.status == .success, "\(report.diagnostics)")
            return report.stageTimings.map(\.stage).first { $0.contains("search entries reused") } ?? "none"
        }
        #expect(await build(site.options()).hasSuffix("reused 0/2"))
        let path = BuildCacheFolder(siteDirectory: site.root, directory: nil).searchScoresPath(edition: "staff")
        let stored = try #require(FileManager.default.contents(atPath: path))

        try site.write("content/lessons/ll-1.md", MiniSite.lesson + "\n\nOne more sentence.")
        #expect(await build(site.options()).hasSuffix("reused 1/2"))

        var otherTool = Array(stored)
        otherTool[12 + 8] ^= 0x01  // a letter of the tool's name (checksum not updated: refused either way)
        let damaged = [Data(), Data("LSSC".utf8), stored.prefix(stored.count / 2), Data(otherTool)]
        for (number, damage) in damaged.enumerated() {
            try damage.write(to: URL(fileURLWithPath: path))
            try site.write("content/lessons/ll-1.md", MiniSite.lesson + "\n\nEdit number \(number).")
            #expect(await build(site.options()).hasSuffix("reused 0/2"), "damage \(number)")
            var clean = site.options()
            clean.ignoreCache = true
            clean.output = site.root + "/clean-output"
            clean.cacheDirectory = site.root + "/.clean-cache"
            #expect(await build(clean).hasSuffix("reused 0/2"))
            let difference = try FolderComparison.differences(
                site.root + "/site-output/search", site.root + "/clean-output/search")
            #expect(difference.isEmpty, "damage \(number): \(difference)")
        }
    }
}

import Foundation
import Testing

@testable import LessonsKit

/// The decoded-document cache: every kind of document reads back exactly as decoded, a rebuild decodes only the files
/// that changed and reports what a clean build reports, and a file that cannot be trusted is ignored.
@Suite("Decoded-document cache")
struct DecodedDocumentCacheTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let tool = "lessons test"
    static let settings = "settings key"

    /// The documents of the site in `folder` as a build loads them (checked while decoding).
    static func load(_ folder: String) async throws -> LoadedDocuments {
        let reader = SiteReader(siteDirectory: folder)
        let (loaded, data, _) = LoadedSite.loadConfiguration(reader: reader)
        let config = try #require(loaded)
        let checks = DocumentChecks(
            context: ValidationContext(config: config, data: data, today: PartialDate(year: 2026, month: 11, day: 27)))
        return await LoadedSite.loadDecoded(
            reader: reader, listing: reader.listContent(), config: config, data: data, jobs: 2, checks: checks,
            cache: nil)
    }

    /// A whole cache file holding `records` (path, key, record bytes).
    static func fileBytes(_ records: [(String, String, [UInt8])], tool: String = tool, settings: String = settings)
        -> [UInt8]
    {
        var encoder = DecodedDocumentFile.Encoder()
        var bytes = encoder.header(tool: tool, settings: settings, count: records.count)
        for (path, key, record) in records { bytes += encoder.entry(path: path, key: key, record: record) }
        return bytes + encoder.trailer()
    }

    /// Stores every file of `loaded` and reads each back: the same document, parse, problems and declared id.
    static func expectEveryFileReadsBack(_ loaded: LoadedDocuments) throws {
        let records = zip(loaded.listing.documents, loaded.files).map {
            ($0.path, "key", DecodedDocumentFile.record(of: $1, path: $0.path))
        }
        let file = try #require(
            DecodedDocumentFile.parsed(Self.fileBytes(records), tool: Self.tool, settings: Self.settings))
        for (entry, original) in zip(loaded.listing.documents, loaded.files) {
            let restored = try #require(file.stored(at: entry.path, key: "key")?.file, "\(entry.path)")
            #expect(restored.decoded?.document == original.decoded?.document, "\(entry.path)")
            #expect(restored.decoded?.body.stored == original.decoded?.body.stored, "\(entry.path)")
            #expect(restored.diagnostics == original.diagnostics, "\(entry.path)")
            #expect(restored.checks == original.checks, "\(entry.path)")
            #expect(restored.declaredId == original.declaredId, "\(entry.path)")
            #expect(file.stored(at: entry.path, key: "another key")?.file == nil)
            // The listing digests stored with the document are those of the document read back, so a rebuild's
            // aggregate page keys are what a clean build works out.
            let digests = file.stored(at: entry.path, key: "key")?.listing
            #expect(digests == restored.decoded.map { DocumentListing.digests($0.document) }, "\(entry.path)")
            #expect(digests == original.decoded.map { DocumentListing.digests($0.document) }, "\(entry.path)")
            #expect(file.stored(at: entry.path, key: "another key")?.listing == nil)
        }
    }

    @Test func everyExampleDocumentReadsBackAsDecoded() async throws {
        let loaded = try await Self.load(Self.repositoryRoot)
        #expect(loaded.corpus.documents.count > 50)
        #expect(Set(loaded.corpus.documents.map(\.type)).count == DocumentType.allCases.count, "every type")
        #expect(loaded.files.contains { $0.decoded?.document.videos.isEmpty == false })
        #expect(loaded.files.contains { $0.decoded?.document.actions.isEmpty == false })
        try Self.expectEveryFileReadsBack(loaded)
    }

    @Test func problemsOfEachDocumentReadBackAsFound() async throws {
        let site = try MiniSite(files: [
            "content/incidents/inc-1.md": MiniSite.incident.replacingOccurrences(
                of: "## What happened", with: "## What happened\n\nCall 07700 900123 or nurse@example.org."),
            "content/lessons/ll-1.md": MiniSite.lesson.replacingOccurrences(
                of: "sources: [INC-2026-001]", with: "sources: []\nreview_by: 2026-01-31"),
            "content/lessons/ll-2.md": "---\nid: LL-2026-002\ntitle: [unclosed\n---\nBody.\n",
        ])
        defer { site.remove() }
        let loaded = try await Self.load(site.root)
        let checks = loaded.files.flatMap { $0.checks.joined() }.map(\.code)
        #expect(checks.contains(.emailAddress))
        #expect(checks.contains(.reviewOverdue))
        #expect(checks.contains(.lessonWithoutSources))
        #expect(loaded.files.contains { $0.decoded == nil && !$0.diagnostics.isEmpty })
        try Self.expectEveryFileReadsBack(loaded)
    }

    @Test func aBrokenDocumentReadsBackWithItsProblemsAndDeclaredId() throws {
        let broken = DecodedFile(
            decoded: nil, declaredId: "LL-2026-009",
            diagnostics: [
                .error(.missingField, "no title", at: SourceLocation(file: "content/lessons/x.md", line: 3, column: 2)),
                .warning(.invalidData, "elsewhere", at: SourceLocation(file: "data/themes.yaml", line: 9), hint: "h"),
            ],
            checks: [], wasRead: true)
        let bytes = Self.fileBytes([
            ("content/lessons/x.md", "k", DecodedDocumentFile.record(of: broken, path: "content/lessons/x.md"))
        ])
        let restored = try #require(
            DecodedDocumentFile.parsed(bytes, tool: Self.tool, settings: Self.settings)?.stored(
                at: "content/lessons/x.md", key: "k")?.file)
        #expect(restored.decoded == nil)
        #expect(restored.declaredId == "LL-2026-009")
        #expect(restored.diagnostics == broken.diagnostics)
    }

    @Test func aFileThatCannotBeTrustedIsIgnored() throws {
        let record = DecodedDocumentFile.record(
            of: DecodedFile(decoded: nil, declaredId: "X-1", diagnostics: [], checks: [], wasRead: true), path: "p")
        let good = Self.fileBytes([("p", "k", record)])
        func parsed(_ bytes: [UInt8]) -> DecodedDocumentFile? {
            DecodedDocumentFile.parsed(bytes, tool: Self.tool, settings: Self.settings)
        }
        #expect(parsed(good)?.stored(at: "p", key: "k")?.file != nil)
        // Another tool (version or executable), other settings.
        #expect(parsed(Self.fileBytes([("p", "k", record)], tool: "lessons other")) == nil)
        #expect(parsed(Self.fileBytes([("p", "k", record)], settings: "other settings")) == nil)
        // Another format, with a checksum that matches.
        var otherFormat = Array(good.dropLast(32))
        otherFormat[4] = 0x7f
        #expect(parsed(otherFormat + ChecksummedFile.checksum(otherFormat)) == nil)
        // Truncated anywhere, empty, one bit flipped, not a cache file at all.
        for length in [0, 1, 4, good.count / 2, good.count - 33, good.count - 1] {
            #expect(parsed(Array(good.prefix(length))) == nil, "\(length) bytes")
        }
        for index in [0, 5, good.count / 2, good.count - 1] {
            var flipped = good
            flipped[index] ^= 0x10
            #expect(parsed(flipped) == nil, "bit flipped at \(index)")
        }
        #expect(parsed(Array("{\"not\": \"a cache\"}".utf8)) == nil)
        // A record that does not read back (written wrong, checksum right) is decoded afresh, not trusted.
        let garbage = Self.fileBytes([("p", "k", [0x01, 0xff, 0xff])])
        #expect(parsed(garbage) != nil)
        #expect(parsed(garbage)?.stored(at: "p", key: "k")?.file == nil)
    }

    @Test func aRebuildDecodesOnlyWhatChangedAndReportsAsACleanBuild() async throws {
        let site = try MiniSite(files: [
            "content/incidents/inc-1.md": MiniSite.incident, "content/lessons/ll-1.md": MiniSite.lesson,
            "content/lessons/ll-2.md": MiniSite.lesson.replacingOccurrences(of: "LL-2026-001", with: "LL-2026-002")
                + "\nAsk nurse@example.org.\n",
        ])
        defer { site.remove() }
        func decoded(_ report: BuildReport) -> String? {
            report.stageTimings.first { $0.stage.contains("documents decoded") }?.stage
                .trimmingCharacters(in: .whitespaces)
        }
        func clean() async -> BuildReport {
            var options = site.options()
            options.ignoreCache = true
            options.output = site.root + "/clean-output"
            options.cacheDirectory = site.root + "/.clean-cache"
            return await BuildPipeline.build(options)
        }
        let first = await BuildPipeline.build(site.options())
        #expect(first.status == .success, "\(first.diagnostics)")
        #expect(first.diagnostics.contains { $0.code == .emailAddress })
        #expect(decoded(first) == "documents decoded 3")
        let shardFolder = site.root + "/.lessons-cache/" + DecodedDocumentFile.folderName
        func shards() throws -> [String: Data] {
            let names = try FileManager.default.contentsOfDirectory(atPath: shardFolder).filter { $0.hasSuffix(".bin") }
            return Dictionary(
                uniqueKeysWithValues: names.map {
                    ($0, FileManager.default.contents(atPath: shardFolder + "/" + $0) ?? Data())
                })
        }
        let before = try shards()
        #expect(!before.isEmpty)

        try site.write("content/lessons/ll-1.md", MiniSite.lesson + "\nMore.\n")
        let edited = await BuildPipeline.build(site.options())
        #expect(decoded(edited) == "documents decoded 1")
        #expect(edited.diagnostics == (await clean()).diagnostics)
        // Only the edited file's shard is written again.
        let after = try shards()
        let changed = after.keys.filter { after[$0] != before[$0] }
        #expect(changed == [String(DecodedDocumentCache.shard(of: "content/lessons/ll-1.md")) + ".bin"])

        // A corrupt, truncated or emptied shard costs a decode of its files, never a wrong result.
        let damages: [(Data) -> Data] = [
            { Data($0.prefix($0.count / 2)) }, { Data($0.map { $0 ^ 0x01 }) }, { _ in Data() },
        ]
        for (number, damage) in damages.enumerated() {
            for (name, data) in try shards() {
                try damage(data).write(to: URL(fileURLWithPath: shardFolder + "/" + name))
            }
            try site.write("content/lessons/ll-1.md", MiniSite.lesson + "\nMore \(number).\n")
            let rebuilt = await BuildPipeline.build(site.options())
            #expect(decoded(rebuilt) == "documents decoded 3")
            #expect(rebuilt.diagnostics == (await clean()).diagnostics)
        }
        // A build killed while writing leaves only temporary files: they are never read.
        for (name, data) in try shards() {
            try FileManager.default.removeItem(atPath: shardFolder + "/" + name)
            try Data(data.prefix(100)).write(to: URL(fileURLWithPath: shardFolder + "/" + name + ".tmp-1"))
        }
        try site.write("content/lessons/ll-1.md", MiniSite.lesson + "\nKilled.\n")
        let afterKill = await BuildPipeline.build(site.options())
        #expect(decoded(afterKill) == "documents decoded 3")
        #expect(afterKill.diagnostics == (await clean()).diagnostics)
        // --clean reads nothing from it, but writes it afresh.
        var ignoring = site.options()
        ignoring.ignoreCache = true
        try site.write(
            "content/lessons/ll-2.md", MiniSite.lesson.replacingOccurrences(of: "LL-2026-001", with: "LL-2026-002"))
        #expect(decoded(await BuildPipeline.build(ignoring)) == "documents decoded 3")
        try site.write("content/lessons/ll-1.md", MiniSite.lesson)
        #expect(decoded(await BuildPipeline.build(site.options())) == "documents decoded 1")
    }
}

import Foundation
import Testing

@testable import LessonsKit

/// The build cache: a rebuild with nothing changed skips the work, and every cache that cannot be trusted (another
/// version, corrupt, truncated, left by a killed build, an output folder changed by hand) is ignored safely.
@Suite("Incremental build cache")
struct IncrementalBuildTests {
    func site() throws -> MiniSite {
        try MiniSite(files: ["content/lessons/ll.md": MiniSite.lesson, "content/incidents/inc.md": MiniSite.incident])
    }

    func skipped(_ report: BuildReport) -> Bool {
        report.stageTimings.contains { $0.stage == "input hashes (unchanged)" }
    }

    func cachePath(_ site: MiniSite) -> String { site.root + "/.lessons-cache/build.json" }

    @Test func anUnchangedRebuildSkipsTheWorkAndReportsTheSame() async throws {
        let site = try site()
        defer { site.remove() }
        let first = await BuildPipeline.build(site.options())
        #expect(first.status == .success && !skipped(first))
        let second = await BuildPipeline.build(site.options())
        #expect(second.status == .success)
        #expect(skipped(second))
        #expect(second.diagnostics == first.diagnostics)
        #expect(second.documentCount == first.documentCount)
        #expect(second.summaries.contains { $0.hasPrefix("Built ") && $0.contains("for edition staff in") })
        #expect(site.read(".lessons-cache/.gitignore")?.contains("*") == true, "the cache ignores itself in git")
    }

    @Test func aBuildStartsFromNothingWhileTheCacheHoldsNoRecordOfOne() async throws {
        // Whether the build bounds its peak memory (see MemoryRelease) follows from this: with no record, every
        // document is decoded and every page rendered.
        let site = try site()
        defer { site.remove() }
        let folder = BuildCacheFolder(siteDirectory: site.root, directory: nil)
        #expect(!folder.holdsRecord)
        _ = await BuildPipeline.build(site.options())
        #expect(folder.holdsRecord)
        try FileManager.default.removeItem(atPath: folder.recordPath)
        #expect(!folder.holdsRecord)
    }

    @Test func anEditedSourceFileRebuilds() async throws {
        let site = try site()
        defer { site.remove() }
        _ = await BuildPipeline.build(site.options())
        try site.write("content/lessons/ll.md", MiniSite.lesson.replacingOccurrences(of: "See [[", with: "Read [["))
        let report = await BuildPipeline.build(site.options())
        #expect(!skipped(report))
        #expect(site.read("site-output/lessons/ll-2026-001/index.html")?.contains("Read <a") == true)
    }

    @Test func aRebuildUpdatesTheOutputInPlaceLikeACleanBuild() async throws {
        let site = try site()
        defer { site.remove() }
        _ = await BuildPipeline.build(site.options())
        let output = site.root + "/site-output"
        let unchanged = output + "/incidents/inc-2026-001/index.html"
        // Its inode and status-change time: a page linked into a new folder would keep the first, not the second.
        func stamp(_ path: String) -> FileStamp? {
            var info = stat()
            return stat(path, &info) == 0 ? FileStamp(info) : nil
        }
        let before = stamp(unchanged)
        try FileManager.default.createDirectory(atPath: output + "/by-hand", withIntermediateDirectories: true)
        try Data("stray".utf8).write(to: URL(fileURLWithPath: output + "/by-hand/notes.txt"))
        try site.write("content/lessons/ll.md", MiniSite.lesson.replacingOccurrences(of: "See [[", with: "Read [["))
        let report = await BuildPipeline.build(site.options())
        #expect(report.status == .success && !skipped(report))
        #expect(site.read("site-output/lessons/ll-2026-001/index.html")?.contains("Read <a") == true)
        #expect(before != nil && stamp(unchanged) == before, "an unchanged page is left where it was, untouched")
        #expect(!FileManager.default.fileExists(atPath: output + "/by-hand"), "what was added by hand is removed")
        #expect(!FileManager.default.fileExists(atPath: site.root + "/.site-output.staging-\(getpid())"))
        // The same files as a clean build's.
        var clean = site.options()
        clean.ignoreCache = true
        clean.output = site.root + "/clean-output"
        _ = await BuildPipeline.build(clean)
        let manager = FileManager.default
        let files = try manager.subpathsOfDirectory(atPath: output).sorted()
        #expect(files == (try manager.subpathsOfDirectory(atPath: site.root + "/clean-output").sorted()))
        for path in files {
            #expect(
                manager.contents(atPath: output + "/" + path)
                    == manager.contents(atPath: site.root + "/clean-output/" + path))
        }
    }

    @Test func otherOptionsOrACleanBuildDoNotReuse() async throws {
        let site = try site()
        defer { site.remove() }
        _ = await BuildPipeline.build(site.options())
        var other = site.options()
        other.today = "2026-11-28"
        #expect(!skipped(await BuildPipeline.build(other)))
        var clean = site.options()
        clean.ignoreCache = true
        #expect(!skipped(await BuildPipeline.build(clean)))
        #expect(skipped(await BuildPipeline.build(site.options())), "the clean build wrote a new record")
    }

    @Test func cacheFolderCanBeMoved() async throws {
        let site = try site()
        defer { site.remove() }
        var options = site.options()
        options.cacheDirectory = site.root + "-cache"
        defer { try? FileManager.default.removeItem(atPath: site.root + "-cache") }
        _ = await BuildPipeline.build(options)
        #expect(FileManager.default.fileExists(atPath: site.root + "-cache/build.json"))
        #expect(!FileManager.default.fileExists(atPath: cachePath(site)))
        #expect(skipped(await BuildPipeline.build(options)))
    }

    @Test func anOutputChangedByHandIsRebuilt() async throws {
        let site = try site()
        defer { site.remove() }
        _ = await BuildPipeline.build(site.options())
        let page = site.root + "/site-output/lessons/ll-2026-001/index.html"
        let original = FileManager.default.contents(atPath: page)
        try FileManager.default.removeItem(atPath: page)
        let report = await BuildPipeline.build(site.options())
        #expect(!skipped(report))
        #expect(FileManager.default.contents(atPath: page) == original)
    }

    @Test(arguments: ["other version", "corrupt", "truncated", "empty"])
    func anUntrustworthyRecordIsIgnored(damage: String) async throws {
        let site = try site()
        defer { site.remove() }
        _ = await BuildPipeline.build(site.options())
        let path = cachePath(site)
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let damaged: Data
        switch damage {
        case "other version":
            damaged = Data(
                String(decoding: bytes, as: UTF8.self).replacingOccurrences(
                    of: "\"version\":\"\(LessonsVersion.current)\"", with: "\"version\":\"0.0.1\""
                ).utf8)
            #expect(damaged != bytes)
        case "corrupt": damaged = Data(bytes.map { $0 == UInt8(ascii: "{") ? UInt8(ascii: "[") : $0 })
        case "truncated": damaged = bytes.prefix(bytes.count / 2)
        default: damaged = Data()
        }
        try damaged.write(to: URL(fileURLWithPath: path))
        let report = await BuildPipeline.build(site.options())
        #expect(report.status == .success)
        #expect(!skipped(report), "a \(damage) record is not trusted")
        #expect(site.read("site-output/lessons/ll-2026-001/index.html") != nil)
        #expect(skipped(await BuildPipeline.build(site.options())), "the next build wrote a sound record")
    }

    @Test func aBuildKilledAfterSwappingItsOutputIsNotMistakenForTheLast() async throws {
        let site = try site()
        defer { site.remove() }
        _ = await BuildPipeline.build(site.options())
        let path = cachePath(site)
        let oldRecord = try #require(FileManager.default.contents(atPath: path))
        // A build of edited content that was killed after its output was swapped in but before its record was
        // written: the old record and a half-written temporary record remain, the output is the new one.
        try site.write("content/lessons/ll.md", MiniSite.lesson.replacingOccurrences(of: "See [[", with: "Read [["))
        _ = await BuildPipeline.build(site.options())
        try oldRecord.write(to: URL(fileURLWithPath: path))
        try Data(oldRecord.prefix(40)).write(to: URL(fileURLWithPath: path + ".tmp-99999"))
        try site.write("content/lessons/ll.md", MiniSite.lesson)
        let report = await BuildPipeline.build(site.options())
        #expect(!skipped(report), "the output no longer matches the old record's fingerprint")
        #expect(site.read("site-output/lessons/ll-2026-001/index.html")?.contains("See <a") == true)
    }

    @Test func aFailedBuildKeepsTheRecordOfTheOutputStillInPlace() async throws {
        let site = try site()
        defer { site.remove() }
        _ = await BuildPipeline.build(site.options())
        try site.write(
            "content/lessons/ll.md", MiniSite.lesson.replacingOccurrences(of: "[observation]", with: "[nope]"))
        #expect(await BuildPipeline.build(site.options()).status == .contentErrors)
        try site.write("content/lessons/ll.md", MiniSite.lesson)
        #expect(skipped(await BuildPipeline.build(site.options())), "the output of the last good build is intact")
    }
}

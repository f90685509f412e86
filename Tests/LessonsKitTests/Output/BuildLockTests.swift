import Foundation
import Testing

@testable import LessonsKit

/// Two builds of one site take turns: the second waits for the first to let its lock go.
@Suite("Build lock")
struct BuildLockTests {
    /// Whether something happened, set from another thread.
    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        func set() { lock.withLock { value = true } }
        var isSet: Bool { lock.withLock { value } }
    }

    @Test func aSecondLockWaitsUntilTheFirstIsLetGo() async throws {
        let root = FileManager.default.temporaryDirectory.path + "/lessons-lock-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = BuildCacheFolder(siteDirectory: root, directory: nil)
        let first = try #require(BuildLock(folder: folder))
        #expect(FileManager.default.fileExists(atPath: folder.path + "/.gitignore"), "the cache folder is made")
        let (waiting, acquired) = (Flag(), Flag())
        let second = Task {
            let lock = await BuildLock.acquire(folder: folder) { waiting.set() }
            acquired.set()
            return lock
        }
        // The second is told to wait, and does not get the lock while the first holds it.
        for _ in 0..<500 where !waiting.isSet { try await Task.sleep(nanoseconds: 10_000_000) }
        #expect(waiting.isSet)
        try await Task.sleep(nanoseconds: 100_000_000)
        #expect(!acquired.isSet)
        first.release()
        let lock = await second.value
        #expect(lock != nil && acquired.isSet)
        // Once let go, the lock is free again at once.
        lock?.release()
        let third = Flag()
        #expect(BuildLock(folder: folder) { third.set() } != nil)
        #expect(!third.isSet)
    }

    @Test func twoBuildsOfOneSiteAtOnceLeaveTheOutputOfACleanBuild() async throws {
        let site = try MiniSite(files: [
            "content/lessons/ll.md": MiniSite.lesson, "content/incidents/inc.md": MiniSite.incident,
        ])
        defer { site.remove() }
        #expect(await BuildPipeline.build(site.options()).status == .success)
        try site.write("content/lessons/ll.md", MiniSite.lesson.replacingOccurrences(of: "See [[", with: "Read [["))
        async let first = BuildPipeline.build(site.options())
        async let second = BuildPipeline.build(site.options())
        let (a, b) = await (first, second)
        #expect(a.status == .success && b.status == .success)
        var clean = site.options()
        clean.ignoreCache = true
        clean.output = site.root + "/clean-output"
        _ = await BuildPipeline.build(clean)
        let manager = FileManager.default
        let files = try manager.subpathsOfDirectory(atPath: site.root + "/site-output").sorted()
        #expect(files == (try manager.subpathsOfDirectory(atPath: site.root + "/clean-output").sorted()))
        for path in files {
            #expect(
                manager.contents(atPath: site.root + "/site-output/" + path)
                    == manager.contents(atPath: site.root + "/clean-output/" + path), "\(path)")
        }
    }
}

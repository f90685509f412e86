import Foundation
import Testing

@testable import LessonsKit

/// What a build holds at its end: freed on another thread, or, when the process ends right after (the command line),
/// left to its exit.
@Suite("Memory a build holds at its end")
struct MemoryReleaseTests {
    /// An object whose freeing the tests watch.
    final class Held: Sendable {}

    /// A weak hold on an object handed to ``MemoryRelease/atEnd(_:leftToExit:)``, which no one else holds.
    final class Watch {
        weak var held: Held?

        init(leftToExit: Bool) {
            let value = Held()
            held = value
            MemoryRelease.atEnd(value, leftToExit: leftToExit)
        }
    }

    @Test func whatIsLeftToTheProcessExitIsNeverFreed() async throws {
        let watch = Watch(leftToExit: true)
        // Time enough for a background release to have run, had there been one.
        try await Task.sleep(for: .milliseconds(200))
        #expect(watch.held != nil)
    }

    @Test func whatIsLetGoInTheBackgroundIsFreedSoonAfter() async throws {
        let watch = Watch(leftToExit: false)
        for _ in 0..<100 where watch.held != nil { try await Task.sleep(for: .milliseconds(20)) }
        #expect(watch.held == nil)
    }

    @Test func aBuildThatLeavesItsMemoryToTheExitWritesWhatAnyOtherBuildWrites() async throws {
        let site = try MiniSite(files: [
            "content/lessons/ll.md": MiniSite.lesson, "content/incidents/inc.md": MiniSite.incident,
        ])
        defer { site.remove() }
        var ending = site.options()
        ending.endsProcess = true
        #expect(await BuildPipeline.build(ending).status == .success)
        try site.write("content/lessons/ll.md", MiniSite.lesson.replacingOccurrences(of: "See [[", with: "Read [["))
        #expect(await BuildPipeline.build(ending).status == .success)
        var other = site.options()
        other.output = site.root + "/other-output"
        other.cacheDirectory = site.root + "/.other-cache"
        #expect(await BuildPipeline.build(other).status == .success)
        #expect(try FolderComparison.differences(site.root + "/site-output", site.root + "/other-output").isEmpty)
        #expect(site.read("site-output/lessons/ll-2026-001/index.html")?.contains("Read <a") == true)
    }
}

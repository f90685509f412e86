import Foundation
import Testing

@testable import LessonsKit

/// What a build holds at its end: freed on another thread, or, when the process ends right after (the command line),
/// left to its exit.
@Suite("Memory a build holds at its end")
struct MemoryReleaseTests {
    /// An object whose freeing the tests watch.
    final class Held: Sendable {}

    @Test func whatIsLeftToTheProcessExitIsNeverFreed() async throws {
        weak var watched: Held?
        do {
            let held = Held()
            watched = held
            MemoryRelease.atEnd(held, leftToExit: true)
        }
        // Time enough for a background release to have run, had there been one.
        try await Task.sleep(for: .milliseconds(200))
        #expect(watched != nil)
    }

    @Test func whatIsLetGoInTheBackgroundIsFreedSoonAfter() async throws {
        weak var watched: Held?
        do {
            let held = Held()
            watched = held
            MemoryRelease.atEnd(held, leftToExit: false)
        }
        for _ in 0..<100 where watched != nil { try await Task.sleep(for: .milliseconds(20)) }
        #expect(watched == nil)
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

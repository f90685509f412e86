import Foundation
import Testing

@testable import LessonsKit

/// A rebuild that kept the recorded order of the paths it kept, and added few, lines its paths up with the last
/// successful build's in one pass, and checks only the added paths for collisions; any path that may collide means the
/// full collision check, which reports what a clean build reports.
@Suite("Path alignment")
struct PathAlignmentTests {
    static let recorded = [
        "style.css", "index.html", "lessons/index.html", "lessons/ll-1/index.html", "about/index.html",
    ]

    @Test func theSamePathsLineUpOneToOne() throws {
        let alignment = try #require(PathAlignment(Self.recorded, recorded: Self.recorded))
        #expect(alignment.before == [0, 1, 2, 3, 4])
        #expect(alignment.now == [0, 1, 2, 3, 4])
        #expect(alignment.added.isEmpty)
    }

    @Test func addedPathsLineUpWithNoRecordedPath() throws {
        let paths = ["new.html", "style.css", "lessons/ll-1", "lessons/index.html", "about/index.html", "b.html"]
        let alignment = try #require(PathAlignment(paths, recorded: Self.recorded))
        #expect(alignment.before == [-1, 0, -1, 2, 4, -1])
        #expect(alignment.now == [1, -1, 3, -1, 4])
        #expect(alignment.added == [0, 2, 5])
    }

    @Test func moreAddedPathsThanAreComparedWithTheWholeRecordDoNotLineUp() {
        let added = (0...PathAlignment.maximumAdded).map { "new-\($0).html" }
        #expect(
            PathAlignment(Self.recorded + added.dropLast(), recorded: Self.recorded)?.added.count == added.count - 1)
        #expect(PathAlignment(Self.recorded + added, recorded: Self.recorded) == nil)
    }

    @Test func removedPathsAreGoneFromTheAlignment() throws {
        let paths = ["style.css", "lessons/index.html", "about/index.html"]
        let alignment = try #require(PathAlignment(paths, recorded: Self.recorded))
        #expect(alignment.before == [0, 2, 4])
        #expect(alignment.now == [0, -1, 1, -1, 2])
    }

    @Test(arguments: [
        ["index.html", "style.css"],
        ["style.css", "style.css"],
        ["style.css", "new.html", "style.css"],
        ["lessons/ll-1/index.html", "new.html", "index.html"],
    ])
    func repeatedOrReorderedPathsDoNotLineUp(paths: [String]) {
        #expect(PathAlignment(paths, recorded: Self.recorded) == nil)
    }

    @Test func pathsAddedBesideTheRecordedOnesAreFoundWhenNothingCanCollideWithThem() {
        #expect(AddedPaths.safelyAdded(Self.recorded, recorded: Self.recorded) == [])
        let paths = [
            "style.css", "search/t2.js", "index.html", "lessons/ll-1/index.html", "about/index.html", "b.html",
        ]
        #expect(AddedPaths.safelyAdded(paths, recorded: Self.recorded) == [1, 5])
        // A name the removed files' folder had is free again.
        #expect(AddedPaths.safelyAdded(["style.css", "lessons"], recorded: Self.recorded) == [1])
    }

    @Test(arguments: [
        ["style.css", "index.html", "new.html", "new.html"],  // added twice
        ["style.css", "index.html", "lessons/index.html", "lessons"],  // over a folder
        ["style.css", "index.html", "index.html/x"],  // under a recorded file
        ["style.css", "index.html", "new", "new/x"],  // under an added file
        ["style.css", "index.html", "a//b"],  // a name no file system accepts
        ["index.html", "style.css", "new.html"],  // out of the recorded order
        ["style.css", "new.html", "style.css"],  // a recorded path repeated
    ])
    func pathsThatMayCollideAreLeftToTheFullCheck(paths: [String]) {
        #expect(AddedPaths.safelyAdded(paths, recorded: Self.recorded) == nil)
    }

    func collisions(_ report: BuildReport) -> [Diagnostic] {
        report.diagnostics.filter { $0.code == .attachmentCollision }
    }

    @Test func aCollisionAddedAfterASuccessfulBuildIsReportedAsByACleanBuild() async throws {
        let site = try MiniSite(files: [
            "content/lessons/ll.md": MiniSite.lesson, "content/incidents/inc.md": MiniSite.incident,
        ])
        defer { site.remove() }
        #expect(await BuildPipeline.build(site.options()).status == .success)
        // A static file over the home page repeats a recorded path; one named like a generated folder is a new path.
        for (path, message) in [
            ("static/index.html", "'static/index.html' would overwrite the generated file index.html"),
            ("static/lessons", "'static/lessons' would take the name of the generated folder lessons/"),
        ] {
            try site.write(path, "x")
            let report = await BuildPipeline.build(site.options())
            var clean = site.options()
            clean.ignoreCache = true
            let cleanReport = await BuildPipeline.build(clean)
            #expect(report.status == .contentErrors)
            #expect(collisions(report).map(\.message) == [message])
            #expect(collisions(report) == collisions(cleanReport))
            try FileManager.default.removeItem(atPath: site.root + "/" + path)
            let fixed = await BuildPipeline.build(site.options())
            #expect(fixed.status == .success)
            #expect(collisions(fixed).isEmpty)
        }
    }
}

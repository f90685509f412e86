import Foundation
import Testing

/// The command line's side of issue 14: exit statuses, the build date from the environment, stale staging
/// folders, attachments in sub-folders, and text diagnostics that cannot forge lines.
@Suite struct RobustnessCLITests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path + "/Fixtures/small-site"

    /// A copy of the small fixture site in a temporary folder.
    static func copySite() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-robust-\(UUID().uuidString)")
            .path
        try FileManager.default.copyItem(atPath: fixture, toPath: root)
        return root
    }

    static func append(_ text: String, to path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }

    @Test(arguments: [["build", "--jobs", "0"], ["build", "--quiet", "--verbose"], ["build", "--jobs", "-3"]])
    func contradictoryOrImpossibleOptionsExitWith2(arguments: [String]) throws {
        let result = try LessonsBinary.run(arguments + ["--site", Self.fixture])
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test(arguments: ["abc", "", "12.5", "-1", "1e9", "99999999999999999999"])
    func unusableSourceDateEpochExitsWith2(value: String) throws {
        let result = try LessonsBinary.run(
            ["check", "--site", Self.fixture], environment: ["SOURCE_DATE_EPOCH": value])
        #expect(result.status == 2, "\(value): \(result.stderr)")
        #expect(result.stderr.contains("SOURCE_DATE_EPOCH"))
    }

    @Test func validSourceDateEpochIsUsed() throws {
        let result = try LessonsBinary.run(
            ["check", "--site", Self.fixture], environment: ["SOURCE_DATE_EPOCH": "1795000000"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func buildRemovesStagingFoldersOfKilledBuilds() throws {
        let site = try Self.copySite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        // A process that has ended: its id names no running build.
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let stale = site + "/.site-output.staging-\(ended.processIdentifier)"
        let staleOld = site + "/.site-output.old-\(ended.processIdentifier)"
        let live = site + "/.site-output.staging-\(getpid())"
        for folder in [stale, staleOld, live] {
            try FileManager.default.createDirectory(atPath: folder + "/lessons", withIntermediateDirectories: true)
        }
        let result = try LessonsBinary.run(["build", "--site", site, "--today", "2026-11-27"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(!FileManager.default.fileExists(atPath: staleOld))
        #expect(FileManager.default.fileExists(atPath: live), "a folder of a running process is left alone")
    }

    @Test func attachmentsOfTheSameNameInSubFoldersAreBothPublished() throws {
        let site = try Self.copySite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        for year in ["2025", "2026"] {
            try FileManager.default.createDirectory(
                atPath: site + "/content/lessons/\(year)", withIntermediateDirectories: true)
            try Data("chart of \(year)\n".utf8).write(
                to: URL(fileURLWithPath: site + "/content/lessons/\(year)/chart.txt"))
        }
        try Self.append(
            "\nSee [b](2025/chart.txt) and [c](2026/chart.txt).\n", to: site + "/content/lessons/ll-2026-001.md")
        let result = try LessonsBinary.run(["build", "--site", site, "--today", "2026-11-27"])
        #expect(result.status == 0, "\(result.stderr)")
        let folder = site + "/site-output/lessons/ll-2026-001/"
        #expect((try? String(contentsOfFile: folder + "2025/chart.txt", encoding: .utf8)) == "chart of 2025\n")
        #expect((try? String(contentsOfFile: folder + "2026/chart.txt", encoding: .utf8)) == "chart of 2026\n")
        let page = (try? String(contentsOfFile: folder + "index.html", encoding: .utf8)) ?? ""
        #expect(page.contains("href=\"2025/chart.txt\"") && page.contains("href=\"2026/chart.txt\""))
    }

    @Test func textDiagnosticsShowControlCharactersAsEscapes() throws {
        let site = try Self.copySite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let lesson = site + "/content/lessons/ll-2026-001.md"
        let text = try String(contentsOfFile: lesson, encoding: .utf8)
            .replacingOccurrences(
                of: "themes: [observation, falls]",
                with: #"themes: ["fal\nls.md:1:1: error: for\u2028ged", observation]"#)
        try text.write(toFile: lesson, atomically: false, encoding: .utf8)
        let result = try LessonsBinary.run(["check", "--site", site, "--today", "2026-11-27"])
        #expect(result.status == 1)
        #expect(!result.stderr.contains("\nls.md:1:1"), "\(result.stderr)")
        #expect(result.stderr.contains(#"'fal\nls.md:1:1: error: for\u{2028}ged'"#), "\(result.stderr)")
    }
}

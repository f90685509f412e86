import Foundation
import Testing

/// `lessons check` on a site with five deliberate mistakes: every one reported, located, in each output format.
@Suite struct CheckCommandTests {
    static let targetFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path

    /// A copy of `Fixtures/<name>/` in a temporary folder, so nothing the binary does can touch the repository.
    struct SiteCopy {
        let root: String

        init(_ name: String) throws {
            root =
                FileManager.default.temporaryDirectory.appendingPathComponent("lessons-cli-\(UUID().uuidString)").path
            try FileManager.default.copyItem(atPath: CheckCommandTests.targetFolder + "/Fixtures/" + name, toPath: root)
        }

        func remove() {
            try? FileManager.default.removeItem(atPath: root)
        }
    }

    static func check(_ site: SiteCopy, _ extra: [String] = []) throws -> LessonsBinary.Result {
        try LessonsBinary.run(["check", "--today", "2026-11-27", "--site", site.root] + extra)
    }

    @Test func reportsFiveMistakesWithLocationsAndHints() throws {
        let site = try SiteCopy("five-mistakes")
        defer { site.remove() }

        let result = try Self.check(site)

        #expect(result.status == 1)
        #expect(result.stdout == "")
        let located = result.stderr.split(separator: "\n").filter {
            $0.firstMatch(of: #/^content/[^ ]+\.md:\d+:\d+: error: /#) != nil
        }
        #expect(located.count == 5)
        try GoldenFile.assertMatches(result.stderr, goldenPath: Self.targetFolder + "/Golden/five-mistakes.txt")
    }

    @Test func printsOneJSONObjectPerProblem() throws {
        let site = try SiteCopy("five-mistakes")
        defer { site.remove() }

        let result = try Self.check(site, ["--format", "json"])

        #expect(result.status == 1)
        #expect(result.stderr == "", "machine-readable formats go to standard output, so they can be piped")
        let lines = result.stdout.split(separator: "\n")
        let objects = try lines.map { line in
            try #require(
                try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line)")
        }
        for object in objects {
            #expect(Set(object.keys) == ["file", "line", "column", "severity", "code", "message", "hint"])
            #expect((object["file"] as? String)?.hasPrefix("content/") == true)
            #expect(((object["line"] as? Int) ?? 0) >= 1)
            #expect(((object["column"] as? Int) ?? 0) >= 1)
            #expect(object["severity"] as? String == "error")
        }
        let codes = objects.compactMap { $0["code"] as? String }
        #expect(
            codes.sorted() == [
                "duplicate-id", "full-date-not-allowed", "invalid-value", "unknown-reference", "unknown-theme",
            ])
    }

    @Test func printsGitHubAnnotations() throws {
        let site = try SiteCopy("five-mistakes")
        defer { site.remove() }

        let result = try Self.check(site, ["--format", "github"])

        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 5)
        for line in lines {
            #expect(
                line.firstMatch(of: #/^::error file=content/[^,:]+\.md,line=\d+,col=\d+,title=[a-z-]+::\S/#) != nil,
                "\(line)")
        }
        #expect(lines.contains { $0.hasPrefix("::error file=content/incidents/inc-2026-002.md,line=4,col=7,") })
    }

    @Test func exitsWithStatus2WithoutSiteYAML() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-cli-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }

        let result = try LessonsBinary.run(["check", "--today", "2026-11-27", "--site", empty])

        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("site.yaml:1:1: error: no site.yaml in "))
    }
}

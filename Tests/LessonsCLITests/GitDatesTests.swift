import Foundation
import Testing

/// "First published" and "Last updated" from git: on pages, in the sitemap and in feeds; absent outside git and in a
/// shallow clone (with one note); the `date` field still orders lists and feeds.
@Suite struct GitDatesTests {
    static func git(_ arguments: [String], in directory: String, date: String = "2026-01-05T10:00:00Z") throws {
        let result = try LessonsBinary.run(
            executable: URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments, in: directory,
            environment: [
                "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.nhs.uk",
                "GIT_COMMITTER_NAME": "Editor",
                "GIT_COMMITTER_EMAIL": "editor@example.nhs.uk", "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
                "GIT_CONFIG_NOSYSTEM": "1",
            ])
        #expect(result.status == 0, "git \(arguments): \(result.stderr)")
    }

    static let lesson = "content/lessons/ll-2026-001-first-72-hours-after-discharge.md"

    /// The example site in a new repository: everything committed on 5 January 2026, one lesson changed on 10 March 2026.
    static func repository() throws -> ExampleSiteCopy {
        let site = try ExampleSiteCopy()
        try git(["init", "-q", "-b", "main"], in: site.root)
        try git(["add", "."], in: site.root)
        try git(["commit", "-q", "-m", "First"], in: site.root)
        try site.write(lesson, try site.read(lesson) + "\nOne more sentence.\n")
        try git(["commit", "-q", "-am", "Second"], in: site.root, date: "2026-03-10T10:00:00Z")
        return site
    }

    static func build(_ root: String) throws -> LessonsBinary.Result {
        let result = try LessonsBinary.run(["build", "--today", "2026-11-27", "--site", root])
        #expect(result.status == 0, "\(result.stderr)")
        return result
    }

    static func read(_ root: String, _ path: String) throws -> String {
        try String(contentsOfFile: root + "/site-output/" + path, encoding: .utf8)
    }

    /// The text of the definition after a `<dt>` label, tags removed.
    static func fact(_ label: String, in html: String) -> String? {
        guard let range = html.range(of: "<dt>\(label)</dt>") else { return nil }
        let rest = html[range.upperBound...]
        guard let end = rest.range(of: "</dd>") else { return nil }
        return rest[..<end.lowerBound].replacing(#/<[^>]+>/#, with: "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func feedIds(_ xml: String) -> [String] {
        xml.matches(of: #/<entry>\s*<id>([^<]+)</id>/#).map { String($0.output.1) }
    }

    @Test func pagesSitemapAndFeedsCarryGitDates() throws {
        let site = try Self.repository()
        defer { site.remove() }

        let result = try Self.build(site.root)

        #expect(!result.stdout.contains("shallow"))
        let changed = try Self.read(site.root, "lessons/ll-2026-001/index.html")
        #expect(Self.fact("First published", in: changed) == "5 January 2026")
        #expect(Self.fact("Last updated", in: changed) == "10 March 2026")
        let unchanged = try Self.read(site.root, "lessons/ll-2026-002/index.html")
        #expect(Self.fact("First published", in: unchanged) == "5 January 2026")
        #expect(Self.fact("Last updated", in: unchanged) == nil, "a page changed only once says so once")

        let sitemap = try Self.read(site.root, "sitemap.xml")
        #expect(sitemap.contains("/lessons/ll-2026-001/</loc><lastmod>2026-03-10</lastmod></url>"))
        #expect(sitemap.contains("/lessons/ll-2026-002/</loc><lastmod>2026-01-05</lastmod></url>"))
        let feed = try Self.read(site.root, "lessons/feed.xml")
        let entry = try #require(feed.range(of: "/lessons/ll-2026-001/</id>"))
        #expect(feed[entry.upperBound...].contains("<updated>2026-03-10T00:00:00Z</updated>"))
        #expect(feed[entry.upperBound...].prefix(400).contains("<updated>2026-03-10T00:00:00Z</updated>"))
    }

    @Test func theDateFieldStillOrdersFeedsAndOutsideGitThereAreNoGitDates() throws {
        let repository = try Self.repository()
        defer { repository.remove() }
        let plain = try ExampleSiteCopy()
        defer { plain.remove() }
        try plain.write(Self.lesson, try plain.read(Self.lesson) + "\nOne more sentence.\n")

        let result = try Self.build(plain.root)
        _ = try Self.build(repository.root)

        #expect(!result.stdout.contains("shallow"), "outside git there is nothing to say")
        let page = try Self.read(plain.root, "lessons/ll-2026-001/index.html")
        #expect(Self.fact("First published", in: page) == nil)
        #expect(!(try Self.read(plain.root, "sitemap.xml")).contains("<lastmod>"))
        let withGit = Self.feedIds(try Self.read(repository.root, "feed.xml"))
        let withoutGit = Self.feedIds(try Self.read(plain.root, "feed.xml"))
        #expect(!withGit.isEmpty)
        #expect(withGit == withoutGit, "git dates never change the order")
    }

    @Test func aShallowCloneHasNoGitDatesAndSaysSoOnce() throws {
        let repository = try Self.repository()
        defer { repository.remove() }
        let clone = repository.root + "-shallow"
        defer { try? FileManager.default.removeItem(atPath: clone) }
        try Self.git(
            ["clone", "-q", "--depth", "1", "file://" + repository.root, clone],
            in: FileManager.default.temporaryDirectory.path)

        let result = try Self.build(clone)

        #expect(result.stdout.components(separatedBy: "shallow git clone").count == 2, "one note: \(result.stdout)")
        let page = try Self.read(clone, "lessons/ll-2026-001/index.html")
        #expect(Self.fact("First published", in: page) == nil)
        #expect(Self.fact("Last updated", in: page) == nil)
        #expect(!(try Self.read(clone, "sitemap.xml")).contains("<lastmod>"))
    }
}

import Foundation
import Testing

/// `lessons new`: next free id, today's date at the type's precision, placeholders that `check` reports, no overwriting.
@Suite struct NewCommandTests {
    static let types = [
        "incident", "lesson", "session", "bulletin", "debrief", "practice", "external", "review", "culture", "page",
    ]

    static func new(_ site: ExampleSiteCopy, _ arguments: [String], today: String = "2026-11-30") throws
        -> LessonsBinary.Result
    {
        try LessonsBinary.run(["new"] + arguments + ["--today", today, "--site", site.root])
    }

    /// The path printed, made site-relative.
    static func writtenPath(_ result: LessonsBinary.Result, in site: ExampleSiteCopy) -> String {
        let printed = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return printed.hasPrefix(site.root + "/") ? String(printed.dropFirst(site.root.count + 1)) : printed
    }

    @Test(arguments: types) func newDocumentPassesCheckExceptForItsPlaceholders(type: String) throws {
        let site = try ExampleSiteCopy()
        defer { site.remove() }
        // Sessions are monthly and the example already has November 2026's, so ask for a month that is free.
        let today = type == "session" ? "2027-02-01" : "2026-11-30"
        let extra = type == "culture" ? ["--service", "ward-6"] : []

        let result = try Self.new(site, [type, "A new \(type): checking it works"] + extra, today: today)

        #expect(result.status == 0, "\(result.stderr)")
        let path = Self.writtenPath(result, in: site)
        #expect(path.hasPrefix("content/"))
        #expect(path.hasSuffix("-checking-it-works.md") || path.hasSuffix("checking-it-works.md"))
        let text = try site.read(path)
        #expect(text.contains("title: \"A new \(type): checking it works\""))
        #expect(text.contains("\n## "), "the type's body headings are written")

        let check = try LessonsBinary.run(["check", "--today", today, "--site", site.root, "--format", "json"])
        let problems = try check.stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        let mine = problems.filter { $0["file"] as? String == path }
        #expect(!mine.isEmpty, "every new file has placeholders to fill in")
        for problem in mine {
            #expect(problem["code"] as? String == "placeholder", "\(problem)")
            #expect((problem["message"] as? String)?.contains("still a placeholder") == true)
            let line = try #require(problem["line"] as? Int)
            let text = text.split(separator: "\n", omittingEmptySubsequences: false)[line - 1]
            #expect(text.contains("TODO"), "reported at the placeholder's own line: \(text)")
        }
        #expect(
            problems.count == mine.count,
            "the rest of the site is untouched: \(problems.filter { $0["file"] as? String != path })")
    }

    @Test func givesTheNextFreeIdInTheTypesPattern() throws {
        let site = try ExampleSiteCopy()
        defer { site.remove() }

        let first = try Self.new(site, ["incident", "Missed observation"])
        let second = try Self.new(site, ["incident", "Door left open"])
        let nextYear = try Self.new(site, ["incident", "First of the year"], today: "2027-01-04")
        let bulletin = try Self.new(site, ["bulletin", "Winter issue"])

        #expect(Self.writtenPath(first, in: site) == "content/incidents/inc-2026-008-missed-observation.md")
        #expect(Self.writtenPath(second, in: site) == "content/incidents/inc-2026-009-door-left-open.md")
        #expect(Self.writtenPath(nextYear, in: site) == "content/incidents/inc-2027-001-first-of-the-year.md")
        let bulletinText = try site.read(Self.writtenPath(bulletin, in: site))
        #expect(bulletinText.contains("id: LLB-004\n"))
        #expect(bulletinText.contains("issue: 4\n"))
    }

    @Test func writesMonthPrecisionDatesWhereTheModelSays() throws {
        let site = try ExampleSiteCopy()
        defer { site.remove() }

        let incident = try site.read(Self.writtenPath(try Self.new(site, ["incident", "A"]), in: site))
        let debrief = try site.read(Self.writtenPath(try Self.new(site, ["debrief", "B"]), in: site))
        let lesson = try site.read(Self.writtenPath(try Self.new(site, ["lesson", "C"]), in: site))

        #expect(incident.contains("\ndate: 2026-11\n"))
        #expect(debrief.contains("\ndate: 2026-11\n"))
        #expect(lesson.contains("\ndate: 2026-11-30\n"))
    }

    @Test func refusesToOverwriteAnExistingFile() throws {
        let site = try ExampleSiteCopy()
        defer { site.remove() }
        let path = "content/incidents/inc-2026-008-missed-observation.md"
        // Not a document (its name starts with no id the counter sees), but in the way of the file `new` would write.
        try site.write(path, "---\nid: SOMETHING-ELSE\n---\nkeep me\n")

        let result = try Self.new(site, ["incident", "Missed observation"])

        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("already exists; nothing was written"))
        #expect(try site.read(path) == "---\nid: SOMETHING-ELSE\n---\nkeep me\n")
    }

    @Test func rejectsAnUnknownTypeWithSuggestion() throws {
        let site = try ExampleSiteCopy()
        defer { site.remove() }

        let result = try Self.new(site, ["incidnet", "Missed observation"])

        #expect(result.status == 2)
        #expect(result.stderr.contains("did you mean 'incident'"))
    }
}

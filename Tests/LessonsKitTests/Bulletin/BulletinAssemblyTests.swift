import Foundation
import Testing

@testable import LessonsKit

/// Assembly defaults on an inline site whose dates sit on both sides of every boundary.
@Suite struct BulletinAssemblyTests {
    static func lesson(_ id: String, date: String, extra: String = "") -> String {
        """
        ---
        id: \(id)
        title: Lesson \(id)
        date: \(date)
        summary: Summary of \(id).
        key_messages: [Do the thing.]
        privacy: { reviewed_by: Patient Safety Team, reviewed_on: 2026-01-01 }
        \(extra)
        ---
        Body of \(id).
        """
    }

    static func incident(_ id: String, month: String, themes: String = "[falls]", actions: String = "") -> String {
        """
        ---
        id: \(id)
        title: Incident \(id)
        date: \(month)
        source: patient-safety-incident
        harm: low
        response: after-action-review
        status: closed
        themes: \(themes)
        privacy: { reviewed_by: Patient Safety Team, reviewed_on: 2026-01-01 }
        \(actions)
        ---
        What happened.
        """
    }

    static func session(_ id: String, date: String, extra: String = "") -> String {
        """
        ---
        id: \(id)
        title: Session \(id)
        date: \(date)
        format: online
        \(extra)
        ---
        Notes.
        """
    }

    static func bulletin(_ front: String = "") -> String {
        """
        ---
        id: LLB-001
        title: Issue one
        date: 2026-07-10
        issue: 1
        covers: { from: 2026-05, to: 2026-06 }
        \(front)
        ---
        Welcome to the first issue.
        """
    }

    static let actions = """
        actions:
          - { id: A1, action: Before the period, owner: Ward Manager, due: 2026-04-01, status: completed, completed: 2026-04-30 }
          - { id: A2, action: First day of the period, owner: Ward Manager, due: 2026-05-01, status: completed, completed: 2026-05-01 }
          - { id: A3, action: Last day of the period, owner: Ward Manager, due: 2026-06-30, status: completed, completed: 2026-06-30 }
          - { id: A4, action: After the period, owner: Ward Manager, due: 2026-07-01, status: completed, completed: 2026-07-01 }
          - { id: A5, action: Still open, owner: Ward Manager, due: 2026-05-15, status: open }
        """

    static func site(bulletinFront: String = "") throws -> MiniSite {
        try MiniSite(files: [
            "content/bulletins/llb-001.md": bulletin(bulletinFront),
            "content/lessons/a.md": lesson("LL-A", date: "2026-05-03", extra: "sources: [INC-1]"),
            "content/lessons/b.md": lesson("LL-B", date: "2026-06-20", extra: "sources: [INC-1]"),
            "content/lessons/c.md": lesson("LL-C", date: "2026-04-30", extra: "sources: [INC-1]"),
            "content/lessons/d.md": lesson("LL-D", date: "2026-07-01", extra: "sources: [INC-1]"),
            "content/lessons/e.md": lesson("LL-E", date: "2026-06-25", extra: "sources: [INC-1]\ndraft: true"),
            "content/lessons/f.md": lesson("LL-F", date: "2026-06-10", extra: "sources: [INC-1]\naudience: governance"),
            "content/incidents/inc-1.md": incident("INC-1", month: "2026-05", actions: actions),
            "content/incidents/inc-2.md": incident("INC-2", month: "2026-04"),
            "content/incidents/inc-3.md": incident("INC-3", month: "2026-06"),
            "content/incidents/inc-4.md": incident("INC-4", month: "2026-07"),
            "content/sessions/s1.md": session(
                "LLS-1", date: "2026-05-15",
                extra: "attendance: 40\nfeedback: { quotes: [First quote., Second quote.] }"),
            "content/sessions/s2.md": session("LLS-2", date: "2026-07-01"),
            "content/sessions/s3.md": session("LLS-3", date: "2026-09-01"),
            "content/sessions/s4.md": session("LLS-4", date: "2026-07-20"),
        ])
    }

    /// Loads the site and assembles LLB-001 as the named edition sees it.
    static func assemble(_ site: MiniSite, edition name: String = "staff") async throws -> BulletinIssue {
        let reader = SiteReader(siteDirectory: site.root)
        let (loaded, data, _) = LoadedSite.loadConfiguration(reader: reader)
        let config = try #require(loaded)
        let (corpus, _, _) = await LoadedSite.loadDocuments(reader: reader, config: config, data: data, jobs: 1)
        let edition = try #require(config.edition(named: name))
        let content = EditionContent(corpus: corpus, edition: edition, includeDrafts: false)
        let bulletin = try #require(content.document("LLB-001"))
        let themes = ThemeAnalysis(content: content, data: data, today: PartialDate(year: 2026, month: 11, day: 27))
        return try #require(
            BulletinAssembly.assemble(bulletin, content: content, data: data, config: config, themes: themes))
    }

    @Test func leadDefaultsToTheNewestLessonOfTheEditionInThePeriodAndTheOthersFollowNewestFirst() async throws {
        let site = try Self.site()
        defer { site.remove() }
        let staff = try await Self.assemble(site)
        #expect(staff.lead?.id == "LL-B")
        #expect(staff.lessons.map(\.id) == ["LL-A"])
        let governance = try await Self.assemble(site, edition: "governance")
        #expect(governance.lead?.id == "LL-B")
        #expect(governance.lessons.map(\.id) == ["LL-F", "LL-A"])
    }

    @Test func aNamedLeadIsLeftOutOfTheDefaultLessons() async throws {
        let site = try Self.site(bulletinFront: "lead: LL-A")
        defer { site.remove() }
        let issue = try await Self.assemble(site)
        #expect(issue.lead?.id == "LL-A")
        #expect(issue.lessons.map(\.id) == ["LL-B"])
    }

    @Test func namedLessonsKeepTheirOrder() async throws {
        let site = try Self.site(bulletinFront: "lead: LL-B\nlessons: [LL-C, LL-A]")
        defer { site.remove() }
        let issue = try await Self.assemble(site)
        #expect(issue.lessons.map(\.id) == ["LL-C", "LL-A"])
    }

    @Test func youSaidWeDidHoldsActionsCompletedInTheCoveredMonthsOnlyNewestFirst() async throws {
        let site = try Self.site()
        defer { site.remove() }
        let issue = try await Self.assemble(site)
        #expect(issue.completedActions.map(\.action.id) == ["A3", "A2"])
    }

    @Test func sessionsAreThoseHeldInThePeriodAndTheNextIsTheFirstAfterTheBulletinDateNotTheBuildDate() async throws {
        let site = try Self.site()
        defer { site.remove() }
        let issue = try await Self.assemble(site)
        #expect(issue.sessions.map(\.document.id) == ["LLS-1"])
        #expect(issue.sessions.first?.attendance == 40)
        #expect(issue.sessions.first?.quote == "First quote.")
        #expect(issue.nextSession?.id == "LLS-4")
    }

    @Test func spotlightCountsWholeQuartersToThePeriodEndAndSuppressesSmallCountsOutsideGovernance() async throws {
        let site = try Self.site(bulletinFront: "spotlight: falls")
        defer { site.remove() }
        let staff = try #require(try await Self.assemble(site).spotlight)
        #expect(staff.quarters.map(\.label).last == "2026 Q2")
        #expect(staff.quarters.count == BulletinSpotlight.quarterCount)
        #expect(staff.quarters.last?.count.text == "fewer than 5")
        #expect(staff.total.isSuppressed)
        #expect(!staff.sentence.contains("3"))
        let governance = try #require(try await Self.assemble(site, edition: "governance").spotlight)
        // INC-1, INC-2 and INC-3 fall in 2026 Q2; INC-4 (July) is after the period.
        #expect(governance.quarters.last?.count.text == "3")
        #expect(governance.sentence.contains("3 incidents"))
    }

    @Test func theSpotlightEndsWithTheLastQuarterThatIsCompleteWithinThePeriod() {
        #expect(
            BulletinSpotlight.lastCompleteQuarterEnd(PartialDate(year: 2026, month: 10))
                == PartialDate(year: 2026, month: 9))
        #expect(
            BulletinSpotlight.lastCompleteQuarterEnd(PartialDate(year: 2026, month: 6))
                == PartialDate(year: 2026, month: 6))
        #expect(
            BulletinSpotlight.lastCompleteQuarterEnd(PartialDate(year: 2026, month: 2))
                == PartialDate(year: 2025, month: 12))
    }
}

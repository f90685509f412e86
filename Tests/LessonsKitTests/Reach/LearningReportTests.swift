import Foundation
import Testing

@testable import LessonsKit

/// Issue 13, part 3: learning reports for the periods named in site.yaml, with the edition's small-number rule.
@Suite struct LearningReportTests {
    static let siteYAML = MiniSite.siteYAML + "\nreports:\n  - { from: 2026-01, to: 2026-06 }\n"

    static let session = """
        ---
        id: LLS-2026-03
        title: March session
        date: 2026-03-18
        format: online
        agencies: [police]
        attendance: { total: 40, by_agency: { police: 6 }, teams: [ward-1, ward-2] }
        feedback: { responses: 20, rating: 4.5, quotes: ["Useful and kind."] }
        ---
        Notes.
        """

    static let debrief = """
        ---
        id: DB-2026-001
        title: Hot debrief after a fall
        date: 2026-02
        kind: hot
        privacy: { reviewed_by: Patient Safety Team, reviewed_on: 2026-03-01 }
        ---
        What we learned.
        """

    func site() throws -> MiniSite {
        try MiniSite(
            files: [
                "content/lessons/ll.md": MiniSite.lesson, "content/incidents/inc.md": MiniSite.incident,
                "content/sessions/s.md": Self.session, "content/debriefs/d.md": Self.debrief,
            ], site: Self.siteYAML)
    }

    @Test func reportCountsThePeriodWithStaffAndPartnersApart() async throws {
        let site = try site()
        defer { site.remove() }
        var options = site.options()
        options.allEditions = true
        let report = await BuildPipeline.build(options)
        #expect(report.status == .success, "\(report.diagnostics)")
        let page = try #require(site.read("site-output/reports/2026-01-to-2026-06/index.html"))
        #expect(page.contains("Learning report: January to June 2026"))
        #expect(
            page.contains("<span class=\"stat__number\">1</span> <span class=\"stat__label\">lesson published</span>"))
        #expect(page.contains("attendances (34 Trust staff, 6 partner agencies)"))
        #expect(
            page.contains(
                "<span class=\"stat__number\">2</span> <span class=\"stat__label\">distinct Trust teams reached</span>")
        )
        #expect(page.contains("Useful and kind."))
        for heading in [
            "Lessons published", "Sessions and attendances", "Feedback", "Debriefs held", "Duty of candour",
            "Safety actions due in the period", "Safety culture: levels that moved", "Themes rising and falling",
        ] {
            #expect(page.contains(">\(heading)</h2>"), "\(heading)")
        }
        // One debrief and one incident: small numbers, hidden outside governance, shown in governance.
        let debriefs = try #require(
            page.components(separatedBy: "id=\"report-debriefs-heading\"").dropFirst().first?
                .components(separatedBy: "</section>").first)
        #expect(
            debriefs.contains("fewer than 5") && !debriefs.contains("<td class=\"num\">1</td>"),
            "no true small debrief count")
        #expect(
            page.contains(
                "<span class=\"stat__number\">fewer than 5</span> <span class=\"stat__label\">debriefs held</span>"))
        let governance = try #require(site.read("site-output-governance/reports/2026-01-to-2026-06/index.html"))
        #expect(!governance.contains("fewer than 5"))
        #expect(
            governance.contains(
                "<span class=\"stat__number\">1</span> <span class=\"stat__label\">debriefs held</span>"))
        let index = try #require(site.read("site-output/reports/index.html"))
        #expect(index.contains("href=\"../reports/2026-01-to-2026-06/\""))
    }

    @Test func reportFiguresComeFromTheEditionAndThePeriod() async throws {
        let loaded = try await AnalysisFixture.load()
        let period = MonthPeriod(from: PartialDate(year: 2026, month: 1), to: PartialDate(year: 2026, month: 6))
        let report = LearningReport(
            period: period, content: loaded.content, data: loaded.data, frameworks: loaded.config.frameworks,
            today: AnalysisFixture.today)
        #expect(
            report.previousPeriod
                == MonthPeriod(from: PartialDate(year: 2025, month: 7), to: PartialDate(year: 2025, month: 12)))
        #expect(report.lessons.allSatisfy { $0.date.map(period.contains) == true })
        let falls = try #require(report.themes.first { $0.theme.slug == "falls" })
        let incidents = loaded.content.documents(of: .incident).filter {
            $0.themes.contains("falls") && $0.date.map(period.contains) == true
        }
        #expect(falls.now == incidents.count)
    }

    @Test func aBackwardsPeriodIsAConfigurationError() async throws {
        let site = try MiniSite(
            files: [:], site: MiniSite.siteYAML + "\nreports:\n  - { from: 2026-06, to: 2026-01 }\n")
        defer { site.remove() }
        let report = await site.check()
        #expect(
            report.diagnostics.contains { $0.message.contains("is after its 'to'") && $0.location.file == "site.yaml" })
    }
}

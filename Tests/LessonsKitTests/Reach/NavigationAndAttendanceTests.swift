import Foundation
import Testing

@testable import LessonsKit

/// Issue 13, part 5: Themes, Actions and Leads in the main navigation of every page; attendance labelled as
/// attendances, with Trust staff and partner agencies apart.
@Suite struct NavigationAndAttendanceTests {
    static let session = """
        ---
        id: LLS-2026-07
        title: Multi-agency session
        date: 2026-07-15
        format: hybrid
        agencies: [police, fire-service]
        attendance:
          total: 100
          by_profession:
            Nursing: 70
          by_agency:
            police: 18
            fire-service: 12
          teams: [ward-1, ward-2]
        ---
        Notes.
        """

    func site(session: String = Self.session) throws -> MiniSite {
        try MiniSite(files: [
            "content/lessons/ll.md": MiniSite.lesson, "content/incidents/inc.md": MiniSite.incident,
            "content/sessions/s.md": session,
        ])
    }

    /// The main navigation's links (text → href) of a page.
    func navigation(_ html: String) -> [String] {
        guard let start = html.range(of: "<nav class=\"site-nav\""),
            let end = html.range(of: "</nav>", range: start.upperBound..<html.endIndex)
        else { return [] }
        let nav = html[start.upperBound..<end.lowerBound]
        return nav.components(separatedBy: "\">").dropFirst().compactMap { $0.components(separatedBy: "</a>").first }
    }

    @Test func everyPageLinksThemesActionsAndLeads() async throws {
        let site = try site()
        defer { site.remove() }
        let report = await BuildPipeline.build(site.options())
        #expect(report.status == .success, "\(report.diagnostics)")
        let root = site.root + "/site-output/"
        let pages = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).filter {
            $0.hasSuffix("index.html") && !$0.hasPrefix("bulletins/")
        }
        #expect(pages.count > 10)
        for page in pages {
            let html = try #require(site.read("site-output/" + page))
            let links = navigation(html)
            for title in ["Themes", "Actions", "Leads"] {
                #expect(links.contains(title), "\(page) lacks \(title): \(links)")
            }
        }
        let actions = try #require(site.read("site-output/actions/index.html"))
        #expect(actions.contains("<a href=\"../actions/\" aria-current=\"page\">Actions</a>"))
        let theme = try #require(site.read("site-output/themes/falls/index.html"))
        #expect(theme.contains("<a href=\"../../themes/\" aria-current=\"page\">Themes</a>"))
    }

    @Test func sessionPageCountsAttendancesWithStaffAndPartnersApart() async throws {
        let site = try site()
        defer { site.remove() }
        _ = await BuildPipeline.build(site.options())
        let page = try #require(site.read("site-output/sessions/lls-2026-07/index.html"))
        #expect(page.contains("100 attendances: 70 Trust staff, 30 from partner agencies"))
        #expect(page.contains("Police: 18") && page.contains("Fire service: 12"))
        #expect(page.contains("Ward 1") && page.contains("Ward 2"))
        #expect(!page.contains("100 staff"), "partners are not staff")
        let dashboard = try #require(site.read("site-output/sessions/index.html"))
        #expect(dashboard.contains("Trust staff attendances") && dashboard.contains("partner-agency attendances"))
        #expect(!dashboard.contains("Staff reached"), "a sum of attendances is not a count of staff")
    }

    @Test func withoutASplitTheSessionSaysSo() async throws {
        let session = Self.session.replacingOccurrences(
            of: "  by_agency:\n    police: 18\n    fire-service: 12\n", with: "")
        let site = try site(session: session)
        defer { site.remove() }
        _ = await BuildPipeline.build(site.options())
        let page = try #require(site.read("site-output/sessions/lls-2026-07/index.html"))
        #expect(
            page.contains("100 attendances, Trust staff and partner agencies together (the split was not recorded)"))
    }

    @Test func partnerAttendancesAreCheckedAgainstTheAgenciesAndTheTotal() async throws {
        let session = Self.session.replacingOccurrences(of: "police: 18", with: "polise: 180")
        let site = try site(session: session)
        defer { site.remove() }
        let report = await site.check()
        let messages = report.diagnostics.map(\.message)
        #expect(
            messages.contains {
                $0.contains("'polise' is not an allowed value for 'by_agency'") && $0.contains("did you mean 'police'")
            }, "\(messages)")
        let over = Self.session.replacingOccurrences(of: "police: 18", with: "police: 180")
        let overSite = try self.site(session: over)
        defer { overSite.remove() }
        let overReport = await overSite.check()
        #expect(
            overReport.diagnostics.contains { $0.message.contains("more than the total") && $0.location.line == 11 })
    }
}

import Foundation
import Testing

@testable import LessonsKit

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct DashboardPageTests {
    @Test func suppressesCountsFromOneToFourButNotZeroOrFive() {
        let policy = SmallNumberPolicy(threshold: 5)
        for value in 1...4 {
            #expect(policy.display(value).isSuppressed && policy.display(value).text == "fewer than 5", "\(value)")
        }
        #expect(policy.display(0).text == "0" && !policy.display(0).isSuppressed)
        #expect(policy.display(5).text == "5" && !policy.display(5).isSuppressed)
        #expect(SmallNumberPolicy(threshold: nil).display(2).text == "2", "governance editions see true counts")
    }

    @Test func writesEveryDashboardPage() async throws {
        let built = try await AnalysisFixture.build()
        defer { built.cleanup() }
        #expect(built.report.status == .success, "\(built.report.diagnostics)")
        for page in [
            "themes/index.html", "themes/falls/index.html", "themes/physical-health/index.html",
            "services/ward-1/index.html",
            "services/inpatient/index.html", "services/cmht/index.html", "actions/index.html", "sessions/index.html",
            "culture/index.html", "leads/index.html",
        ] {
            #expect(built.read(page) != nil, "\(page)")
        }
    }

    @Test func themePageHidesSmallIncidentCountsOutsideGovernance() async throws {
        let staff = try await AnalysisFixture.build()
        defer { staff.cleanup() }
        let ligature = try #require(staff.read("themes/ligature/index.html"))
        #expect(ligature.contains("fewer than 5"))
        #expect(
            !ligature.contains("<span class=\"count-list__number\">2</span>"), "2 ligature incidents must not be shown")
        let falls = try #require(staff.read("themes/falls/index.html"))
        #expect(falls.contains("<span class=\"count-list__number\">7</span> Incidents"), "7 is not a small number")
        #expect(falls.contains("fewer than 5"), "3, 2 and 2 per quarter are suppressed")
        #expect(!falls.contains(">3</td>"), "no quarter shows its true small count")
        let governance = try await AnalysisFixture.build(edition: "governance")
        defer { governance.cleanup() }
        let fullLigature = try #require(governance.read("themes/ligature/index.html"))
        #expect(fullLigature.contains("<span class=\"count-list__number\">2</span> Incidents"))
        #expect(!fullLigature.contains("fewer than 5"))
        let fullFalls = try #require(governance.read("themes/falls/index.html"))
        #expect(fullFalls.contains("<td class=\"num\">3</td>"), "governance sees 3 falls in 2026 Q1")
    }

    @Test func chartsParseAsXMLAndCarryTheirNumbers() async throws {
        let bars = [
            BarChart.Bar(label: "Q1 2026", count: DisplayCount(value: 7, isSuppressed: false, text: "7")),
            BarChart.Bar(label: "Q2 2026", count: SmallNumberPolicy(threshold: 5).display(2)),
        ]
        let svgs = [
            BarChart(id: "a", title: "Incidents", bars: bars).svg(),
            Sparkline(id: "b", title: "Incidents", points: bars).svg(),
            HorizontalBarChart(id: "c", title: "Incidents", bars: bars).svg(),
            LineChart(
                id: "d", title: "Rating",
                points: [.init(label: "Sep 2026", value: 4, text: "4"), .init(label: "Oct 2026", value: 7, text: "7")]
            ).svg(),
        ]
        for svg in svgs {
            let texts = try SVGReader.texts(svg)
            #expect(texts.contains { $0.contains("7") }, "the value 7 is in the SVG: \(svg.prefix(80))")
            #expect(
                texts.first?.hasPrefix("Incidents: Q1 2026 7; Q2 2026 fewer than 5") == true
                    || texts.first?.hasPrefix("Rating:") == true,
                "the <title> states every value")
            #expect(!svg.contains(">2<"), "the suppressed value never appears")
        }
    }

    @Test func everySVGOnTheDashboardPagesIsWellFormed() async throws {
        let built = try await AnalysisFixture.build()
        defer { built.cleanup() }
        for page in [
            "index.html", "themes/index.html", "themes/falls/index.html", "services/ward-1/index.html",
            "actions/index.html",
            "sessions/index.html", "incidents/index.html",
        ] {
            let html = try #require(built.read(page), "\(page)")
            let svgs = SVGReader.svgs(in: html)
            #expect(!svgs.isEmpty, "\(page) has charts")
            for svg in svgs {
                let texts = try SVGReader.texts(svg)
                #expect(!(texts.first ?? "").isEmpty, "\(page): every chart has a title")
            }
        }
        let sessions = try #require(built.read("sessions/index.html"))
        #expect(sessions.contains("Running total") && sessions.contains("<td class=\"num\">50</td>"))
    }

    @Test func actionsDashboardShowsOverdueDueSoonAndYouSaidWeDid() async throws {
        let built = try await AnalysisFixture.build()
        defer { built.cleanup() }
        let page = try #require(built.read("actions/index.html"))
        let overdue = try #require(page.range(of: "id=\"overdue-heading\""))
        let dueSoon = try #require(page.range(of: "id=\"due-soon-heading\""))
        let overdueSection = String(page[overdue.upperBound..<dueSoon.lowerBound])
        #expect(overdueSection.contains("Due yesterday") && !overdueSection.contains("Due today"))
        #expect(page.contains("Audit shows 9 in 10 admissions checked"), "evidence under You said, we did")
        #expect(page.contains("Low beds already in use"), "reason for not doing")
        #expect(page.contains("../lessons/ll-2026-001/#actions-heading"), "each action links to its document")
    }

    @Test func culturePageMarksLevelChangesWithWordsNotColourAlone() async throws {
        let built = try await AnalysisFixture.build()
        defer { built.cleanup() }
        let page = try #require(built.read("culture/index.html"))
        #expect(page.contains("up from C"))
        #expect(page.contains("down from C"))
        #expect(page.contains("Proactive") && page.contains("Reactive"))
    }

    @Test func lessonPageListsRelatedLessonsAndHomeShowsThisTimeLastYear() async throws {
        let built = try await AnalysisFixture.build()
        defer { built.cleanup() }
        let lesson = try #require(built.read("lessons/ll-2026-001/index.html"))
        let related = try #require(lesson.range(of: "Related lessons"))
        let after = String(lesson[related.upperBound...])
        let order = ["ll-2026-002", "ll-2025-001", "ll-2025-002"].compactMap { after.range(of: $0)?.lowerBound }
        #expect(order.count == 3 && order == order.sorted())
        let home = try #require(built.read("index.html"))
        #expect(home.contains("This time last year") && home.contains("Lesson LL-2025-002"))
        let leads = try #require(built.read("leads/index.html"))
        #expect(leads.contains("Services without a Lead") && leads.contains("Community team"))
    }
}

/// Reads SVG with Foundation's XMLParser: the text of every <title> and <text>, in document order.
enum SVGReader {
    final class Collector: NSObject, XMLParserDelegate {
        var texts: [String] = []
        private var current: String?
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if name == "title" || name == "text" { current = "" }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if let text = current, name == "title" || name == "text" {
                texts.append(text)
                current = nil
            }
        }
    }

    struct Malformed: Error, CustomStringConvertible { let description: String }

    static func texts(_ svg: String) throws -> [String] {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = Collector()
        parser.delegate = collector
        guard parser.parse() else {
            throw Malformed(
                description: "\(parser.parserError.map(String.init(describing:)) ?? "?"): \(svg.prefix(200))")
        }
        return collector.texts
    }

    static func svgs(in html: String) -> [String] {
        var result: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg"), let end = rest[start.lowerBound...].range(of: "</svg>") {
            result.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return result
    }
}

import Foundation
import Testing

@testable import LessonsKit

@Suite struct ThemeAnalysisTests {
    @Test func countsFallsIncidentsPerQuarterOverTheLastThreeYears() async throws {
        let site = try await AnalysisFixture.load()
        let analysis = site.analysis
        #expect(analysis.axis.labels.count == 12)
        #expect(analysis.axis.labels.first == "2024 Q1")
        #expect(analysis.axis.labels.last == "2026 Q4", "the axis ends with the build date's quarter")
        let falls = try #require(analysis.themes["falls"])
        let byQuarter = Dictionary(uniqueKeysWithValues: zip(analysis.axis.labels, falls.incidentsPerQuarter))
        #expect(byQuarter["2026 Q1"] == 3)
        #expect(byQuarter["2026 Q2"] == 2)
        #expect(byQuarter["2026 Q3"] == 2)
        #expect(falls.incidentsPerQuarter.reduce(0, +) == 7)
        #expect(falls.countsByType[.incident] == 7)
        #expect(falls.countsByType[.lesson] == 3)
        let ligature = try #require(analysis.themes["ligature"])
        #expect(ligature.incidentCount == 2)
        #expect(
            zip(analysis.axis.labels, ligature.incidentsPerQuarter).filter { $0.1 > 0 }.map(\.0) == [
                "2025 Q4", "2026 Q3",
            ])
    }

    @Test func parentThemeIncludesItsChildrensDocuments() async throws {
        let analysis = try await AnalysisFixture.load().analysis
        let parent = try #require(analysis.themes["physical-health"])
        #expect(parent.incidentCount == 7)
        #expect(parent.incidentsPerQuarter == analysis.themes["falls"]?.incidentsPerQuarter)
        #expect(analysis.themes["suicide-prevention"]?.incidentCount == 2)
    }

    @Test func themesAndUnitsListDocumentsNewestFirstAndOpenActionsSoonestDueFirst() async throws {
        let analysis = try await AnalysisFixture.load().analysis
        let falls = try #require(analysis.themes["physical-health"])
        let ward = try #require(analysis.units["ward-1"])
        for documents in [falls.documents, ward.documents] {
            #expect(documents.map(\.path) != documents.map(\.path).sorted(), "the fixture's file order is not by date")
            #expect(documents.map(\.id) == documents.sorted(by: Document.newestFirst).map(\.id))
        }
        #expect(falls.openActions.map(\.action.id) == ["A2", "A1", "A3"])
        #expect(ward.openActions.map(\.action.id) == ["A2", "A1", "A3"])
    }

    @Test func anyRunOfQuartersReadsTheOneCountOfTheThemesIncidents() async throws {
        let summary = try #require(try await AnalysisFixture.load().analysis.themes["physical-health"])
        let axis = QuarterAxis(through: AnalysisFixture.today, count: 4)
        #expect(axis.labels == ["2026 Q1", "2026 Q2", "2026 Q3", "2026 Q4"])
        #expect(summary.incidents(on: axis) == [3, 2, 2, 0])
        #expect(summary.incidents(on: QuarterAxis(through: PartialDate(year: 2026, month: 6), count: 2)) == [3, 2])
    }

    @Test func countsThemesOnTheSameIncidentsLeavingOutTheThemesOwnFamily() async throws {
        let analysis = try await AnalysisFixture.load().analysis
        let falls = try #require(analysis.themes["falls"])
        #expect(falls.coOccurring["medication"] == 3)
        #expect(falls.coOccurring["physical-health"] == 0, "a parent is not a co-occurring theme of its child")
        let medication = try #require(analysis.themes["medication"])
        #expect(medication.coOccurring["falls"] == 3)
        #expect(medication.coOccurring["physical-health"] == 3)
        #expect(medication.coOccurring.ranked.first?.count == 3)
    }

    @Test func mixesHarmResponseAndServicesOfTheThemesIncidents() async throws {
        let falls = try #require(try await AnalysisFixture.load().analysis.themes["falls"])
        #expect(falls.harmMix["low"] == 4 && falls.harmMix["none"] == 2 && falls.harmMix["moderate"] == 1)
        #expect(
            falls.responseMix["after-action-review"] == 4 && falls.responseMix["swarm-huddle"] == 2
                && falls.responseMix["psii"] == 1)
        #expect(falls.services.ranked.map(\.key) == ["ward-1", "ward-2"])
        #expect(falls.services["ward-1"] == 5)
    }

    @Test func sortsThemesByRecentActivity() async throws {
        let ranked = try await AnalysisFixture.load().analysis.themes.byRecentActivity.map(\.theme.slug)
        #expect(
            ranked.prefix(2).sorted() == ["falls", "physical-health"],
            "falls has the most incidents in the last four quarters")
        #expect(
            (ranked.firstIndex(of: "medication") ?? 99) < (ranked.firstIndex(of: "ligature") ?? 0),
            "3 medication incidents this year against 1 on ligature")
    }

    @Test func ranksRelatedLessonsBySharedSourcesThemesAndDate() async throws {
        let analysis = try await AnalysisFixture.load().analysis
        let lesson = try #require(try await AnalysisFixture.load().content.document("LL-2026-001"))
        // LL-2026-002: one theme + the same source + a month apart; LL-2025-001: two themes, over a year apart;
        // LL-2025-002: one theme, four months apart; LL-2026-003 shares nothing.
        #expect(analysis.relatedLessons.related(to: lesson) == ["ll-2026-002", "ll-2025-001", "ll-2025-002"])
    }

    @Test func findsLessonsPublishedThisTimeLastYear() async throws {
        let analysis = try await AnalysisFixture.load().analysis
        #expect(analysis.thisTimeLastYear.map(\.id) == ["LL-2025-002"])
    }

    @Test func countsLearningResponsesByQuarter() async throws {
        let analysis = try await AnalysisFixture.load().analysis
        let mix = analysis.responseMix
        #expect(mix.responses == ["psii", "after-action-review", "swarm-huddle"])
        let q1 = try #require(analysis.axis.labels.firstIndex(of: "2026 Q1"))
        #expect(mix.counts[q1] == [0, 2, 1])
        #expect(mix.totals["after-action-review"] == 5)
    }
}

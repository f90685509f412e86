import Foundation
import Testing

@testable import LessonsKit

@Suite struct DashboardAnalysisTests {
    @Test func actionDueTodayIsNotOverdueButDueYesterdayIs() async throws {
        let dashboard = try await AnalysisFixture.load().analysis.actions
        #expect(dashboard.overdue.map(\.action.id) == ["A2"])
        #expect(dashboard.open.map(\.action.id) == ["A2", "A1", "A3"], "open actions soonest due first")
        let today = AnalysisFixture.today
        let action = try #require(dashboard.open.first { $0.action.id == "A1" }).action
        #expect(!action.isOverdue(on: today))
        #expect(action.isOverdue(on: PartialDate(year: 2026, month: 11, day: 28)))
    }

    @Test func listsActionsDueSoonCompletedRecentlyAndNotDoing() async throws {
        let dashboard = try await AnalysisFixture.load().analysis.actions
        #expect(dashboard.dueSoon.map(\.action.id) == ["A1", "A3"], "due from today to 30 days ahead")
        #expect(dashboard.recentlyCompleted.map(\.action.id) == ["A4"], "A6 was completed a year ago")
        #expect(dashboard.notDoing.map(\.action.id) == ["A5"])
        #expect(
            dashboard.strengthMix["stronger"] == 2 && dashboard.strengthMix["weaker"] == 1
                && dashboard.strengthMix["not-stated"] == 3)
        #expect(dashboard.byService.first?.service == "ward-1" && dashboard.byService.first?.overdue == 1)
        #expect(dashboard.byOwner.first?.owner == "Ward Manager, Ward 1")
    }

    @Test func publicCompletedFunctionSelectsActionsCompletedInThePeriod() async throws {
        let content = try await AnalysisFixture.load().content
        let period = MonthPeriod(from: PartialDate(year: 2026, month: 9), to: PartialDate(year: 2026, month: 10))
        let done = ActionsAnalysis.completed(in: period, content: content)
        #expect(done.map { "\($0.document.id)/\($0.action.id)" } == ["LL-2026-001/A4"])
        let wider = MonthPeriod(from: PartialDate(year: 2025, month: 12), to: PartialDate(year: 2026, month: 10))
        #expect(
            ActionsAnalysis.completed(in: wider, content: content).map(\.action.id) == ["A4", "A6"],
            "most recently completed first")
    }

    @Test func putsTheNextSessionFirstAndKeepsARunningTotal() async throws {
        let sessions = try await AnalysisFixture.load().analysis.sessions
        #expect(sessions.upcoming.map(\.id) == ["LLS-2026-12"])
        #expect(sessions.held.map(\.document.id) == ["LLS-2026-09", "LLS-2026-10"])
        #expect(sessions.held.map(\.runningTotal) == [20, 50])
        #expect(sessions.meanRating == 4.5)
        #expect(sessions.agencies["police"] == 2 && sessions.agencies["fire-service"] == 1)
        #expect(sessions.discussedThemes["falls"] == 2 && sessions.discussedThemes["medication"] == 2)
    }

    @Test func showsEachTeamsLatestLevelsAndTheChangeSinceThePreviousAssessment() async throws {
        let grid = try await AnalysisFixture.load().analysis.culture
        let row = try #require(grid.rows.first)
        #expect(grid.rows.count == 1, "one row per team")
        #expect(row.latest.id == "CUL-WARD-1-2026-06")
        #expect(row.previous?.id == "CUL-WARD-1-2025-06")
        #expect(row.changes["teamworking"] == .up(from: "C"))
        #expect(row.changes["priority-to-safety"] == .down(from: "C"))
        #expect(row.changes["commitment-to-quality"] == .same)
    }

    @Test func reportsServicesWithoutALead() async throws {
        let leads = try await AnalysisFixture.load().analysis.leads
        #expect(leads.uncovered.map(\.slug) == ["cmht"])
        #expect(leads.directorates.first?.covered == 2)
    }

    @Test func rollsServicesUpIntoTheirDirectorate() async throws {
        let units = try await AnalysisFixture.load().analysis.units
        #expect(units["ward-2"]?.incidentCount == 4)
        #expect(units["inpatient"]?.incidentCount == 9)
        #expect(units["community"]?.documents.isEmpty == true)
    }
}

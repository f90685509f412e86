import Testing

@testable import LessonsKit

@Suite struct PartialDateTests {
    @Test func parsesDayAndMonthPrecision() {
        #expect(PartialDate(parsing: "2026-03-14") == PartialDate(year: 2026, month: 3, day: 14))
        #expect(PartialDate(parsing: "2026-03") == PartialDate(year: 2026, month: 3))
    }

    @Test(arguments: [
        "2026-13-45", "14/03/2026", "2026-02-30", "2026-3-4", "26-03-14", "2026-03-14T10:00", "", "２０２６-03-14",
    ])
    func rejectsImpossibleOrForeignDates(_ text: String) {
        #expect(PartialDate(parsing: text) == nil)
    }

    @Test func acceptsLeapDay() {
        #expect(PartialDate(parsing: "2024-02-29") != nil)
        #expect(PartialDate(parsing: "2026-02-29") == nil)
    }

    @Test func showsUKStyle() {
        #expect(PartialDate(year: 2026, month: 3, day: 14).displayText == "14 March 2026")
        #expect(PartialDate(year: 2026, month: 3).displayText == "March 2026")
    }

    @Test func ordersMonthBeforeDaysInIt() {
        #expect(PartialDate(year: 2026, month: 3) < PartialDate(year: 2026, month: 3, day: 1))
        #expect(PartialDate(year: 2026, month: 2, day: 28) < PartialDate(year: 2026, month: 3))
    }
}

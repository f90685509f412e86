import Testing

@testable import LessonsKit

@Suite struct MonthPeriodTests {
    /// Dates newest first, undated last, as lists and the completed actions are ordered: some in the months around
    /// every period tried, with and without a day, some repeated.
    static func newestFirst(seed: UInt64) -> [PartialDate?] {
        var generator = SplitMix64(seed: seed)
        var dates: [PartialDate?] = (0..<Int.random(in: 0...60, using: &generator)).map { _ in
            let month = Int.random(in: 1...12, using: &generator)
            let year = Int.random(in: 2024...2026, using: &generator)
            return Bool.random(using: &generator)
                ? PartialDate(year: year, month: month)
                : PartialDate(year: year, month: month, day: Int.random(in: 1...28, using: &generator))
        }
        dates += Array(repeating: nil, count: Int.random(in: 0...3, using: &generator))
        return dates.sorted { a, b in
            switch (a, b) {
            case (let x?, let y?): x > y
            case (_?, nil): true
            default: false
            }
        }
    }

    @Test(arguments: 1...40 as ClosedRange<UInt64>)
    func runHoldsExactlyTheDatesInThePeriod(seed: UInt64) {
        let dates = Self.newestFirst(seed: seed)
        let periods = [
            MonthPeriod(from: PartialDate(year: 2025, month: 3), to: PartialDate(year: 2025, month: 4, day: 30)),
            MonthPeriod(from: PartialDate(year: 2024, month: 12, day: 1), to: PartialDate(year: 2025, month: 1)),
            MonthPeriod(from: PartialDate(year: 2026, month: 6), to: PartialDate(year: 2026, month: 6)),
            MonthPeriod(from: PartialDate(year: 2023, month: 1), to: PartialDate(year: 2023, month: 2)),
            MonthPeriod(from: PartialDate(year: 2024, month: 1), to: PartialDate(year: 2026, month: 12)),
        ]
        for period in periods {
            let run = period.run(in: dates, newestFirstBy: { $0 })
            let expected = dates.indices.filter { dates[$0].map(period.contains) == true }
            #expect(Array(run) == expected, "\(period) in \(dates)")
        }
    }

    @Test func runOfNothingIsEmpty() {
        let period = MonthPeriod(from: PartialDate(year: 2025, month: 1), to: PartialDate(year: 2025, month: 2))
        let none = period.run(in: [PartialDate?](), newestFirstBy: { $0 })
        let undated = period.run(in: [nil, nil] as [PartialDate?], newestFirstBy: { $0 })
        #expect(none.isEmpty)
        #expect(undated.isEmpty)
    }
}

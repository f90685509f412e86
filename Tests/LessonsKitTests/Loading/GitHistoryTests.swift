import Testing

@testable import LessonsKit

@Suite struct GitHistoryTests {
    @Test func takesTheOldestCommitAsFirstPublishedAndTheNewestAsLastUpdated() {
        // Newest first, as git log prints: 2026-04-01, then 2026-02-01 (two files), then 2026-01-05.
        let log =
            "\u{1e}1775037600\n\ncontent/a.md\n\u{1e}1769940000\n\ncontent/a.md\ncontent/b.md\n\u{1e}1767607200\n\ncontent/a.md\n"

        let dates = GitHistory.parse(log, timezone: "Europe/London")

        #expect(
            dates["content/a.md"]
                == .init(
                    firstPublished: PartialDate(year: 2026, month: 1, day: 5),
                    lastUpdated: PartialDate(year: 2026, month: 4, day: 1)))
        #expect(
            dates["content/b.md"]
                == .init(
                    firstPublished: PartialDate(year: 2026, month: 2, day: 1),
                    lastUpdated: PartialDate(year: 2026, month: 2, day: 1)))
        #expect(dates.count == 2)
    }

    @Test func readsCommitTimesAsDaysInTheSitesTimeZone() {
        // 2026-06-30T23:30:00Z is already 1 July in London (BST).
        let dates = GitHistory.parse("\u{1e}1782862200\n\ncontent/a.md\n", timezone: "Europe/London")
        #expect(dates["content/a.md"]?.lastUpdated == PartialDate(year: 2026, month: 7, day: 1))
    }

    @Test func outsideGitThereAreNoDates() {
        let history = GitHistory.read(siteDirectory: "/", timezone: "Europe/London")
        #expect(history.dates.isEmpty)
        #expect(history.note == nil)
    }
}

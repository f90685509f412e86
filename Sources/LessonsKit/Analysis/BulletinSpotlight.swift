/// A bulletin's theme spotlight: incidents with the theme per quarter, as the edition may show them, and the sentence they support.
struct BulletinSpotlight: Sendable {
    /// How many complete quarters the chart shows.
    static let quarterCount = 6

    let theme: Theme
    /// Oldest first, small counts suppressed outside governance editions.
    let quarters: [(label: String, count: DisplayCount)]
    let total: DisplayCount

    /// Counts complete quarters only, ending with the last quarter that ends within `covers`, so nothing dated
    /// after the period is counted.
    /// `summary` is the theme's figures in the edition (its incidents counted once, by `ThemeAnalysis`).
    init(theme: Theme, covers: MonthPeriod, summary: ThemeAnalysis.Summary?, policy: SmallNumberPolicy) {
        self.theme = theme
        let axis = QuarterAxis(through: Self.lastCompleteQuarterEnd(covers.to), count: Self.quarterCount)
        let counts = summary?.incidents(on: axis) ?? Array(repeating: 0, count: axis.count)
        let row = policy.displayRow(counts)
        quarters = zip(axis.labels, row.cells).map { (label: $0, count: $1) }
        total = row.total
    }

    /// The month that ends the last whole quarter on or before `month`: March, June, September or December.
    static func lastCompleteQuarterEnd(_ month: PartialDate) -> PartialDate {
        if month.month % 3 == 0 { return month.monthOnly }
        let end = (month.month / 3) * 3
        return end == 0 ? PartialDate(year: month.year - 1, month: 12) : PartialDate(year: month.year, month: end)
    }

    /// The sentence the chart supports, never revealing a suppressed count.
    var sentence: String {
        guard let first = quarters.first?.label, let last = quarters.last?.label else { return "" }
        let span = "from \(first) to \(last)"
        let name = theme.title.lowercased()
        if total.isSuppressed {
            return
                "Incidents about \(name) reported each quarter \(span). Counts below the small-number threshold are shown as “\(quarters.first { $0.count.isSuppressed && $0.count.text.hasPrefix("fewer") }?.count.text ?? "fewer than 5")” so that no one can be identified."
        }
        let noun = total.value == 1 ? "incident" : "incidents"
        var text = "We recorded \(total.text) \(noun) about \(name) \(span)."
        if quarters.count >= 2 {
            let latest = quarters[quarters.count - 1].count.value
            let before = quarters[quarters.count - 2].count.value
            text +=
                latest > before
                ? " The latest quarter was higher than the one before."
                : latest < before
                    ? " The latest quarter was lower than the one before."
                    : " The latest quarter was the same as the one before."
        }
        return text
    }
}

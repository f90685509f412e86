/// A count as it may be shown in an edition: small counts of incidents and debriefs are suppressed outside
/// governance editions (content-model.md, "Aggregate statistics"), so a reader cannot single out the people involved.
struct DisplayCount: Sendable, Hashable {
    /// The true count; never print it when `isSuppressed`.
    let value: Int
    let isSuppressed: Bool
    /// What to print: "7", "0" or "fewer than 5".
    let text: String
}

/// The small-number rule of one edition.
struct SmallNumberPolicy: Sendable, Hashable {
    /// Counts from 1 to `threshold - 1` are suppressed; nil means show every count (governance editions).
    let threshold: Int?

    init(threshold: Int?) {
        self.threshold = threshold
    }

    /// The policy for an edition: governance editions see true counts.
    init(edition: Edition, privacy: PrivacySettings) {
        self.threshold = edition.includesGovernance ? nil : privacy.smallNumbers
    }

    func display(_ value: Int) -> DisplayCount {
        guard let threshold, value > 0, value < threshold else {
            return DisplayCount(value: value, isSuppressed: false, text: "\(value)")
        }
        return DisplayCount(value: value, isSuppressed: true, text: "fewer than \(threshold)")
    }

    /// Displays a row of counts with its total so that no suppressed cell can be worked out from the others:
    /// when exactly one cell is suppressed, the next smallest non-zero cell is suppressed too, and the total is
    /// hidden whenever any cell is.
    func displayRow(_ values: [Int]) -> (cells: [DisplayCount], total: DisplayCount) {
        var cells = values.map(display)
        let total = values.reduce(0, +)
        guard threshold != nil else { return (cells, display(total)) }
        let suppressed = cells.indices.filter { cells[$0].isSuppressed }
        if suppressed.count == 1,
            let other = cells.indices.filter({ !cells[$0].isSuppressed && cells[$0].value > 0 })
                .min(by: { cells[$0].value < cells[$1].value })
        {
            cells[other] = DisplayCount(value: cells[other].value, isSuppressed: true, text: "suppressed")
        }
        let anySuppressed = cells.contains { $0.isSuppressed }
        let totalDisplay =
            anySuppressed ? DisplayCount(value: total, isSuppressed: true, text: "not shown") : display(total)
        return (cells, totalDisplay)
    }
}

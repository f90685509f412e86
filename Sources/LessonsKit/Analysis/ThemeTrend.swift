/// Incidents per quarter for a theme, its descendants included (a parent theme's counts include its children's).
enum ThemeTrend {
    /// Incidents of `content` carrying `theme` or one of its descendant themes, counted per quarter for the
    /// `quarters` quarters ending with the quarter of `through` (oldest first; labels like `2026 Q3`).
    ///
    /// Counts are true values: apply `SmallNumberPolicy` before showing them.
    static func incidentsPerQuarter(
        theme: String, in content: EditionContent, data: SiteData, through: PartialDate,
        quarters: Int
    ) -> [(quarter: String, count: Int)] {
        let slugs = data.themeTree.selfAndDescendants(of: theme)
        let axis = QuarterAxis(through: through, count: quarters)
        var counts = [Int](repeating: 0, count: axis.labels.count)
        for document in content.documents where document.type == .incident && !slugs.isDisjoint(with: document.themes) {
            if let date = document.date, let index = axis.index(of: date) { counts[index] += 1 }
        }
        return zip(axis.labels, counts).map { (quarter: $0, count: $1) }
    }
}

/// A run of consecutive calendar quarters ending with a given date's quarter.
struct QuarterAxis: Sendable, Hashable {
    /// Quarter number (year × 4 + quarter − 1) of the first quarter.
    let first: Int
    let count: Int

    init(through date: PartialDate, count: Int) {
        self.count = max(count, 0)
        first = Self.number(date) - self.count + 1
    }

    static func number(_ date: PartialDate) -> Int { date.year * 4 + (date.month - 1) / 3 }

    /// Labels oldest first: `2024 Q1` … `2026 Q4`.
    var labels: [String] {
        (0..<count).map { offset in
            let number = first + offset
            return "\(number / 4) Q\(number % 4 + 1)"
        }
    }

    /// Position of the quarter containing `date`, or nil outside the axis.
    func index(of date: PartialDate) -> Int? {
        let offset = Self.number(date) - first
        return offset >= 0 && offset < count ? offset : nil
    }
}

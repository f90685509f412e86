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

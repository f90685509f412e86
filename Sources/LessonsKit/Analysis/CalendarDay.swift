/// Whole-day arithmetic on `PartialDate` (proleptic Gregorian), for "due in the next 30 days" and date closeness.
enum CalendarDay {
    /// Days since 1970-01-01; a month-precision date counts as the 1st of its month.
    static func number(_ date: PartialDate) -> Int {
        // Howard Hinnant's days-from-civil algorithm.
        let y = date.month <= 2 ? date.year - 1 : date.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = date.month
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + (date.day ?? 1) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `days` after `date` (negative for before), to the day.
    static func adding(_ days: Int, to date: PartialDate) -> PartialDate {
        let z = number(date) + days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return PartialDate(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// The month `months` before or after a date's month (month precision).
    static func addingMonths(_ months: Int, to date: PartialDate) -> PartialDate {
        let index = date.year * 12 + date.month - 1 + months
        return PartialDate(year: index / 12, month: index % 12 + 1)
    }
}

/// Counts keyed by a string, in a stable order: largest first, then by key.
struct Tally: Sendable, Hashable {
    private(set) var counts: [String: Int] = [:]

    init() {}

    mutating func add(_ key: String, _ amount: Int = 1) { counts[key, default: 0] += amount }

    subscript(key: String) -> Int { counts[key] ?? 0 }

    var isEmpty: Bool { counts.isEmpty }

    /// Entries largest first, ties by key, so pages never depend on hash order.
    var ranked: [(key: String, count: Int)] {
        counts.map { (key: $0.key, count: $0.value) }.sorted {
            $0.count != $1.count ? $0.count > $1.count : $0.key < $1.key
        }
    }

    /// Entries in the order of `keys` (a vocabulary), then any others ranked; zero counts left out.
    func ordered(by keys: [String]) -> [(key: String, count: Int)] {
        let known = Set(keys)
        return keys.compactMap { key in counts[key].map { (key: key, count: $0) } }
            + ranked.filter { !known.contains($0.key) }
    }
}

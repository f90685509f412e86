import Foundation

/// A calendar date from front matter, to the day (`2026-03-14`) or to the month (`2026-03`).
struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    let year: Int
    let month: Int
    /// Nil for month precision.
    let day: Int?

    init(year: Int, month: Int, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` or `YYYY-MM`, rejecting impossible dates such as `2026-02-30`.
    init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
            parts[0].count == 4, parts[1].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]),
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            (1...12).contains(month)
        else { return nil }
        var day: Int?
        if parts.count == 3 {
            guard parts[2].count == 2, let value = Int(parts[2]),
                (1...Self.daysIn(month: month, year: year)).contains(value)
            else { return nil }
            day = value
        }
        self.init(year: year, month: month, day: day)
    }

    var hasDay: Bool { day != nil }

    /// ISO form: `2026-03-14` or `2026-03`.
    var description: String {
        guard year >= 0, month >= 0, (day ?? 0) >= 0 else {
            let base = String(format: "%04d-%02d", year, month)
            return day.map { base + String(format: "-%02d", $0) } ?? base
        }
        // As `String(format: "%04d-%02d")` writes them, without Foundation's formatter (CSV and feeds write thousands).
        let base = Self.padded(year, 4) + "-" + Self.padded(month, 2)
        return day.map { base + "-" + Self.padded($0, 2) } ?? base
    }

    /// A number that is not negative, with zeros before it up to `width` digits.
    private static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.utf8.count >= width ? text : String(repeating: "0", count: width - text.utf8.count) + text
    }

    /// UK style for readers: `14 March 2026`, or `March 2026` for month precision.
    var displayText: String {
        let monthName = Self.monthNames[month - 1]
        return day.map { "\($0) \(monthName) \(year)" } ?? "\(monthName) \(year)"
    }

    /// Sort key that places a month-precision date at the start of its month.
    var ordinal: Int { (year * 12 + month) * 32 + (day ?? 0) }

    static func < (lhs: PartialDate, rhs: PartialDate) -> Bool { lhs.ordinal < rhs.ordinal }

    /// The quarter label `2026 Q1`.
    var quarter: String { "\(year) Q\((month - 1) / 3 + 1)" }

    /// The month-precision version of this date.
    var monthOnly: PartialDate { PartialDate(year: year, month: month) }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December",
    ]

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

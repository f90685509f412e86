import Foundation

/// Explains why a date could not be read, and suggests the exact rewrite where the intent is clear.
enum DateAdvice {
    static func explain(_ value: String, field: String, precision: DatePrecision) -> (problem: String?, hint: String) {
        let numbers = value.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" }).map { Int($0) }
        // UK style 14/03/2026 or 14.03.2026
        if !value.contains("-"), numbers.count == 3, let day = numbers[0], let month = numbers[1],
            let year = numbers[2], year > 999,
            let date = PartialDate(parsing: String(format: "%04d-%02d-%02d", year, month, day))
        {
            let suggestion = precision == .month ? date.monthOnly.description : date.description
            return ("dates are written year first", "write '\(field): \(suggestion)'")
        }
        if value.contains("-"), numbers.count >= 2, let month = numbers[1], !(1...12).contains(month) {
            return ("there is no month \(month)", precision.hint(field))
        }
        if value.contains("-"), numbers.count == 3, let year = numbers[0], let month = numbers[1], let day = numbers[2],
            (1...12).contains(month)
        {
            let last = PartialDate.daysIn(month: month, year: year)
            if !(1...last).contains(day) {
                return ("\(PartialDate.monthNames[month - 1]) \(year) has \(last) days", precision.hint(field))
            }
        }
        return (nil, precision.hint(field))
    }
}

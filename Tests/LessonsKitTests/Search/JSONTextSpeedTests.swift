import Foundation
import Testing

@testable import LessonsKit

/// The quick paths of the search files' JSON and of date texts give the same text as the general ones.
@Suite struct JSONTextSpeedTests {
    /// JSONText.string as it was before its quick path: every scalar looked at.
    static func escapedScalarByScalar(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}", "\u{2029}", "<": out += String(format: "\\u%04x", scalar.value)
            default: out += scalar.value < 0x20 ? String(format: "\\u%04x", scalar.value) : String(scalar)
            }
        }
        return out + "\""
    }

    @Test func stringsAreEscapedAsScalarByScalar() {
        let samples = [
            "", "plain", "with \"quotes\"", "back\\slash", "line\nbreak\r\ttab", "</script>", "\u{2028}\u{2029}",
            "\u{0001}\u{001F}", "é à ü 日本語", "en – dash and … ellipsis", "\u{2027}\u{202A}", "emoji 🙂",
        ]
        for text in samples {
            #expect(JSONText.string(text) == Self.escapedScalarByScalar(text), "\(text.debugDescription)")
        }
    }

    @Test func numberArraysAreWrittenAsJoinedDecimals() {
        let samples = [
            [], [0], [7, 10, 0, 99, 100, 1_234_567_890], [-1, 5, -250], [Int.max, Int.min],
            [9, 99_999, 999_999_999_999_999_999, 1_000_000_000_000_000_000],
        ]
        for numbers in samples {
            #expect(JSONText.array(numbers) == "[" + numbers.map(String.init).joined(separator: ",") + "]")
        }
    }

    @Test func dateDescriptionsAreZeroPaddedAsFormatted() {
        let dates = [
            PartialDate(year: 2026, month: 3, day: 14), PartialDate(year: 2026, month: 11, day: nil),
            PartialDate(year: 987, month: 1, day: 1), PartialDate(year: 12345, month: 12, day: 31),
            PartialDate(year: 0, month: 0, day: 0), PartialDate(year: -5, month: 2, day: 3),
        ]
        for date in dates {
            let base = String(format: "%04d-%02d", date.year, date.month)
            #expect(date.description == (date.day.map { base + String(format: "-%02d", $0) } ?? base))
        }
    }
}

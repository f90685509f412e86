import Foundation

/// Minimal JSON writing: deterministic, and fast enough for indexes of tens of thousands of documents.
enum JSONText {
    static func string(_ value: String) -> String {
        // Most texts need no escape at all (0xE2 starts U+2028 and U+2029, so a text holding it takes the long way).
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x3C || $0 == 0xE2 }) {
            return "\"" + value + "\""
        }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            // U+2028/2029 end a line in older JavaScript parsers; "<" keeps "</script>" out of script files.
            case "\u{2028}", "\u{2029}", "<": out += String(format: "\\u%04x", scalar.value)
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func array(_ numbers: [Int]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        bytes.reserveCapacity(2 + numbers.count * 4)
        var digits: [UInt8] = []
        for (index, number) in numbers.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            guard number >= 0 else {
                bytes += Array(String(number).utf8)
                continue
            }
            // The decimal digits, as String(number) writes them.
            var rest = number
            digits.removeAll(keepingCapacity: true)
            repeat {
                digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
                rest /= 10
            } while rest > 0
            bytes += digits.reversed()
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }
}

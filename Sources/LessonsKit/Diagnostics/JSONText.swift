import Foundation

/// Minimal JSON writing: deterministic, and fast enough for indexes of tens of thousands of documents.
enum JSONText {
    static func string(_ value: String) -> String {
        if isPlain(value) { return "\"" + value + "\"" }
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

    /// Whether `value` needs no escape at all, as most texts (0xE2 starts U+2028 and U+2029, so a text holding it takes
    /// the long way).
    private static func isPlain(_ value: String) -> Bool {
        !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x3C || $0 == 0xE2 })
    }

    static func array(_ numbers: [Int]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(2 + numbers.count * 4)
        append(numbers, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `value` as a JSON string, the bytes ``string(_:)`` returns.
    static func append(_ value: String, to bytes: inout [UInt8]) {
        if isPlain(value) {
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: value.utf8)
            bytes.append(UInt8(ascii: "\""))
        } else {
            bytes.append(contentsOf: string(value).utf8)
        }
    }

    /// Appends `numbers` as a JSON array, the bytes ``array(_:)`` returns.
    static func append(_ numbers: [Int], to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "["))
        for (index, number) in numbers.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            append(number, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Appends the decimal digits of `number`, as `String(number)` writes them.
    static func append(_ number: Int, to bytes: inout [UInt8]) {
        guard number >= 0 else {
            bytes.append(contentsOf: String(number).utf8)
            return
        }
        // Digits counted first, then written from the last into their places: no scratch buffer.
        var width = 1
        var limit = 10
        while width < 19, number >= limit {
            width += 1
            limit &*= 10
        }
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width))
        var rest = number
        var place = start + width - 1
        while rest > 0 {
            bytes[place] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            place -= 1
        }
    }
}

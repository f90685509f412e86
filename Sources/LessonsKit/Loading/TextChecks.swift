/// Character-level checks on values read from the site: blank text and control characters.
enum TextChecks {
    /// Whether `text` holds nothing a reader could see: only whitespace, format characters (zero-width spaces,
    /// joiners, byte-order marks, direction marks) and other default-ignorable code points.
    static func isBlank(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isWhitespace || scalar.properties.generalCategory == .format
                || scalar.properties.isDefaultIgnorableCodePoint
        }
    }

    /// Whether a scalar is a control character that has no place in a document: C0 controls other than tab and
    /// line feed, DEL and the C1 controls (ESC starts terminal escape sequences; NUL truncates C strings).
    static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }

    /// The first forbidden control character of `text`, with its 1-based line and scalar column within `text`.
    static func firstForbiddenControl(in text: some StringProtocol) -> (
        scalar: Unicode.Scalar, line: Int, column: Int
    )? {
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                line += 1
                column = 1
                continue
            }
            if isForbiddenControl(scalar) { return (scalar, line, column) }
            column += 1
        }
        return nil
    }

    /// `U+001B (ESC)`: how a control character is named in messages, never the raw character.
    static func name(of scalar: Unicode.Scalar) -> String {
        let names: [UInt32: String] = [
            0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x0B: "VT", 0x0C: "FF", 0x0D: "CR", 0x1B: "ESC", 0x7F: "DEL",
        ]
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return names[scalar.value].map { "\(code) (\($0))" } ?? code
    }

    /// The hint shared by every control-character error.
    static let controlHint =
        "control characters are invisible and can corrupt pages, feeds and terminals; delete it (in YAML it may be written as an escape such as \\0 or \\e)"
}

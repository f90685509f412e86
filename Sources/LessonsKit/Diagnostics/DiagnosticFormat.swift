import Foundation

/// How diagnostics are printed: for people, for GitHub Actions annotations, or as JSON Lines for tools.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text
    case github
    case json

    /// Renders diagnostics (already sorted) followed, for text, by the summary line.
    public func render(_ diagnostics: [Diagnostic], documentCount: Int) -> String {
        var output = ""
        for diagnostic in diagnostics {
            switch self {
            case .text: output += Self.text(diagnostic)
            case .github: output += Self.github(diagnostic)
            case .json: output += Self.json(diagnostic)
            }
            output += "\n"
        }
        if self == .text, !diagnostics.isEmpty {
            output += Self.summary(diagnostics, documentCount: documentCount) + "\n"
        }
        return output
    }

    /// `2 problems (1 error, 1 warning) in 214 documents`
    public static func summary(_ diagnostics: [Diagnostic], documentCount: Int) -> String {
        let errors = diagnostics.errorCount
        let warnings = diagnostics.warningCount
        let problems = plural(diagnostics.count, "problem")
        return
            "\(problems) (\(plural(errors, "error")), \(plural(warnings, "warning"))) in \(plural(documentCount, "document"))"
    }

    static func text(_ d: Diagnostic) -> String {
        var line = "\(visible(d.location.description)): \(d.severity.rawValue): \(visible(d.message))"
        if let hint = d.hint { line += "\n  hint: \(visible(hint))" }
        return line
    }

    /// Text safe to print on a terminal: line breaks, control characters (terminal escape sequences start with ESC)
    /// and bidirectional overrides are shown as escapes, so a value can neither forge a line nor repaint the screen.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where needsEscape(scalar): result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }

    static func github(_ d: Diagnostic) -> String {
        let command = d.severity == .error ? "error" : "warning"
        var message = d.message
        if let hint = d.hint { message += " (hint: \(hint))" }
        return
            "::\(command) file=\(escapeProperty(d.location.file)),line=\(d.location.line),col=\(d.location.column),title=\(escapeProperty(d.code.rawValue))::\(escapeData(message))"
    }

    static func json(_ d: Diagnostic) -> String {
        let hint = d.hint.map(JSONText.string) ?? "null"
        return
            "{\"file\":\(JSONText.string(d.location.file)),\"line\":\(d.location.line),\"column\":\(d.location.column),"
            + "\"severity\":\(JSONText.string(d.severity.rawValue)),\"code\":\(JSONText.string(d.code.rawValue)),"
            + "\"message\":\(JSONText.string(d.message)),\"hint\":\(hint)}"
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    // GitHub workflow-command escaping: data escapes %, CR, LF; properties also : and ,
    static func escapeData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(
            of: "\n", with: "%0A")
    }

    static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

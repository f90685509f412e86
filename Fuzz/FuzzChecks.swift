import Foundation

// What the fuzzer asserts for every input: nothing crashes or hangs, and every diagnostic and position points
// inside the text it came from. Tests/LessonsKitTests/Fuzz/FuzzCorpusTests.swift asserts the same on the kept corpus.

/// The three entry points (and the privacy scanner) on one input, with their invariants as preconditions.
enum FuzzChecks {
    static let path = "content/fuzz.md"

    static func run(_ text: String, decoder: DocumentDecoder, scanner: PrivacyScanner) {
        let bounds = TextBounds(text)
        let file = SourceFile(path: path, absolutePath: "/fuzz/" + path, text: text)

        switch FrontMatter.split(file) {
        case .failure(let diagnostic):
            bounds.require(diagnostic.location, "split")
        case .success(let split):
            invariant(split.yamlFirstLine == 2, "yaml starts on line 2")
            invariant(
                split.bodyFirstLine >= 2 && split.bodyFirstLine <= bounds.lines + 1, "body line \(split.bodyFirstLine)")
        }

        // The type comes from the length so that every type's fields get exercised.
        let type = DocumentType.allCases[text.utf8.count % DocumentType.allCases.count]
        let (document, diagnostics) = decoder.decode(file, type: type)
        for diagnostic in diagnostics { bounds.require(diagnostic.location, "decode \(diagnostic.code)") }
        // No document vanishes without an error, and no printed diagnostic can forge a line or hold an escape.
        invariant(document != nil || diagnostics.hasErrors, "document dropped without an error")
        let printed = DiagnosticFormat.text.render(diagnostics, documentCount: 1)
        let hints = diagnostics.filter { $0.hint != nil }.count
        let expectedLines = diagnostics.count + hints + (diagnostics.isEmpty ? 0 : 1)
        invariant(printed.split(separator: "\n").count == expectedLines, "a text diagnostic spans extra lines")
        let isControl: (Unicode.Scalar) -> Bool = {
            ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value)
        }
        invariant(!printed.unicodeScalars.contains(where: isControl), "control character printed")
        if let excess = MarkdownLimits.firstExcess(in: text) {
            bounds.require(SourceLocation(file: path, line: excess.line, column: excess.column), "markdown limit")
        }
        if let document {
            for location in document.fieldLocations.values { bounds.require(location, "field") }
            for reference in document.bodyReferences { bounds.require(reference.location, "body reference") }
        }

        if case .success(let table) = PipeTable.parse(text) {
            let lines = PipeTable.splitLines(text)
            invariant(table.alignments.count == table.header.count, "one alignment per column")
            for cell in table.header + table.rows.flatMap({ $0 }) {
                invariant(cell.line >= 0 && cell.line < lines.count, "cell line \(cell.line)")
                invariant(
                    cell.column >= 0 && cell.column <= lines[cell.line].unicodeScalars.count,
                    "cell column \(cell.column)")
            }
            for row in table.rows { invariant(row.count == table.header.count, "row width") }
        }

        for finding in scanner.scan(text, fullDates: true, allow: ["ST4 6QG"]) {
            // The scanner splits at LF bytes; splitting Characters would keep CRLF ("\r\n" is one Character) together.
            let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            invariant(finding.line < lines.count, "finding line")
            invariant(
                finding.column + finding.length <= lines[finding.line].count,
                "finding column: \(finding) in \(String(lines[finding.line]).debugDescription)")
        }
    }
}

/// Stops the fuzzer with a message when an invariant does not hold (`precondition` messages are dropped in -O builds).
func invariant(_ condition: Bool, _ message: @autoclosure () -> String) {
    guard !condition else { return }
    FileHandle.standardError.write(Data("fuzz invariant failed: \(message())\n".utf8))
    abort()
}

/// Upper bounds on the lines (every break YAML knows: LF, CR, CRLF, NEL, LS, PS) and on the longest line (between
/// LF or CR breaks only, as positions are reported) of a text.
struct TextBounds {
    let lines: Int
    let longestLine: Int

    init(_ text: String) {
        var lines = 1
        var longest = 0
        var current = 0
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where previousWasCR:
                break
            case "\n", "\r":
                lines += 1
                longest = max(longest, current)
                current = 0
            case "\u{85}", "\u{2028}", "\u{2029}":
                // YAML breaks lines here too, but positions are reported in LF lines (YAMLLineMap): count both ways.
                lines += 1
                current += 1
            default:
                current += 1
            }
            previousWasCR = scalar == "\r"
        }
        self.lines = lines
        self.longestLine = max(longest, current)
    }

    /// Stops the fuzzer when a location falls outside the text (the end of the last line is allowed).
    func require(_ location: SourceLocation, _ what: String) {
        invariant(location.file == FuzzChecks.path, "\(what): file \(location.file)")
        invariant(location.line >= 1 && location.line <= lines + 1, "\(what): line \(location.line) of \(lines)")
        invariant(
            location.column >= 1 && location.column <= longestLine + 2,
            "\(what): column \(location.column) > \(longestLine)")
    }
}

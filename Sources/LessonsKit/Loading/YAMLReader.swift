import Yams

/// Parses YAML text into a located `YAMLNode`, turning every Yams error into a located diagnostic.
struct YAMLReader: Sendable {
    /// Largest number of nodes accepted; protects against alias bombs ("billion laughs").
    var maximumNodes = 50_000
    /// Deepest nesting accepted.
    var maximumDepth = 64

    init() {}

    /// Parses `text`, whose first line is line `firstLine` of `file`.
    /// - Returns: the root node (nil for an empty document) or the diagnostic that stopped parsing.
    func parse(_ text: String, file: String, firstLine: Int = 1) -> Result<YAMLNode?, Diagnostic> {
        let lineOffset = firstLine - 1
        if let control = TextChecks.firstForbiddenControl(in: text) {
            return .failure(
                .error(
                    .controlCharacter, "control character \(TextChecks.name(of: control.scalar)) in YAML",
                    at: SourceLocation(file: file, line: control.line + lineOffset, column: control.column),
                    hint: TextChecks.controlHint))
        }
        if let tab = Self.firstIndentationTab(in: text) {
            return .failure(
                .error(
                    .yamlTab, "tab character in indentation; YAML allows only spaces",
                    at: SourceLocation(file: file, line: tab.line + lineOffset, column: tab.column),
                    hint: "replace the tab with spaces"))
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, Resolver.basic, .default, .utf8)
        } catch let error as YamlError {
            return .failure(
                Self.diagnostic(for: error, in: text, file: file, lineOffset: lineOffset, lines: YAMLLineMap(text)))
        } catch {
            return .failure(
                .error(.yamlSyntax, "cannot read YAML: \(error)", at: SourceLocation(file: file, line: firstLine)))
        }
        guard let root else { return .success(nil) }
        var budget = maximumNodes
        let lines = YAMLLineMap(text)
        do {
            return .success(
                try convert(
                    root, field: nil, at: Position(file: file, lineOffset: lineOffset, lines: lines), depth: 0,
                    budget: &budget))
        } catch let error as ComplexityError {
            return .failure(
                .error(
                    .yamlTooComplex, error.message, at: error.location.offset(lines: 0),
                    hint: "front matter and data files must be small; YAML anchors and aliases are best avoided"))
        } catch let error as ControlCharacterError {
            return .failure(error.diagnostic)
        } catch {
            return .failure(
                .error(.yamlSyntax, "cannot read YAML: \(error)", at: SourceLocation(file: file, line: firstLine)))
        }
    }

    private struct ComplexityError: Error {
        let message: String
        let location: SourceLocation
    }

    /// A control character written as a YAML escape (`"\e"`, `"\0"`) inside a value or key.
    private struct ControlCharacterError: Error {
        let diagnostic: Diagnostic
    }

    /// What places a parser mark in the file.
    private struct Position {
        let file: String
        let lineOffset: Int
        let lines: YAMLLineMap
    }

    private func convert(_ node: Node, field: String?, at position: Position, depth: Int, budget: inout Int) throws
        -> YAMLNode
    {
        let location = Self.location(
            node.mark, file: position.file, lineOffset: position.lineOffset, lines: position.lines)
        budget -= 1
        if budget < 0 {
            throw ComplexityError(message: "YAML expands to more than \(maximumNodes) values", location: location)
        }
        if depth > maximumDepth {
            throw ComplexityError(message: "YAML is nested more than \(maximumDepth) levels deep", location: location)
        }
        switch node {
        case .scalar(let scalar):
            if let control = TextChecks.firstForbiddenControl(in: scalar.string) {
                let what = field.map { "'\($0)'" } ?? "a value"
                throw ControlCharacterError(
                    diagnostic: .error(
                        .controlCharacter,
                        "\(what) contains the control character \(TextChecks.name(of: control.scalar))",
                        at: location, hint: TextChecks.controlHint))
            }
            return YAMLNode(
                .scalar(scalar.string, isPlain: scalar.style == .plain || scalar.style == .any), at: location,
                style: Self.style(of: scalar))
        case .mapping(let mapping):
            var pairs: [YAMLPair] = []
            pairs.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                let keyNode = try convert(key, field: nil, at: position, depth: depth + 1, budget: &budget)
                let keyText = keyNode.scalar ?? ""
                pairs.append(
                    YAMLPair(
                        key: keyText, keyLocation: keyNode.location,
                        value: try convert(value, field: keyText, at: position, depth: depth + 1, budget: &budget)))
            }
            return YAMLNode(.mapping(pairs), at: location)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            for item in sequence {
                items.append(try convert(item, field: field, at: position, depth: depth + 1, budget: &budget))
            }
            return YAMLNode(.sequence(items), at: location)
        case .alias:
            return YAMLNode(.scalar("", isPlain: true), at: location)
        }
    }

    static func style(of scalar: Node.Scalar) -> YAMLNode.ScalarStyle {
        switch scalar.style {
        case .singleQuoted: .singleQuoted
        case .doubleQuoted: .doubleQuoted
        case .literal: .literal
        case .folded: .folded
        default: .plain
        }
    }

    static func location(_ mark: Mark?, file: String, lineOffset: Int, lines: YAMLLineMap) -> SourceLocation {
        guard let mark else { return SourceLocation(file: file, line: 1 + lineOffset) }
        let mapped = lines.map(line: mark.line, column: mark.column)
        return SourceLocation(file: file, line: mapped.line + lineOffset, column: mapped.column)
    }

    static func diagnostic(for error: YamlError, in text: String, file: String, lineOffset: Int, lines: YAMLLineMap)
        -> Diagnostic
    {
        func location(_ mark: Mark?) -> SourceLocation {
            Self.location(mark, file: file, lineOffset: lineOffset, lines: lines)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = "YAML syntax error: \(problem)"
            if let context { message += " (\(context.text) at line \(location(context.mark).line))" }
            let at = location(mark)
            let firstLine = min(context.map { location($0.mark).line } ?? at.line, at.line) - lineOffset
            if let separator = Self.firstLineSeparator(in: text, lines: firstLine...(at.line - lineOffset)) {
                return .error(
                    .yamlSyntax, message,
                    at: SourceLocation(file: file, line: separator.line + lineOffset, column: separator.column),
                    hint:
                        "here is an invisible line or paragraph separator (U+2028/U+2029, often pasted from a word processor), which YAML reads as a line break: delete it, or put the value in double quotes"
                )
            }
            return .error(
                .yamlSyntax, message, at: at,
                hint: "check indentation, and quote values that contain ': ' or start with a special character")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            let repeated = duplicates.sorted().first.flatMap {
                secondOccurrence(of: $0, in: text, fromLine: context.mark.line)
            }
            let at = repeated.map { SourceLocation(file: file, line: $0.line + lineOffset, column: $0.column) }
            return .error(
                .duplicateKey, "duplicate key \(keys) in the same mapping",
                at: at ?? location(context.mark),
                hint: "each key may appear once; merge the values or remove one")
        case .reader(let problem, _, _, _):
            return .error(
                .yamlSyntax, "YAML cannot be read: \(problem)", at: SourceLocation(file: file, line: 1 + lineOffset))
        default:
            return .error(
                .yamlSyntax, "YAML cannot be read: \(error)", at: SourceLocation(file: file, line: 1 + lineOffset))
        }
    }

    /// Where `key` is written for the second time at the indentation of its first use, at or after `mark`.
    static func secondOccurrence(of key: String, in text: String, fromLine startLine: Int) -> (line: Int, column: Int)?
    {
        var firstColumn: Int?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where index + 1 >= startLine {
            var column = 1
            var rest = Substring(line)
            while let first = rest.first, first == " " || first == "-" {
                rest = rest.dropFirst()
                column += 1
            }
            let quotedKey = rest.hasPrefix("\"\(key)\":") || rest.hasPrefix("'\(key)':")
            guard rest.hasPrefix(key + ":") || quotedKey else { continue }
            if let firstColumn {
                if column == firstColumn { return (index + 1, column) }
            } else {
                firstColumn = column
            }
        }
        return nil
    }

    /// The first U+2028 or U+2029 on the given (1-based) lines of `text`, with its scalar column.
    static func firstLineSeparator(in text: String, lines: ClosedRange<Int>) -> (line: Int, column: Int)? {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where lines.contains(index + 1) {
            if let offset = line.unicodeScalars.firstIndex(where: { $0 == "\u{2028}" || $0 == "\u{2029}" }) {
                return (index + 1, line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: offset) + 1)
            }
        }
        return nil
    }

    /// The first tab that appears before any other character on a line (YAML forbids tabs in indentation).
    static func firstIndentationTab(in text: String) -> (line: Int, column: Int)? {
        var line = 1
        var column = 1
        var atIndentation = true
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                line += 1
                column = 1
                atIndentation = true
                continue
            }
            if atIndentation {
                if scalar == "\t" { return (line, column) }
                if scalar != " " && scalar != "-" { atIndentation = false }
            }
            column += 1
        }
        return nil
    }
}

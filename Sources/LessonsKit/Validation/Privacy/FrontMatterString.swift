/// One string written in a document's front matter (a value or a key), with what is needed to place a match inside it in the file.
struct FrontMatterString: Sendable, Hashable {
    let text: String
    /// Where the scalar starts (its opening quote or block indicator, if any).
    let location: SourceLocation
    let style: YAMLNode.ScalarStyle
    /// The nearest mapping key above the value (`due` for an action's due date); nil for keys themselves.
    let key: String?
    /// The column of that key; the lines of a block scalar are taken to be indented two more.
    let keyColumn: Int

    /// Fields typed as dates, whose values are never "a full date in free text".
    private static let dateFields: Set<String> = [
        "date", "due", "completed", "reviewed_on", "review_by", "from", "to", "since",
    ]

    /// True for a typed date field, or a value that is nothing but an ISO date (such as a governance candour date).
    var isTypedDate: Bool {
        if let key, Self.dateFields.contains(key) { return true }
        return Self.isISODate(text.utf8)
    }

    /// Whether the bytes are exactly `YYYY-MM-DD` in ASCII digits (read byte by byte: this runs for every string of
    /// every incident and debrief).
    private static func isISODate(_ bytes: String.UTF8View) -> Bool {
        guard bytes.count == 10 else { return false }
        for (offset, byte) in bytes.enumerated() {
            let isDash = offset == 4 || offset == 7
            guard isDash ? byte == UInt8(ascii: "-") : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else {
                return false
            }
        }
        return true
    }

    /// Every key and non-empty scalar value of the front matter, in document order.
    static func all(in root: YAMLNode) -> [FrontMatterString] {
        var strings: [FrontMatterString] = []
        collect(root, key: nil, keyColumn: root.location.column, into: &strings)
        return strings
    }

    private static func collect(_ node: YAMLNode, key: String?, keyColumn: Int, into strings: inout [FrontMatterString])
    {
        switch node.kind {
        case .scalar(let text, _):
            if !text.isEmpty {
                strings.append(
                    FrontMatterString(
                        text: text, location: node.location, style: node.style, key: key, keyColumn: keyColumn))
            }
        case .mapping(let pairs):
            for pair in pairs {
                strings.append(
                    FrontMatterString(
                        text: pair.key, location: pair.keyLocation, style: .plain, key: nil,
                        keyColumn: pair.keyLocation.column))
                collect(pair.value, key: pair.key, keyColumn: pair.keyLocation.column, into: &strings)
            }
        case .sequence(let items):
            for item in items { collect(item, key: key, keyColumn: keyColumn, into: &strings) }
        }
    }

    /// The file position of a finding in this string.
    ///
    /// Exact for one-line plain and quoted scalars (escapes before the match counted) and for the lines of a literal
    /// block (`|`) indented two spaces under their key; a match in a folded or multi-line flow scalar is placed at the
    /// line where the text starts, because folding loses where the source lines broke.
    func location(of finding: PrivacyFinding) -> SourceLocation {
        locations(of: [finding])[0]
    }

    /// The file positions of several findings in this string, in one pass over it (a long value can hold
    /// thousands of findings; measuring each from the start would take time quadratic in its length).
    func locations(of findings: [PrivacyFinding]) -> [SourceLocation] {
        let file = location.file
        switch style {
        case .plain, .singleQuoted, .doubleQuoted:
            let opening = style == .plain ? 0 : 1
            var result = [SourceLocation](repeating: location, count: findings.count)
            let scalars = text.unicodeScalars
            var index = scalars.startIndex
            var counted = 0
            var width = 0
            for position in findings.indices.sorted(by: { findings[$0].column < findings[$1].column })
            where findings[position].line == 0 {
                while counted < findings[position].column, index < scalars.endIndex {
                    width += sourceWidth(of: scalars[index])
                    index = scalars.index(after: index)
                    counted += 1
                }
                result[position] = SourceLocation(
                    file: file, line: location.line, column: location.column + opening + width)
            }
            return result
        case .literal, .folded:
            return findings.map(blockLocation)
        }
    }

    /// The position of a finding in a block scalar (`|` exactly, `>` at its first line).
    private func blockLocation(of finding: PrivacyFinding) -> SourceLocation {
        let file = location.file
        switch style {
        case .literal:
            return SourceLocation(
                file: file, line: location.line + 1 + finding.line, column: keyColumn + 2 + finding.column)
        default:
            return SourceLocation(file: file, line: location.line + 1, column: keyColumn + 2)
        }
    }

    /// How many characters a scalar takes when written in this scalar style (quotes and backslashes are doubled or escaped).
    private func sourceWidth(of scalar: Unicode.Scalar) -> Int {
        switch style {
        case .singleQuoted: return scalar == "'" ? 2 : 1
        case .doubleQuoted: return scalar == "\"" || scalar == "\\" || scalar == "\t" ? 2 : 1
        default: return 1
        }
    }
}

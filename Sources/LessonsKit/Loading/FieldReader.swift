import Foundation

/// Reads typed fields from a YAML mapping, collecting located diagnostics instead of throwing.
///
/// Every key read is remembered, so the keys left over can be reported as unknown fields with a did-you-mean.
struct FieldReader {
    let file: String
    let location: SourceLocation
    private let pairs: [YAMLPair]
    /// Phrase naming what is being read, for messages ("front matter", "site.yaml").
    private let context: String
    private(set) var diagnostics: [Diagnostic] = []
    private var used: Set<String> = []

    init(_ node: YAMLNode, context: String) {
        self.file = node.location.file
        self.location = node.location
        self.pairs = node.pairs ?? []
        self.context = context
    }

    var keys: [String] { pairs.map(\.key) }

    mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Where a key was written (its key position), or the mapping's location when absent.
    func location(of key: String) -> SourceLocation {
        pairs.first { $0.key == key }?.keyLocation ?? location
    }

    /// Where each key's value was written, for later diagnostics.
    var valueLocations: [String: SourceLocation] {
        Dictionary(pairs.map { ($0.key, $0.value.location) }, uniquingKeysWith: { first, _ in first })
    }

    /// The raw node for `key`, treating an empty value as absent; reports a missing required field.
    ///
    /// Blank text (`""`, spaces, zero-width spaces and other invisible characters) counts as absent too, so a
    /// quoted empty value can never satisfy a required field or a privacy review.
    mutating func node(_ key: String, required: Bool = false, hint: String? = nil) -> YAMLNode? {
        used.insert(key)
        guard let pair = pairs.first(where: { $0.key == key }) else {
            if required {
                report(
                    .error(
                        .missingField, "missing required field '\(key)' in \(context)", at: location,
                        hint: hint ?? "add a line '\(key): …'"))
            }
            return nil
        }
        let node = pair.value
        guard !node.isNull, !Self.isBlankScalar(node) else {
            if required {
                report(
                    .error(
                        .missingField, "required field '\(key)' in \(context) is empty",
                        at: node.isNull ? pair.keyLocation : node.location,
                        hint: hint ?? "give '\(key)' a value, or fix the quotes around it"))
            }
            return nil
        }
        if Placeholder.isPlaceholder(node) {
            report(Placeholder.diagnostic(field: key, at: node.location))
            return nil
        }
        return node
    }

    /// Whether a node is text that holds nothing visible.
    static func isBlankScalar(_ node: YAMLNode) -> Bool {
        node.scalar.map { TextChecks.isBlank($0) } ?? false
    }

    /// Whether `key` holds a `TODO` placeholder (reported when the field is read).
    func isPlaceholder(_ key: String) -> Bool {
        pairs.first { $0.key == key }.map { Placeholder.isPlaceholder($0.value) } ?? false
    }

    /// A text field; numbers and booleans written without quotes are accepted as text.
    mutating func string(_ key: String, required: Bool = false, hint: String? = nil) -> String? {
        guard let node = node(key, required: required, hint: hint) else { return nil }
        return text(node, field: key)
    }

    /// Text from a node, reporting a located type error when it is a list or mapping.
    mutating func text(_ node: YAMLNode, field: String) -> String? {
        guard let value = node.scalar else {
            report(
                .error(
                    .wrongType, "'\(field)' should be text, not \(node.kindDescription)", at: node.location,
                    hint: "write it on one line after '\(field): '"))
            return nil
        }
        if Placeholder.isPlaceholder(value) {
            report(Placeholder.diagnostic(field: field, at: node.location))
            return nil
        }
        guard !TextChecks.isBlank(value) else { return nil }
        return value.trimmingWhitespaceAndNewlines()
    }

    /// A link address: web, e-mail, telephone or relative; `javascript:`, `data:` and other schemes are errors.
    mutating func url(_ key: String, required: Bool = false) -> String? {
        guard let value = string(key, required: required) else { return nil }
        guard ExternalURL.isSafe(value) else {
            report(
                .error(
                    .unsafeLink, "'\(key)' must be a web (https://…), e-mail or relative link", at: location(of: key),
                    hint: "links with other schemes, such as javascript: or data:, are never published"))
            return nil
        }
        return value
    }

    /// One of a fixed list of values; an unknown one is an error listing the allowed values.
    mutating func choice(_ key: String, from allowed: [String], required: Bool = false) -> String? {
        guard
            let node = node(
                key, required: required, hint: "add '\(key): …', one of: \(allowed.joined(separator: ", "))"),
            let value = text(node, field: key)
        else { return nil }
        return checkChoice(value, field: key, allowed: allowed, at: node.location)
    }

    /// Checks a value against a list, reporting an error with the allowed values and a did-you-mean.
    mutating func checkChoice(_ value: String, field: String, allowed: [String], at location: SourceLocation)
        -> String?
    {
        guard allowed.contains(value) else {
            report(
                .error(
                    .invalidValue,
                    "'\(value)' is not an allowed value for '\(field)'\(Suggestions.didYouMean(value, in: allowed))",
                    at: location, hint: "allowed values: \(allowed.joined(separator: ", "))"))
            return nil
        }
        return value
    }

    /// A list of text values; a single text value where a list is expected is an error with a hint.
    mutating func stringList(_ key: String, required: Bool = false) -> [Located<String>] {
        guard let node = node(key, required: required) else { return [] }
        guard let items = node.items else {
            report(
                .error(
                    .wrongType, "'\(key)' should be a list, not \(node.kindDescription)", at: node.location,
                    hint: "write it as [a, b] or as lines starting with '- '"))
            return []
        }
        return items.compactMap { item in
            guard !item.isNull, !Self.isBlankScalar(item) else {
                report(
                    .error(
                        .emptyListItem, "'\(key)' has an empty entry", at: item.location,
                        hint:
                            "remove the empty '- ' line, or write the missing value (a lone ~ or null means nothing in YAML)"
                    ))
                return nil
            }
            return text(item, field: key).map { Located($0, at: item.location) }
        }
    }

    /// A list of values each from a fixed list.
    mutating func choiceList(_ key: String, from allowed: [String]) -> [String] {
        stringList(key).compactMap { checkChoice($0.value, field: key, allowed: allowed, at: $0.location) }
    }

    /// A list of mappings (e.g. actions, speakers), each read by `read`.
    mutating func mappingList<T>(_ key: String, _ read: (inout FieldReader) -> T?) -> [T] {
        guard let node = node(key) else { return [] }
        guard let items = node.items else {
            report(
                .error(
                    .wrongType, "'\(key)' should be a list, not \(node.kindDescription)", at: node.location,
                    hint: "write each entry on lines starting with '- '"))
            return []
        }
        var results: [T] = []
        for item in items {
            guard item.pairs != nil else {
                report(
                    .error(
                        .wrongType, "each entry of '\(key)' should be a mapping of fields, not \(item.kindDescription)",
                        at: item.location))
                continue
            }
            var reader = FieldReader(item, context: "'\(key)' entry")
            if let value = read(&reader) { results.append(value) }
            diagnostics += reader.diagnostics
        }
        return results
    }

    /// A nested mapping read by `read`.
    mutating func mapping<T>(_ key: String, required: Bool = false, _ read: (inout FieldReader) -> T?) -> T? {
        guard let node = node(key, required: required) else { return nil }
        guard node.pairs != nil else {
            report(
                .error(
                    .wrongType, "'\(key)' should be a mapping of fields, not \(node.kindDescription)", at: node.location
                ))
            return nil
        }
        var reader = FieldReader(node, context: "'\(key)'")
        let value = read(&reader)
        diagnostics += reader.diagnostics
        return value
    }

    /// A whole number, optionally within a range.
    mutating func int(_ key: String, required: Bool = false, range: ClosedRange<Int>? = nil) -> Int? {
        guard let node = node(key, required: required), let value = text(node, field: key) else { return nil }
        guard let number = Int(value), range.map({ $0.contains(number) }) ?? true else {
            let bounds = range.map { " from \($0.lowerBound) to \($0.upperBound)" } ?? ""
            report(.error(.wrongType, "'\(key)' should be a whole number\(bounds), not '\(value)'", at: node.location))
            return nil
        }
        return number
    }

    /// A decimal number within a range.
    mutating func double(_ key: String, range: ClosedRange<Double>) -> Double? {
        guard let node = node(key), let value = text(node, field: key) else { return nil }
        guard let number = Double(value), range.contains(number) else {
            report(
                .error(
                    .wrongType,
                    "'\(key)' should be a number from \(range.lowerBound) to \(range.upperBound), not '\(value)'",
                    at: node.location))
            return nil
        }
        return number
    }

    /// `true` or `false`.
    mutating func bool(_ key: String) -> Bool? {
        guard let node = node(key), let value = text(node, field: key) else { return nil }
        switch value.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            report(.error(.wrongType, "'\(key)' should be true or false, not '\(value)'", at: node.location))
            return nil
        }
    }

    /// A date: `YYYY-MM-DD`, or `YYYY-MM` where month precision is allowed or required.
    mutating func date(_ key: String, required: Bool = false, precision: DatePrecision = .day) -> PartialDate? {
        guard let node = node(key, required: required, hint: precision.hint(key)) else { return nil }
        guard let value = text(node, field: key) else { return nil }
        return checkDate(value, field: key, precision: precision, at: node.location)
    }

    mutating func checkDate(
        _ value: String, field: String, precision: DatePrecision, at location: SourceLocation
    ) -> PartialDate? {
        guard let date = PartialDate(parsing: value) else {
            let (problem, hint) = DateAdvice.explain(value, field: field, precision: precision)
            report(
                .error(
                    .invalidDate, "'\(value)' is not a valid date for '\(field)'\(problem.map { ": \($0)" } ?? "")",
                    at: location, hint: hint))
            return nil
        }
        switch precision {
        case .day where !date.hasDay:
            report(
                .error(
                    .invalidDate, "'\(field)' needs a full date, not only a month", at: location,
                    hint: precision.hint(field)))
            return nil
        case .month where date.hasDay:
            report(
                .error(
                    .fullDateNotAllowed, "'\(field)' must give the month only: exact dates can help identify people",
                    at: location, hint: "write '\(field): \(date.monthOnly)'"))
            return nil
        default:
            return date
        }
    }

    /// Warnings for keys that were never read, with a did-you-mean over `known` keys.
    mutating func reportUnknownKeys(known extraKnown: [String] = []) {
        let known = used.union(extraKnown)
        for pair in pairs where !known.contains(pair.key) {
            report(
                .warning(
                    .unknownField,
                    "unknown field '\(pair.key)' in \(context)\(Suggestions.didYouMean(pair.key, in: known.sorted()))",
                    at: pair.keyLocation, hint: "it is ignored; check the spelling or remove it"))
        }
    }
}

/// Which date forms a field accepts.
enum DatePrecision: Sendable {
    case day, month, either

    func hint(_ field: String) -> String {
        switch self {
        case .day: "write dates as YYYY-MM-DD, e.g. '\(field): 2026-03-14'"
        case .month: "write the month only, as YYYY-MM, e.g. '\(field): 2026-03'"
        case .either: "write dates as YYYY-MM-DD or YYYY-MM"
        }
    }
}

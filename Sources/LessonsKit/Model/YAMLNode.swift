/// A parsed YAML value with the location of every node, detached from Yams so it is `Sendable` and cheap to pass on.
struct YAMLNode: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// A scalar's text; `isPlain` is false when it was quoted or a block scalar (so `"123"` stays text).
        case scalar(String, isPlain: Bool)
        case mapping([YAMLPair])
        case sequence([YAMLNode])
    }

    /// How a scalar was written, so that positions inside it can be placed in the file (`.plain` for mappings and sequences).
    enum ScalarStyle: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    let kind: Kind
    let location: SourceLocation
    let style: ScalarStyle

    init(_ kind: Kind, at location: SourceLocation, style: ScalarStyle = .plain) {
        self.kind = kind
        self.location = location
        self.style = style
    }

    /// The scalar text, or nil for mappings and sequences.
    var scalar: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }

    /// True for an empty plain scalar, `~` or `null`.
    var isNull: Bool {
        if case .scalar(let text, let isPlain) = kind, isPlain {
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }

    var pairs: [YAMLPair]? {
        if case .mapping(let pairs) = kind { return pairs }
        return nil
    }

    var items: [YAMLNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    /// The value for `key` in a mapping.
    subscript(key: String) -> YAMLNode? {
        pairs?.first { $0.key == key }?.value
    }

    /// A word for error messages: "text", "a list", "a mapping".
    var kindDescription: String {
        switch kind {
        case .scalar: return isNull ? "an empty value" : "text"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }
}

/// One `key: value` entry of a YAML mapping, with the key's own location.
struct YAMLPair: Sendable, Hashable {
    let key: String
    let keyLocation: SourceLocation
    let value: YAMLNode
}

/// A parsed YAML value with the location of every node, detached from Yams so it is `Sendable` and cheap to pass on.
public struct YAMLNode: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A scalar's text; `isPlain` is false when it was quoted or a block scalar (so `"123"` stays text).
        case scalar(String, isPlain: Bool)
        case mapping([YAMLPair])
        case sequence([YAMLNode])
    }

    /// How a scalar was written, so that positions inside it can be placed in the file (`.plain` for mappings and sequences).
    public enum ScalarStyle: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    public let kind: Kind
    public let location: SourceLocation
    public let style: ScalarStyle

    public init(_ kind: Kind, at location: SourceLocation, style: ScalarStyle = .plain) {
        self.kind = kind
        self.location = location
        self.style = style
    }

    /// The scalar text, or nil for mappings and sequences.
    public var scalar: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }

    /// True for an empty plain scalar, `~` or `null`.
    public var isNull: Bool {
        if case .scalar(let text, let isPlain) = kind, isPlain {
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }

    public var pairs: [YAMLPair]? {
        if case .mapping(let pairs) = kind { return pairs }
        return nil
    }

    public var items: [YAMLNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    /// The value for `key` in a mapping.
    public subscript(key: String) -> YAMLNode? {
        pairs?.first { $0.key == key }?.value
    }

    /// A word for error messages: "text", "a list", "a mapping".
    public var kindDescription: String {
        switch kind {
        case .scalar: return isNull ? "an empty value" : "text"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }
}

/// One `key: value` entry of a YAML mapping, with the key's own location.
public struct YAMLPair: Sendable, Hashable {
    public let key: String
    public let keyLocation: SourceLocation
    public let value: YAMLNode
}

/// A JSON value whose objects keep their keys in the order given, printed with two-space indents: readable, diffable
/// and byte-identical from run to run.
indirect enum JSONValue: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByIntegerLiteral
{
    case string(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)
    case array([JSONValue])
    case object([(String, JSONValue)])

    init(stringLiteral value: String) { self = .string(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(integerLiteral value: Int) { self = .integer(value) }

    static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

    /// The value printed as JSON, ending with a newline.
    var text: String { printed(indent: "") + "\n" }

    private func printed(indent: String) -> String {
        let inner = indent + "  "
        switch self {
        case .string(let value): return JSONText.string(value)
        case .integer(let value): return String(value)
        case .number(let value):
            return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .bool(let value): return value ? "true" : "false"
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            if items.allSatisfy({ if case .string = $0 { true } else { false } }) {
                let oneLine = "[" + items.map { $0.printed(indent: inner) }.joined(separator: ", ") + "]"
                if oneLine.count + indent.count < 100 { return oneLine }
            }
            return "[\n" + items.map { inner + $0.printed(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let pairs):
            guard !pairs.isEmpty else { return "{}" }
            return "{\n"
                + pairs.map { inner + JSONText.string($0.0) + ": " + $0.1.printed(indent: inner) }.joined(
                    separator: ",\n") + "\n\(indent)}"
        }
    }

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.text == rhs.text }
    func hash(into hasher: inout Hasher) { hasher.combine(text) }
}

/// What one front-matter field holds, as content-model.md describes it: the one description that `lessons new`,
/// `lessons schema` and the documentation share.
struct FieldSpec: Sendable {
    /// The kind of value a field takes.
    indirect enum Value: Sendable {
        case text(maxLength: Int? = nil)
        case url
        case date(DatePrecision)
        case choice([String])
        case choiceList([String])
        /// One document id.
        case reference
        /// A list of document ids.
        case referenceList(minimum: Int)
        case textList(minimum: Int? = nil, maximum: Int? = nil)
        case integer(ClosedRange<Int>)
        case number(ClosedRange<Double>)
        case boolean
        /// A mapping with exactly these keys.
        case mapping([FieldSpec])
        /// A list of mappings with these keys.
        case mappingList([FieldSpec])
        /// A mapping whose keys are free and whose values are `value`.
        case openMapping(of: Value)
        /// A list of values of one kind (e.g. search synonyms: a list of lists of words).
        case list(of: Value)
        /// Any one of several forms (e.g. `attendance`: a number, or a mapping with a total).
        case anyOf([Value])
    }

    /// Whether a document must give the field.
    enum Requirement: Sendable, Hashable {
        case required
        /// Required in common cases (said in the text); `lessons new` writes a placeholder for it.
        case expected(String)
        /// Required only when something else holds (said in the text); `lessons new` writes it as a comment.
        case conditional(String)
        case optional
    }

    let name: String
    let value: Value
    let requirement: Requirement
    /// One sentence for editors, shown in the schema's hover text and in docs.
    let description: String
    /// An example value as YAML, written after the field in `lessons new` comments.
    let example: String?

    init(
        _ name: String, _ value: Value, _ requirement: Requirement = .optional, _ description: String,
        example: String? = nil
    ) {
        self.name = name
        self.value = value
        self.requirement = requirement
        self.description = description
        self.example = example
    }

    var isRequired: Bool { requirement == .required }
}

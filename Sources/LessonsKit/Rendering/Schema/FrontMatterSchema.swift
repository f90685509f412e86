/// JSON Schema (draft 2020-12) for one document type's front matter, made from the content model.
struct FrontMatterSchema {
    static let dialect = "https://json-schema.org/draft/2020-12/schema"
    static let idPattern = "^[A-Za-z][A-Za-z0-9-]*$"
    static let dayPattern = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
    static let monthPattern = "^[0-9]{4}-(0[1-9]|1[0-2])$"
    /// `TODO` placeholders are left for `lessons check` to report; the schema rejects them like any other wrong value.

    let type: DocumentType
    let site: SiteVocabularies
    let idPatternText: String

    func schema() -> JSONValue {
        let fields = ContentModel.fields(for: type, site: site)
        var pairs: [(String, JSONValue)] = [
            ("$schema", .string(Self.dialect)),
            ("$id", .string("\(type.folder).schema.json")),
            ("title", .string("\(type.displayName) front matter")),
            (
                "description",
                .string(
                    "Front matter of a file in content/\(type.folder)/. \(type.introduction) New ids follow \(idPatternText)."
                )
            ),
        ]
        pairs += Self.object(fields)
        let conditions = conditions()
        if !conditions.isEmpty { pairs.append(("allOf", .array(conditions))) }
        return .object(pairs)
    }

    /// `type`, `properties`, `required` and `additionalProperties: false` (so a misspelt field is flagged).
    static func object(_ fields: [FieldSpec]) -> [(String, JSONValue)] {
        var pairs: [(String, JSONValue)] = [
            ("type", "object"), ("properties", .object(fields.map { ($0.name, property($0)) })),
        ]
        let required = fields.filter(\.isRequired).map(\.name)
        if !required.isEmpty { pairs.append(("required", .strings(required))) }
        pairs.append(("additionalProperties", false))
        return pairs
    }

    static func property(_ field: FieldSpec) -> JSONValue {
        var description = field.description
        switch field.requirement {
        case .expected(let note), .conditional(let note):
            if !description.contains(note) { description += " (\(note.prefix(1).uppercased() + note.dropFirst()).)" }
        case .required, .optional: break
        }
        return .object([("description", .string(description))] + value(field.value))
    }

    static func value(_ value: FieldSpec.Value) -> [(String, JSONValue)] {
        switch value {
        case .text(let maxLength):
            return [("type", "string"), ("minLength", 1)] + (maxLength.map { [("maxLength", .integer($0))] } ?? [])
        case .url:
            return [
                ("type", "string"), ("minLength", 1),
                ("not", .object([("pattern", "^\\s*(javascript|data|vbscript|file):")])),
            ]
        case .date(let precision):
            switch precision {
            case .day: return [("type", "string"), ("pattern", .string(dayPattern))]
            case .month: return [("type", "string"), ("pattern", .string(monthPattern))]
            case .either:
                return [
                    ("type", "string"),
                    (
                        "anyOf",
                        .array([
                            .object([("pattern", .string(dayPattern))]), .object([("pattern", .string(monthPattern))]),
                        ])
                    ),
                ]
            }
        case .choice(let values): return [("type", "string"), ("enum", .strings(values))]
        case .choiceList(let values):
            return [
                ("type", "array"), ("items", .object([("type", "string"), ("enum", .strings(values))])),
                ("uniqueItems", true),
            ]
        case .reference: return [("type", "string"), ("pattern", .string(idPattern))]
        case .referenceList(let minimum):
            return [("type", "array"), ("items", .object([("type", "string"), ("pattern", .string(idPattern))]))]
                + (minimum > 0 ? [("minItems", .integer(minimum))] : [])
        case .textList(let minimum, let maximum):
            var pairs: [(String, JSONValue)] = [
                ("type", "array"), ("items", .object([("type", "string"), ("minLength", 1)])),
            ]
            if let minimum { pairs.append(("minItems", .integer(minimum))) }
            if let maximum { pairs.append(("maxItems", .integer(maximum))) }
            return pairs
        case .integer(let range):
            return [
                ("type", "integer"), ("minimum", .integer(range.lowerBound)), ("maximum", .integer(range.upperBound)),
            ]
        case .number(let range):
            return [("type", "number"), ("minimum", .number(range.lowerBound)), ("maximum", .number(range.upperBound))]
        case .boolean: return [("type", "boolean")]
        case .mapping(let fields): return object(fields)
        case .mappingList(let fields): return [("type", "array"), ("items", .object(object(fields)))]
        case .openMapping(let inner): return [("type", "object"), ("additionalProperties", .object(self.value(inner)))]
        case .list(let inner): return [("type", "array"), ("items", .object(self.value(inner)))]
        case .anyOf(let values): return [("anyOf", .array(values.map { .object(self.value($0)) }))]
        }
    }

    /// Rules that depend on other fields: harm for patient-safety incidents, duty of candour, every dimension of a culture framework.
    private func conditions() -> [JSONValue] {
        switch type {
        case .incident:
            let serious = JSONValue.object([("enum", .strings(["moderate", "severe", "fatal"]))])
            return [
                .object([
                    (
                        "if",
                        .object([
                            ("properties", .object([("source", .object([("const", "patient-safety-incident")]))])),
                            ("required", .strings(["source"])),
                        ])
                    ),
                    ("then", .object([("required", .strings(["harm"]))])),
                ]),
                .object([
                    (
                        "if",
                        .object([
                            (
                                "anyOf",
                                .array([
                                    .object([
                                        ("properties", .object([("harm", serious)])), ("required", .strings(["harm"])),
                                    ]),
                                    .object([
                                        ("properties", .object([("psychological_harm", serious)])),
                                        ("required", .strings(["psychological_harm"])),
                                    ]),
                                ])
                            )
                        ])
                    ), ("then", .object([("required", .strings(["duty_of_candour"]))])),
                ]),
            ]
        case .culture:
            return site.frameworks.keys.sorted().compactMap { key in
                guard let framework = site.frameworks[key] else { return nil }
                let chosen: JSONValue =
                    key == "mapsaf"
                    ? .object([
                        (
                            "anyOf",
                            .array([
                                .object([("not", .object([("required", .strings(["framework"]))]))]),
                                .object([("properties", .object([("framework", .object([("const", "mapsaf")]))]))]),
                            ])
                        )
                    ])
                    : .object([
                        ("properties", .object([("framework", .object([("const", .string(key))]))])),
                        ("required", .strings(["framework"])),
                    ])
                let levels = JSONValue.object([
                    (
                        "properties",
                        .object([
                            (
                                "levels",
                                .object([
                                    ("required", .strings(framework.dimensions.map(\.slug))),
                                    ("propertyNames", .object([("enum", .strings(framework.dimensions.map(\.slug)))])),
                                    ("additionalProperties", .object([("enum", .strings(framework.levels))])),
                                ])
                            )
                        ])
                    )
                ])
                return .object([("if", chosen), ("then", levels)])
            }
        default:
            return []
        }
    }
}

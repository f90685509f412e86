import Foundation

/// Writes the Markdown file `lessons new` creates: every required field filled in or marked `TODO` with a note saying
/// what goes there, optional fields as comments, and the type's body headings with one-line prompts.
struct NewDocumentTemplate: Sendable {
    let type: DocumentType
    let id: String
    let title: String
    let today: PartialDate
    let service: String?
    /// The next bulletin issue number (bulletins only).
    let issue: Int?
    let site: SiteVocabularies

    /// The whole file.
    func render() -> String {
        let fields = ContentModel.fields(for: type, site: site)
        let filled = fields.filter { isFilled($0) }
        var lines = ["---"] + filled.flatMap(self.lines(for:))
        lines.append("# Optional fields: remove the '# ' in front of one to use it.")
        lines += fields.filter { !isFilled($0) }.flatMap(self.lines(for:))
        lines.append("---")
        for section in BodyOutline.sections(for: type) {
            lines += ["", "## \(section.heading)", "", "\(Placeholder.marker): \(section.prompt)"]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Whether the field is written out (filled in or a placeholder) rather than as a comment.
    private func isFilled(_ field: FieldSpec) -> Bool {
        switch field.name {
        case "id", "title", "levels": return true
        case "date": return type != .page
        case "service" where service != nil: return true
        default:
            switch field.requirement {
            case .required, .expected: return true
            case .conditional, .optional: return false
            }
        }
    }

    private func lines(for field: FieldSpec) -> [String] {
        switch field.name {
        case "id": return ["id: \(id)"]
        case "title": return ["title: \(YAMLText.scalar(title))"]
        case "date":
            return [
                type == .page
                    ? "# date: \(today)"
                    : "date: \(type.usesMonthPrecision ? today.monthOnly.description : today.description)"
            ]
        case "service" where service != nil: return ["service: \(service ?? "")"]
        case "issue" where issue != nil: return ["issue: \(issue ?? 1)"]
        case "levels": return levelLines(field)
        default: break
        }
        switch field.requirement {
        case .required, .expected: return placeholder(field, indent: "")
        case .conditional, .optional: return [commented(field, indent: "")]
        }
    }

    /// `name: TODO  # what goes there`, or the nested form for lists and mappings.
    private func placeholder(_ field: FieldSpec, indent: String) -> [String] {
        let note = "  # " + guidance(field)
        switch field.value {
        case .choiceList, .textList, .referenceList:
            var count = 1
            if case .referenceList(let minimum) = field.value { count = max(1, minimum) }
            return ["\(indent)\(field.name):" + note]
                + Array(repeating: "\(indent)  - \(Placeholder.marker)", count: count)
        case .mapping(let fields):
            return ["\(indent)\(field.name):" + note]
                + fields.flatMap { sub -> [String] in
                    sub.isRequired ? placeholder(sub, indent: indent + "  ") : [commented(sub, indent: indent + "  ")]
                }
        default:
            return ["\(indent)\(field.name): \(Placeholder.marker)" + note]
        }
    }

    /// `# name: example  # what it is`
    private func commented(_ field: FieldSpec, indent: String) -> String {
        "\(indent)# \(field.name): \(example(field))  # \(guidance(field))"
    }

    private func levelLines(_ field: FieldSpec) -> [String] {
        let key = site.frameworks["mapsaf"] != nil ? "mapsaf" : (site.frameworks.keys.sorted().first ?? "mapsaf")
        guard let framework = site.frameworks[key] else { return placeholder(field, indent: "") }
        let levels = framework.levels.joined(separator: ", ")
        return ["levels:  # " + field.description]
            + framework.dimensions.map {
                "  \($0.slug): \(Placeholder.marker)  # \(levels): \($0.title)"
            }
    }

    private func guidance(_ field: FieldSpec) -> String {
        var text = field.description
        if case .conditional(let when) = field.requirement, !text.contains(when) { text += " Required \(when)." }
        switch field.value {
        case .choice(let values), .choiceList(let values):
            if values.count <= 12 {
                text += " One of: \(values.joined(separator: ", "))."
            }
        default: break
        }
        return text
    }

    private func example(_ field: FieldSpec) -> String {
        if let example = field.example { return example }
        switch field.value {
        case .date(let precision): return precision == .month ? today.monthOnly.description : today.description
        case .choice(let values): return values.first ?? "…"
        case .choiceList(let values): return "[" + (values.first ?? "…") + "]"
        case .reference: return (id.split(separator: "-").first.map(String.init) ?? "ID") + "-…"
        case .referenceList: return "[LL-…]"
        case .textList: return "[…]"
        case .boolean: return "true"
        case .integer(let range): return String(range.lowerBound)
        case .mappingList where field.name == "actions":
            let due = PartialDate(year: today.year + 1, month: today.month, day: 1)
            return "[{ id: A1, action: …, owner: \"Role, Team\", due: \(due), status: open }]"
        case .mappingList, .mapping, .openMapping, .anyOf, .list, .text, .url, .number: return "…"
        }
    }
}

/// YAML text as `lessons new` writes it: plain when that reads back unchanged, else double-quoted.
enum YAMLText {
    static func scalar(_ text: String) -> String {
        let special: Set<Character> = [
            ":", "#", "[", "]", "{", "}", ",", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`", "\\",
        ]
        let reserved = ["true", "false", "yes", "no", "on", "off", "null", "~"]
        if let first = text.first, first.isLetter, !text.contains(where: { special.contains($0) || $0.isNewline }),
            text.trimmingCharacters(in: .whitespaces) == text, !reserved.contains(text.lowercased()),
            !Placeholder.isPlaceholder(text)
        {
            return text
        }
        // JSON string syntax is valid YAML double-quoted syntax.
        return JSONText.string(text)
    }
}

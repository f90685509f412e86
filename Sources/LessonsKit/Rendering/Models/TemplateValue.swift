import Mustache

/// A page: the keys every page template receives (`chrome`) and the page's own model (`body`), looked up body first.
struct Page<Body> {
    let chrome: PageChrome
    let body: Body
}

/// The model of a page that has only the common keys (`404.html`).
struct NoBody {}

/// What Mustache reads: a typed model turned, once per render, into named values it can look up without reflection.
///
/// swift-mustache reads a struct's properties with `Mirror` on every `{{key}}`, which made a build two to three times
/// slower than with dictionaries (measured on the 1,000-document corpus). So `TemplateSet.render` reflects each model
/// once, here, into this `MustacheParent`; the models themselves stay typed structs. An optional that is nil is left
/// out, so Mustache looks further up its context, exactly as for a missing key.
struct TemplateValue: MustacheParent {
    let names: [String]
    let values: [Any]

    func child(named name: String) -> Any? {
        names.firstIndex(of: name).map { values[$0] }
    }

    /// The value as Mustache should see it: structs become `TemplateValue`s, arrays their converted elements, a nil
    /// optional nil; strings, numbers, booleans and dictionaries stay as they are.
    static func convert(_ value: Any) -> Any? {
        // Most values are plain strings, flags and numbers: recognise them by type before any cast or `Mirror`.
        let type = ObjectIdentifier(Swift.type(of: value))
        if leafTypes.contains(type) { return value }
        if let fast = fastFields(for: type) { return fast(value) }
        switch value {
        case is String, is Bool, is Int, is [String], is [String: String], is HTMLFragment: return value
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { convert($0.value) }
        case .struct, .class:
            return fields(of: mirror)
        case .collection:
            return mirror.children.compactMap { convert($0.value) }
        default:
            return value
        }
    }

    /// Types Mustache reads as they are (optionals of them included: Mustache unwraps a present one itself).
    private static let leafTypes: Set<ObjectIdentifier> = [
        ObjectIdentifier(String.self), ObjectIdentifier(Bool.self), ObjectIdentifier(Int.self),
        ObjectIdentifier([String].self), ObjectIdentifier([String: String].self), ObjectIdentifier(HTMLFragment.self),
    ]

    /// The model of a whole page (`Page`), or any other model.
    static func convertModel(_ value: Any) -> Any? {
        if let page = value as? any PageValue { return page.templateValue }
        return convert(value)
    }

    /// A struct's fields: from its hand-written list when it has one (below), else by reflection.
    static func fields(of model: Any) -> TemplateValue {
        fastFields(for: ObjectIdentifier(Swift.type(of: model)))?(model) ?? fields(of: Mirror(reflecting: model))
    }

    static func fields(of mirror: Mirror) -> TemplateValue {
        var names: [String] = []
        var values: [Any] = []
        for child in mirror.children {
            guard let name = child.label, let converted = convert(child.value) else { continue }
            names.append(name)
            values.append(converted)
        }
        return TemplateValue(names: names, values: values)
    }

    /// `first` then `second`, the first one's keys winning.
    static func merging(_ first: TemplateValue, _ second: TemplateValue) -> TemplateValue {
        TemplateValue(names: first.names + second.names, values: first.values + second.values)
    }
}

/// A page, whose body and chrome Mustache sees as one level of keys.
protocol PageValue {
    var templateValue: TemplateValue { get }
}

extension Page: PageValue {
    var templateValue: TemplateValue {
        TemplateValue.merging(TemplateValue.fields(of: body), TemplateValue.fields(of: chrome))
    }
}

/// Hand-written field lists for the models Mustache reads most often (page chrome, cards, links, action rows), so
/// that `TemplateValue.convert` needs no `Mirror` for them: reflection looks up each field's type by its mangled name
/// on every call, which made converting models the largest single cost of rendering.
///
/// Each list holds every stored property in declaration order, exactly as `Mirror` would see it; a nil optional is
/// left out, as for reflected models. Debug builds check each list against `Mirror` on every conversion, so a field
/// added to one of these models and not here fails the tests that render it.
extension TemplateValue {
    typealias Fields = KeyValuePairs<String, Any?>

    /// The converter of a model type that has a hand-written field list, if any.
    static func fastFields(for type: ObjectIdentifier) -> (@Sendable (Any) -> TemplateValue?)? {
        fastFieldTable[type]
    }

    private static let fastFieldTable: [ObjectIdentifier: @Sendable (Any) -> TemplateValue?] = Dictionary(
        uniqueKeysWithValues: [
            entry(PageChrome.self) {
                [
                    "lang": $0.lang, "csp": $0.csp, "pageTitle": $0.pageTitle, "site": $0.site, "assets": $0.assets,
                    "feeds": $0.feeds, "nav": $0.nav, "breadcrumbs": $0.breadcrumbs, "heading": $0.heading,
                    "edition": $0.edition, "generatedOn": $0.generatedOn, "isDraftBuild": $0.isDraftBuild,
                ]
            },
            entry(SiteChrome.self) {
                [
                    "title": $0.title, "organisation": $0.organisation, "homeHref": $0.homeHref, "links": $0.links,
                    "search": $0.search,
                ]
            },
            entry(ChromeLink.self) { ["title": $0.title, "href": $0.href, "isExternal": $0.isExternal] },
            entry(SearchLink.self) { ["href": $0.href] },
            entry(NavLink.self) { ["title": $0.title, "href": $0.href, "isCurrent": $0.isCurrent] },
            entry(EditionChrome.self) { ["name": $0.name, "title": $0.title, "isDefault": $0.isDefault] },
            entry(PageLink.self) { ["title": $0.title, "href": $0.href] },
            entry(Card.self) {
                [
                    "title": $0.title, "href": $0.href, "typeName": $0.typeName, "isDraft": $0.isDraft,
                    "themes": $0.themes, "meta": $0.meta, "dateText": $0.dateText, "summary": $0.summary,
                    "keyMessages": $0.keyMessages, "location": $0.location, "formatText": $0.formatText,
                    "facilitator": $0.facilitator,
                ]
            },
            entry(Card.Meta.self) { ["label": $0.label, "value": $0.value] },
            entry(ThemeLink.self) { ["title": $0.title, "href": $0.href, "slug": $0.slug] },
            entry(DocumentLink.self) {
                ["title": $0.title, "href": $0.href, "typeName": $0.typeName, "dateText": $0.dateText]
            },
            entry(LinkedText.self) { ["text": $0.text, "href": $0.href] },
            entry(LabelledCount.self) {
                ["label": $0.label, "text": $0.text, "href": $0.href, "typeSlug": $0.typeSlug, "isAlert": $0.isAlert]
            },
            entry(Fact.self) { ["label": $0.label, "value": $0.value, "items": $0.items] },
            entry(ActionRow.self) {
                [
                    "id": $0.id, "action": $0.action, "owner": $0.owner, "dueText": $0.dueText,
                    "statusText": $0.statusText, "statusClass": $0.statusClass, "isOverdue": $0.isOverdue,
                    "strengthText": $0.strengthText, "evidence": $0.evidence, "reason": $0.reason,
                    "completedText": $0.completedText, "documentId": $0.documentId,
                    "documentTitle": $0.documentTitle, "documentHref": $0.documentHref,
                    "serviceText": $0.serviceText, "hasEvidence": $0.hasEvidence,
                ]
            },
        ])

    private static func entry<Model>(_ type: Model.Type, _ list: @escaping @Sendable (Model) -> Fields) -> (
        ObjectIdentifier, @Sendable (Any) -> TemplateValue?
    ) {
        (
            ObjectIdentifier(type),
            { value in
                guard let model = value as? Model else { return nil }
                let converted = make(list(model))
                assert(converted.names == fields(of: Mirror(reflecting: model)).names, "stale field list: \(type)")
                return converted
            }
        )
    }

    private static func make(_ fields: Fields) -> TemplateValue {
        var names: [String] = []
        var values: [Any] = []
        names.reserveCapacity(fields.count)
        values.reserveCapacity(fields.count)
        for (name, value) in fields {
            guard let value, let converted = convert(value) else { continue }
            names.append(name)
            values.append(converted)
        }
        return TemplateValue(names: names, values: values)
    }
}

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
/// slower than with dictionaries (measured on the 1,000-document corpus). So `TemplateSet.render` converts each model
/// once, here, into this `MustacheParent`, from the model's hand-written field list (`TemplateFields`); the models
/// themselves stay typed structs. An optional that is nil is left out, so Mustache looks further up its context,
/// exactly as for a missing key.
struct TemplateValue: MustacheParent {
    let names: [String]
    let values: [Any]

    func child(named name: String) -> Any? {
        if let index = names.firstIndex(of: name) { return values[index] }
        // A rewritten partial call asks the item (`.lessonsPartial.card`) or the page's root (`.lessonsPage.header`)
        // for its fragment, a rewritten section the context's top for its items' (`.lessonsJoin.items.card`); each
        // lookup is answered only where it was meant to be made.
        let isRoot = names.last == RecordingTemplate.literalName
        switch name {
        case PartialFragmentRewrite.lookupName where !isRoot: return FragmentLookup(item: self, page: false)
        case PartialFragmentRewrite.pageLookupName where isRoot: return FragmentLookup(item: self, page: true)
        case PartialFragmentRewrite.joinName: return JoinedFragmentLookup(owner: self)
        default: return nil
        }
    }

    /// The value as Mustache should see it: models become `TemplateValue`s, arrays their converted elements, a nil
    /// optional nil, strings `TemplateText`s; numbers, booleans, dictionaries, HTML fragments and ``LazyRows`` (converted
    /// as they are looked up) stay as they are.
    static func convert(_ value: Any) -> Any? {
        // Most values are plain strings, flags and numbers: recognise them by type before any cast.
        let type = Swift.type(of: value)
        if type == String.self, let text = value as? String { return TemplateText(text) }
        if type == [String].self, let texts = value as? [String] { return texts.map(TemplateText.init) }
        if leafTypes.contains(ObjectIdentifier(type)) { return value }
        if let model = value as? any TemplateFields { return fields(of: model) }
        if let sequence = value as? any TemplateSequence { return sequence.convertedElements }
        switch value {
        case is Bool, is Int, is [String: String], is HTMLFragment, is LazyRows: return value
        default: break
        }
        return reflected(value)
    }

    /// Types Mustache reads as they are (optionals of them included: Mustache unwraps a present one itself).
    private static let leafTypes: Set<ObjectIdentifier> = [
        ObjectIdentifier(Bool.self), ObjectIdentifier(Int.self), ObjectIdentifier([String: String].self),
        ObjectIdentifier(HTMLFragment.self),
    ]

    /// A value of a type without a field list, read with `Mirror`. Every model has a list, so debug builds stop here
    /// when one is missing; release builds still render it correctly, only slower.
    private static func reflected(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { convert($0.value) }
        case .struct, .class:
            assertionFailure("no TemplateFields list for \(Swift.type(of: value))")
            return fields(of: mirror)
        case .collection:
            return mirror.children.compactMap { convert($0.value) }
        default:
            return value
        }
    }

    /// The model of a whole page (`Page`), or any other model.
    static func convertModel(_ value: Any) -> Any? {
        if let page = value as? any PageValue { return page.templateValue }
        return convert(value)
    }

    /// A model's fields, converted, from its hand-written list (debug builds check the list against `Mirror`).
    static func fields(of model: any TemplateFields) -> TemplateValue {
        let fields = model.templateFields
        var names: [String] = []
        var values: [Any] = []
        names.reserveCapacity(fields.count)
        values.reserveCapacity(fields.count)
        for (name, value) in fields {
            guard let value, let converted = convert(value) else { continue }
            names.append(name)
            values.append(converted)
        }
        assert(
            fields.map(\.key) == Mirror(reflecting: model).children.map { $0.label ?? "" },
            "stale TemplateFields list: \(Swift.type(of: model))")
        return TemplateValue(names: names, values: values)
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

/// A model Mustache reads: its stored properties by name, written out so that no `Mirror` runs while rendering
/// (reflection looks up each field's type by its mangled name on every call, which made converting models the largest
/// single cost of rendering).
///
/// The list holds every stored property in declaration order, exactly as `Mirror` would list them; a nil optional is
/// left out when converting. Debug builds compare each list with `Mirror` on every conversion, so a field added to a
/// model and not to its list fails every test that renders it.
protocol TemplateFields {
    /// Every stored property, by name, in declaration order.
    var templateFields: TemplateValue.Fields { get }
}

extension TemplateValue {
    /// A model's fields: name and value, a nil optional as nil.
    typealias Fields = KeyValuePairs<String, Any?>
}

/// A sequence Mustache loops over: its elements converted one by one.
protocol TemplateSequence {
    var convertedElements: [Any] { get }
}

extension Array: TemplateSequence {
    var convertedElements: [Any] { compactMap { TemplateValue.convert($0) } }
}

/// A page, whose body and chrome Mustache sees as one level of keys.
protocol PageValue {
    var templateValue: TemplateValue { get }
}

extension Page: PageValue {
    var templateValue: TemplateValue {
        let body = TemplateValue.convert(body) as? TemplateValue ?? TemplateValue(names: [], values: [])
        return TemplateValue.merging(body, TemplateValue.fields(of: chrome))
    }
}

extension NoBody: TemplateFields {
    var templateFields: TemplateValue.Fields { [:] }
}

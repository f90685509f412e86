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
    private let names: [String]
    private let values: [Any]

    func child(named name: String) -> Any? {
        names.firstIndex(of: name).map { values[$0] }
    }

    /// The value as Mustache should see it: structs become `TemplateValue`s, arrays their converted elements, a nil
    /// optional nil; strings, numbers, booleans and dictionaries stay as they are.
    static func convert(_ value: Any) -> Any? {
        // Most values are plain strings, flags and numbers: recognise them by type before any cast or `Mirror`.
        let type = ObjectIdentifier(Swift.type(of: value))
        if leafTypes.contains(type) { return value }
        switch value {
        case is String, is Bool, is Int, is [String], is [String: String]: return value
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
        ObjectIdentifier([String].self), ObjectIdentifier([String: String].self),
    ]

    /// The model of a whole page (`Page`), or any other model.
    static func convertModel(_ value: Any) -> Any? {
        if let page = value as? any PageValue { return page.templateValue }
        return convert(value)
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
        TemplateValue.merging(
            TemplateValue.fields(of: Mirror(reflecting: body)), TemplateValue.fields(of: Mirror(reflecting: chrome)))
    }
}

import Mustache

/// A page: the keys every page template receives (`chrome`) and the page's own model (`body`), looked up body first.
///
/// Both halves are typed structs; this type only tells Mustache to look in both, as one level of the context.
struct Page<Body>: MustacheParent {
    let chrome: PageChrome
    let body: Body

    func child(named name: String) -> Any? {
        TemplateLookup.property(name, of: body) ?? TemplateLookup.property(name, of: chrome)
    }
}

/// The model of a page that has only the common keys (`404.html`).
struct NoBody {}

/// Reads a stored property of a model by name, as Mustache does, unwrapping optionals (nil means "not here", so
/// Mustache keeps looking further up its context stack).
enum TemplateLookup {
    static func property(_ name: String, of model: Any) -> Any? {
        guard let value = Mirror(reflecting: model).children.first(where: { $0.label == name })?.value else {
            return nil
        }
        return unwrap(value)
    }

    static func unwrap(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.flatMap { unwrap($0.value) }
    }
}

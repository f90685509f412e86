import Mustache

/// A string value as Mustache reads it: rendered as its text, HTML-escaped by `{{name}}` and as written by `{{{name}}}`.
///
/// For a plain `String`, swift-mustache tries a template, a custom renderable, a lambda and an optional before falling
/// back to `String(describing:)`, and a lookup inside `{{#name}}` of a string reflects the string with `Mirror`. This
/// box answers the second cast, and as a `MustacheParent` with no children sends lookups inside its section straight up
/// the context, as a `String` does (a string has no named children). Transforms (`empty(.)`…) are the string's own.
struct TemplateText: MustacheCustomRenderable, MustacheParent, MustacheTransformable {
    let text: String

    init(_ text: String) { self.text = text }

    var renderText: String { text }
    var isNull: Bool { false }

    func child(named: String) -> Any? { nil }

    func transform(_ name: String) -> Any? { text.transform(name) }
}

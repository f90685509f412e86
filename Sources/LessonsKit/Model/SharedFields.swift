/// A value type's fields in one immutable class box: copying the value (into every analysis list and page model that
/// carries it) copies one reference instead of every field. ``Document`` and ``Action`` keep theirs in one.
final class SharedFields<Fields: Sendable>: Sendable {
    let fields: Fields

    init(fields: Fields) { self.fields = fields }
}

/// A value read from a site file together with where it was written.
struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    let value: Value
    let location: SourceLocation

    init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

import Synchronization

/// A value computed the first time it is read, then kept: an edition's aggregates that no page of a build needs (the
/// pages reading them were taken from the last build, see `AggregateInputs`) are never computed.
final class Deferred<Value: Sendable>: Sendable {
    private let make: @Sendable () -> Value
    private let state = Mutex<Value?>(nil)

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    /// The value, computed on the first read (one reader computes it; the others wait for it).
    var value: Value {
        state.withLock { stored in
            if let stored { return stored }
            let value = make()
            stored = value
            return value
        }
    }
}

/// Bytes written and files kept from the previous output, summed over the writer's parallel batches.
struct WriteTally: AdditiveArithmetic, Sendable {
    var bytes = 0
    var kept = 0

    static let zero = WriteTally()

    static func + (lhs: WriteTally, rhs: WriteTally) -> WriteTally {
        WriteTally(bytes: lhs.bytes + rhs.bytes, kept: lhs.kept + rhs.kept)
    }

    static func - (lhs: WriteTally, rhs: WriteTally) -> WriteTally {
        WriteTally(bytes: lhs.bytes - rhs.bytes, kept: lhs.kept - rhs.kept)
    }
}

import Dispatch
import Foundation

/// Per-batch results of a `concurrentPerform`, each batch stored once under a lock and read after all finished.
final class BatchResults<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var batches: [[Value]]

    init(count: Int) { batches = Array(repeating: [], count: count) }

    func set(_ index: Int, _ values: [Value]) {
        lock.lock()
        batches[index] = values
        lock.unlock()
    }

    func joined() -> [Value] {
        lock.lock()
        defer { lock.unlock() }
        return batches.flatMap { $0 }
    }

    /// `transform` of each item, in order, worked out in batches of `batch` items on every core.
    static func map<Item: Sendable>(_ items: [Item], batch: Int, _ transform: @Sendable (Item) -> Value) -> [Value] {
        let count = (items.count + batch - 1) / batch
        guard count > 1 else { return items.map(transform) }
        let results = BatchResults(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.set(index, items[index * batch..<min(items.count, (index + 1) * batch)].map(transform))
        }
        return results.joined()
    }
}

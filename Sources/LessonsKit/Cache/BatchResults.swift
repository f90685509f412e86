import Dispatch
import Synchronization

/// A map worked out in batches on every core, with its results in the items' order (the counterpart of
/// `OutputBatches.sum` for work that returns values rather than totals).
enum BatchResults {
    /// `transform` of each item, in order, worked out in batches of `batch` items on every core.
    static func map<Item: Sendable, Value: Sendable>(
        _ items: [Item], batch: Int, _ transform: @Sendable (Item) -> Value
    ) -> [Value] {
        let count = (items.count + batch - 1) / batch
        guard count > 1 else { return items.map(transform) }
        // One entry per batch, each set once by the batch that made it.
        let batches = Mutex([[Value]](repeating: [], count: count))
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let values = items[index * batch..<min(items.count, (index + 1) * batch)].map(transform)
            batches.withLock { $0[index] = values }
        }
        return batches.withLock { $0.flatMap { $0 } }
    }
}

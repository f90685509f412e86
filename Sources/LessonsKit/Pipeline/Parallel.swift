import Foundation

/// Maps `transform` over `items` on all cores in a few chunks, returning results in input order.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], jobs: Int? = nil, _ transform: @escaping @Sendable (T) -> R)
    async -> [R]
{
    let workers = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
    guard items.count > 1, workers > 1 else { return items.map(transform) }
    let chunkSize = max(1, (items.count + workers * 4 - 1) / (workers * 4))
    return await withTaskGroup(of: (Int, [R]).self) { group in
        for (index, start) in stride(from: 0, to: items.count, by: chunkSize).enumerated() {
            let chunk = Array(items[start..<min(start + chunkSize, items.count)])
            group.addTask { (index, chunk.map(transform)) }
        }
        var results: [(Int, [R])] = []
        for await result in group { results.append(result) }
        return results.sorted { $0.0 < $1.0 }.flatMap(\.1)
    }
}

/// Calls `body` with each index of `weights`, each call a task of its own, the heaviest first (ties in index order):
/// among many small pages a few large ones (a directorate's page lists thousands of cards) then start at once instead
/// of late in a chunk of others, where the largest would be left running alone at the end.
func heaviestFirst(_ weights: [Int], jobs: Int? = nil, _ body: @escaping @Sendable (Int) -> Void) async {
    let order = weights.indices.sorted { weights[$0] != weights[$1] ? weights[$0] > weights[$1] : $0 < $1 }
    guard max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount) > 1 else { return order.forEach(body) }
    await withTaskGroup(of: Void.self) { group in
        for index in order { group.addTask { body(index) } }
    }
}

/// Maps with at most `limit` tasks at once, returning results in input order.
func boundedMap<T: Sendable, R: Sendable>(_ items: [T], limit: Int, _ transform: @escaping @Sendable (T) async -> R)
    async -> [R]
{
    await withTaskGroup(of: (Int, R).self) { group in
        var results: [(Int, R)] = []
        var next = 0
        while next < min(limit, items.count) {
            let index = next
            let item = items[index]
            group.addTask { (index, await transform(item)) }
            next += 1
        }
        while let result = await group.next() {
            results.append(result)
            if next < items.count {
                let index = next
                let item = items[index]
                group.addTask { (index, await transform(item)) }
                next += 1
            }
        }
        return results.sorted { $0.0 < $1.0 }.map(\.1)
    }
}

/// Computes `first` and `second` at the same time, the second on another thread when a core is free, and returns both
/// once both are done: two independent parts of a serial step (an edition's analysis and its page frame) take the time
/// of the longer one.
func concurrently<A: Sendable, B: Sendable>(
    _ first: @escaping @Sendable () -> A, _ second: @escaping @Sendable () -> B
) -> (A, B) {
    let (a, b, _) = concurrently(first, second, pieces: 0, each: { _ in () })
    return (a, b)
}

/// Computes `first` and `second` at the same time, as ``concurrently(_:_:)`` does, and `count` pieces of other work on
/// whichever thread is free first (a thread that finishes its part takes the next piece): work that can be cut into
/// pieces fills the time one part would otherwise spend alone. Returns both parts and the pieces in order.
func concurrently<A: Sendable, B: Sendable, C: Sendable>(
    _ first: @escaping @Sendable () -> A, _ second: @escaping @Sendable () -> B, pieces count: Int,
    each piece: @escaping @Sendable (Int) -> C
) -> (A, B, [C]) {
    let (a, b) = (Deferred(first), Deferred(second))
    let pieces = (0..<max(count, 0)).map { index in Deferred { piece(index) } }
    DispatchQueue.concurrentPerform(iterations: 2 + pieces.count) { index in
        switch index {
        case 0: _ = a.value
        case 1: _ = b.value
        default: _ = pieces[index - 2].value
        }
    }
    return (a.value, b.value, pieces.map(\.value))
}

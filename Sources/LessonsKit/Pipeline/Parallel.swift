import Foundation

/// Maps `transform` over `items` on all cores, returning results in input order.
///
/// The items go in chunks of consecutive items, ``chunksPerWorker`` per core: a chunk is one task, so few chunks cost
/// little to schedule, but the last chunk to finish runs alone. With four per core, decoding 10,000 documents (about
/// 0.6 s a chunk) left one core idle for up to half a second at the end; with sixty-four, about 50 ms.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], jobs: Int? = nil, _ transform: @escaping @Sendable (T) -> R)
    async -> [R]
{
    // Equal weights keep the items in order, so each chunk is a run of consecutive items.
    await parallelMap(items, weights: Array(repeating: 1, count: items.count), jobs: jobs, transform)
}

/// Chunks per core of ``parallelMap(_:jobs:_:)`` and ``parallelMap(_:weights:jobs:_:)``.
let chunksPerWorker = 64

/// Maps `transform` over `items` on all cores as ``parallelMap(_:jobs:_:)`` does, where `weights` (one per item) says
/// how long each takes: the items go heaviest first, in chunks of about the same weight (an item heavier than that is
/// a chunk of its own), so that a few heavy items among many light ones (a theme page with thousands of links among
/// ten thousand document pages) start at once instead of leaving one core to finish them alone. Results in input
/// order.
func parallelMap<T: Sendable, R: Sendable>(
    _ items: [T], weights: [Int], jobs: Int? = nil, _ transform: @escaping @Sendable (T) -> R
) async -> [R] {
    precondition(weights.count == items.count, "one weight per item")
    let workers = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
    guard items.count > 1, workers > 1 else { return items.map(transform) }
    let chunks = weightedChunks(weights, count: workers * chunksPerWorker)
    return await withTaskGroup(of: [(Int, R)].self) { group in
        for chunk in chunks {
            let work = chunk.map { ($0, items[$0]) }
            group.addTask { work.map { ($0.0, transform($0.1)) } }
        }
        var results: [R?] = Array(repeating: nil, count: items.count)
        for await done in group {
            for (index, result) in done { results[index] = result }
        }
        return results.compactMap { $0 }
    }
}

/// The indices of `weights`, heaviest first (ties in index order), cut into about `count` chunks of about the same
/// weight: each chunk is filled until it weighs at least the total's `count`th part, so an item heavier than that is a
/// chunk of its own and the light ones share the last chunks. A negative weight counts as none.
func weightedChunks(_ weights: [Int], count: Int) -> [[Int]] {
    let order = heaviestOrder(weights)
    let total = weights.reduce(0) { $0 + max($1, 0) }
    let target = max(1, total / max(1, count))
    var chunks: [[Int]] = []
    var chunk: [Int] = []
    var chunkWeight = 0
    for index in order {
        chunk.append(index)
        chunkWeight += max(weights[index], 0)
        if chunkWeight >= target {
            chunks.append(chunk)
            (chunk, chunkWeight) = ([], 0)
        }
    }
    if !chunk.isEmpty { chunks.append(chunk) }
    return chunks
}

/// Calls `body` with each index of `weights`, each call a task of its own, the heaviest first (ties in index order):
/// among many small pages a few large ones (a directorate's page lists thousands of cards) then start at once instead
/// of late in a chunk of others, where the largest would be left running alone at the end.
func heaviestFirst(_ weights: [Int], jobs: Int? = nil, _ body: @escaping @Sendable (Int) -> Void) async {
    let order = heaviestOrder(weights)
    guard max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount) > 1 else { return order.forEach(body) }
    await withTaskGroup(of: Void.self) { group in
        for index in order { group.addTask { body(index) } }
    }
}

/// The indices of `weights`, the heaviest first, ties in index order.
private func heaviestOrder(_ weights: [Int]) -> [Int] {
    weights.indices.sorted { weights[$0] != weights[$1] ? weights[$0] > weights[$1] : $0 < $1 }
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

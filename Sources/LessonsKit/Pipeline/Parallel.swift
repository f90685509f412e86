import Foundation

/// Maps `transform` over `items` on all cores in a few chunks, returning results in input order.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], jobs: Int? = nil, _ transform: @escaping @Sendable (T) -> R) async -> [R] {
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

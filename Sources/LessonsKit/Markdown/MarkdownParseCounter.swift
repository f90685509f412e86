import Foundation

/// Counts cmark parses made by the current task and its child tasks, so a test can check that each body is parsed as
/// few times as the build promises: `MarkdownParseCounter.$current.withValue(counter) { … }`.
final class MarkdownParseCounter: @unchecked Sendable {
    /// The counter watching the current task, if any (none in a normal build: counting then costs nothing).
    @TaskLocal static var current: MarkdownParseCounter?

    private let lock = NSLock()
    private var parses = 0

    /// A counter at zero.
    init() {}

    /// Parses counted so far.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return parses
    }

    func increment() {
        lock.lock()
        parses += 1
        lock.unlock()
    }
}

import Foundation
import LessonsKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one updating line a build shows on a terminal: the stage it is in and its count, redrawn in place on standard
/// error. Shown only when standard error is a terminal and `CI` is not set, and only once the build has taken more
/// than a second; cleared when the build ends, so that nothing of it stays in the scrollback or in a log.
final class ProgressLine: @unchecked Sendable {
    /// Builds quicker than this show nothing.
    static let delay: Double = 1
    private let lock = NSLock()
    private let started = Date()
    private var latest: BuildProgress?
    private var shown = false
    private var finished = false

    /// A progress line when standard error is a terminal outside CI, else nil.
    static func forTerminal(environment: [String: String] = ProcessInfo.processInfo.environment) -> ProgressLine? {
        guard isatty(STDERR_FILENO) == 1, environment["CI"] == nil else { return nil }
        let line = ProgressLine()
        // A stage that runs long without reporting still gets its line once the delay has passed.
        Task.detached { [line] in
            try? await Task.sleep(for: .seconds(delay))
            line.redraw()
        }
        return line
    }

    /// Records where the build is and redraws the line if the delay has passed.
    func update(_ progress: BuildProgress) {
        lock.withLock { latest = progress }
        redraw()
    }

    /// Clears the line (call before printing the build's report).
    func finish() {
        lock.withLock {
            finished = true
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
    }

    private func redraw() {
        lock.withLock {
            guard !finished, let latest, Date().timeIntervalSince(started) >= Self.delay else { return }
            let seconds = String(format: "%.0f s", Date().timeIntervalSince(started))
            FileHandle.standardError.write(Data("\r\u{1B}[K\(latest.line) (\(seconds))".utf8))
            shown = true
        }
    }
}

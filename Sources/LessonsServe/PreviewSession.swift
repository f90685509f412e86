import Foundation
import LessonsKit

/// `lessons serve`: build, serve the output on localhost, rebuild on every change and reload open pages, until Ctrl-C.
public enum PreviewSession {
    /// What the command line asked for.
    public struct Options: Sendable {
        /// The site folder (holding site.yaml).
        public var siteDirectory: String
        /// The address to listen on: this computer only, unless the command line names another.
        public var host = "127.0.0.1"
        /// The port; 0 picks a free one.
        public var port: UInt16 = 8000
        /// The edition to serve; nil means staff.
        public var edition: String?
        /// `--drafts`: include drafts, marked DRAFT.
        public var includeDrafts = false
        /// `--today` as written.
        public var today: String?

        /// Options for the site in `siteDirectory`, with the defaults above.
        public init(siteDirectory: String) {
            self.siteDirectory = siteDirectory
        }
    }

    /// Runs until interrupted (SIGINT or SIGTERM); returns the exit status. `say` prints progress, `problems` the
    /// diagnostics of a failed build.
    public static func run(
        _ options: Options, say: @escaping @Sendable (String) -> Void, problems: @escaping @Sendable (String) -> Void
    ) async -> Int32 {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lessons-serve-\(getpid())-\(UUID().uuidString)"
        ).path
        let output = scratch + "/site"
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let state = PreviewState()
        let responder = PreviewResponder(files: PreviewFiles(root: output), state: state)
        let server: PreviewHTTPServer
        do {
            server = try await PreviewHTTPServer.listen(host: options.host, port: options.port)
        } catch .notAnAddress(let host, _) {
            problems("error: '\(host)' is not an IP address to listen on\n")
            return BuildReport.Status.unusableConfiguration.rawValue
        } catch {
            problems(
                "error: cannot listen on \(options.host):\(options.port) (\(error.reason)); is another server using the port?"
                    + " Try --port\n")
            return BuildReport.Status.unusableConfiguration.rawValue
        }
        let serving = Task { await server.run(answer: responder.respond(to:)) }
        let address = "http://\(options.host.contains(":") ? "[\(options.host)]" : options.host):\(server.port)/"

        let session = Task {
            let watcher = SiteWatcher(siteDirectory: options.siteDirectory)
            var snapshot = watcher.snapshot()
            await build(
                options, output: output, baseURL: address, state: state, say: say, problems: problems, reason: nil)
            say("Serving edition \(options.edition ?? "staff") at \(address) — press Ctrl-C to stop\n")
            while !Task.isCancelled {
                guard let next = await watcher.nextChange(after: snapshot) else { break }
                let changed = next.keys.filter { next[$0] != snapshot[$0] } + snapshot.keys.filter { next[$0] == nil }
                snapshot = next
                await build(
                    options, output: output, baseURL: address, state: state, say: say, problems: problems,
                    reason: changed.sorted().first)
            }
        }
        let signals = Self.onInterrupt { session.cancel() }
        await session.value
        for source in signals { source.cancel() }
        serving.cancel()
        await serving.value
        say("Stopped.\n")
        return 0
    }

    /// One build into the scratch output; a failed build leaves the last good one in place (the writer is atomic).
    private static func build(
        _ options: Options, output: String, baseURL: String, state: PreviewState,
        say: @Sendable (String) -> Void, problems: @Sendable (String) -> Void, reason: String?
    ) async {
        var build = BuildOptions(siteDirectory: options.siteDirectory)
        build.edition = options.edition
        build.output = output
        build.includeDrafts = options.includeDrafts
        build.today = options.today
        build.baseURL = baseURL
        build.skipPDF = true
        let started = ContinuousClock.now
        let report = await BuildPipeline.build(build)
        await state.record(report)
        let seconds =
            Double((ContinuousClock.now - started).components.attoseconds) / 1e18
            + Double((ContinuousClock.now - started).components.seconds)
        let cause = reason.map { " after a change to \($0)" } ?? ""
        if report.status == .success {
            say("Built\(cause) in \(String(format: "%.1f", seconds)) s\n")
        } else {
            problems(
                DiagnosticFormat.text.render(report.diagnostics, documentCount: report.documentCount)
                    + (report.failure.map { "error: \($0)\n" } ?? ""))
            say("The build\(cause) failed: the browser shows the problems, and the last good site is still served\n")
        }
    }

    /// Calls `stop` on SIGINT (Ctrl-C) or SIGTERM instead of dying, so the server closes and the scratch folder goes.
    private static func onInterrupt(_ stop: @escaping @Sendable () -> Void) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: stop)
            source.resume()
            return source
        }
    }
}

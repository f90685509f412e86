import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `lessons serve` end to end: start on a free port, fetch a page, edit a file and see the change, break a file and see
/// the error page while the last good site stays served, then stop with Ctrl-C.
@Suite(.serialized) struct ServeCommandTests {
    /// A running `lessons serve`, its output collected in a file.
    final class Server: Sendable {
        let process: Process
        let log: String
        let errors: String

        init(site: String, arguments: [String] = []) throws {
            let id = UUID().uuidString
            log = FileManager.default.temporaryDirectory.appendingPathComponent("serve-\(id).out").path
            errors = FileManager.default.temporaryDirectory.appendingPathComponent("serve-\(id).err").path
            _ = FileManager.default.createFile(atPath: log, contents: nil)
            _ = FileManager.default.createFile(atPath: errors, contents: nil)
            process = Process()
            process.executableURL = LessonsBinary.url
            process.arguments = ["serve", "--site", site, "--port", "0", "--today", "2026-11-27"] + arguments
            process.standardOutput = FileHandle(forWritingAtPath: log)
            process.standardError = FileHandle(forWritingAtPath: errors)
            try process.run()
        }

        var output: String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }
        var problems: String { (try? String(contentsOfFile: errors, encoding: .utf8)) ?? "" }

        /// The address it prints once the first build is served.
        func address(within seconds: Double = 180) async throws -> String {
            let found = try await ServeCommandTests.poll(within: seconds, every: .milliseconds(200)) {
                output.firstMatch(of: #/Serving edition \w+ at (http://[^ ]+/) /#).map { String($0.output.1) }
            }
            guard let found else { throw ServeTimeout(what: "the server to start", output: output + problems) }
            return found
        }

        func stop() {
            if process.isRunning { process.interrupt() }
        }

        deinit {
            if process.isRunning { process.terminate() }
            try? FileManager.default.removeItem(atPath: log)
            try? FileManager.default.removeItem(atPath: errors)
        }
    }

    struct ServeTimeout: Error, CustomStringConvertible {
        let what: String
        let output: String
        var description: String { "timed out waiting for \(what):\n\(output)" }
    }

    static func get(_ url: String) async throws -> (status: Int, body: String) {
        var request = URLRequest(url: try #require(URL(string: url)))
        request.cachePolicy = .reloadIgnoringLocalCacheData
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    /// Polls `url` until `condition` holds (a rebuild takes a few seconds; a debug build on a busy machine longer).
    static func waitFor(
        _ url: String, within seconds: Double = 120, _ what: String,
        _ condition: (Int, String) -> Bool
    ) async throws -> (seconds: Double, body: String) {
        let start = Date()
        let body = try await poll(within: seconds, every: .milliseconds(250)) {
            let (status, body) = try await get(url)
            return condition(status, body) ? body : nil
        }
        guard let body else { throw ServeTimeout(what: what, output: "") }
        return (Date().timeIntervalSince(start), body)
    }

    /// Tries `attempt` every `interval` until it gives a value, and gives up with nil only when an attempt begun after
    /// `seconds` has failed too. Other tests can hold every thread of the pool for minutes on a small CI machine; a
    /// sleep that resumes long after the deadline must still look once more, or a server that started in time is
    /// reported as never starting.
    static func poll<Value>(
        within seconds: Double, every interval: Duration, _ attempt: () async throws -> Value?
    ) async throws -> Value? {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while true {
            let lastTry = ContinuousClock.now >= deadline
            if let value = try await attempt() { return value }
            if lastTry { return nil }
            try await Task.sleep(for: interval)
        }
    }

    @Test func servesRebuildsShowsErrorsAndStops() async throws {
        let site = try ExampleSiteCopy()
        defer { site.remove() }
        let server = try Server(site: site.root)
        let address = try await server.address()
        #expect(address.hasPrefix("http://127.0.0.1:"), "only this computer unless --host says otherwise")

        // A page, with the live-reload script that only serve adds.
        let page = try await Self.get(address + "lessons/ll-2026-002/")
        #expect(page.status == 200)
        #expect(page.body.contains("<script src=\"/_lessons/live-reload.js\" defer></script></body>"))
        let version = try await Self.get(address + "_lessons/version").body
        #expect(try await Self.get(address + "_lessons/live-reload.js").body.contains("location.reload()"))
        #expect(try await Self.get(address + "lessons").status == 200, "a folder without its slash is redirected to it")

        // Edit a document: the page changes, and the version open pages poll moves on.
        let lesson = "content/lessons/ll-2026-002-safety-plans-with-families.md"
        let original = try site.read(lesson)
        let edited = original.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: Edited while serving — ")
        #expect(edited != original)
        try site.write(lesson, edited)
        let changed = try await Self.waitFor(address + "lessons/ll-2026-002/", "the edit to appear") { status, body in
            status == 200 && body.contains("Edited while serving")
        }
        print("serve: an edit appeared after \(String(format: "%.1f", changed.seconds)) s")
        _ = try await Self.waitFor(address + "_lessons/version", within: 10, "the version to move on") { _, body in
            body != version
        }

        // Break a document: pages show the located error; the last good site is still there.
        let incident = "content/incidents/inc-2026-007-prone-restraint-picu.md"
        try site.write(
            incident, try site.read(incident).replacingOccurrences(of: "\nharm: low\n", with: "\nharm: catastrophic\n"))
        let failed = try await Self.waitFor(address + "lessons/ll-2026-002/", "the error page") { status, _ in
            status == 500
        }
        #expect(failed.body.contains("The site could not be built"))
        #expect(failed.body.contains("<code>\(incident):"), "the error is located in its file")
        #expect(failed.body.contains("catastrophic"))
        #expect(failed.body.contains("/_lessons/live-reload.js"), "the error page reloads by itself once it is fixed")
        let lastGood = try await Self.get(address + "lessons/ll-2026-002/?lessons-last-good")
        #expect(lastGood.status == 200)
        #expect(lastGood.body.contains("Edited while serving"))
        #expect(server.problems.contains("\(incident):"), "the terminal shows the problem too")

        // Ctrl-C stops it cleanly.
        server.stop()
        let stopped = try await Self.poll(within: 20, every: .milliseconds(100)) {
            server.process.isRunning ? nil : true
        }
        #expect(stopped == true)
        #expect(!server.process.isRunning)
        #expect(server.process.terminationStatus == 0)
        #expect(server.output.hasSuffix("Stopped.\n"))
    }

    @Test func aPollThatResumesPastItsDeadlineLooksOnceMore() async throws {
        var attempts = 0
        let value = try await Self.poll(within: 0.2, every: .milliseconds(10)) { () async throws -> Int? in
            attempts += 1
            guard attempts > 1 else {
                // Stands for a sleep that resumes long after the deadline because every thread was busy.
                try await Task.sleep(for: .milliseconds(400))
                return nil
            }
            return 42
        }
        #expect(value == 42)
        #expect(attempts == 2)

        let never = try await Self.poll(within: 0.05, every: .milliseconds(10)) { () async throws -> Int? in nil }
        #expect(never == nil)
    }

    @Test func refusesAPortAlreadyInUse() async throws {
        let site = try ExampleSiteCopy()
        defer { site.remove() }
        let first = try Server(site: site.root)
        let address = try await first.address()
        defer { first.stop() }
        let port = try #require(address.firstMatch(of: #/:(\d+)/$/#)).output.1

        let second = try LessonsBinary.run(["serve", "--site", site.root, "--port", String(port)])

        #expect(second.status == 2)
        #expect(second.stderr.contains("cannot listen on 127.0.0.1:\(port)"))
    }

    /// The HTTP/1.1 a browser relies on, spoken over raw connections: keep-alive, HEAD, a head that arrives in pieces,
    /// several connections at once, 405 for other methods and 400 (then close) for bytes that are not a request; and
    /// Ctrl-C still stops it while connections are open.
    @Test(.timeLimit(.minutes(30))) func speaksHTTP11AndRefusesWhatItCannotServe() async throws {
        let site = try ExampleSiteCopy()
        defer { site.remove() }
        let server = try Server(site: site.root)
        defer { server.stop() }
        let address = try await server.address()
        let digits = try #require(address.firstMatch(of: #/:(\d+)/$/#)).output.1
        let port = try #require(UInt16(digits))

        // Two requests on one connection; the HEAD gets the GET's head without the body.
        let connection = try RawHTTPConnection(port: port)
        try connection.write("GET /lessons/ll-2026-002/ HTTP/1.1\r\nHost: localhost\r\n\r\n")
        let page = try connection.response()
        #expect(page.status == 200)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.headers["cache-control"] == "no-store")
        #expect(page.headers["connection"] == nil, "HTTP/1.1 keeps the connection")
        #expect(page.body.contains("/_lessons/live-reload.js"))
        try connection.write("HEAD /lessons/ll-2026-002/ HTTP/1.1\r\nHost: localhost\r\n\r\n")
        let head = try connection.response(toHead: true)
        #expect(head.status == 200)
        #expect(head.headers["content-length"] == String(page.body.utf8.count))
        // A third request, its head in three pieces, asking to close afterwards.
        try connection.write(["GET /less", "ons HTTP/1.1\r\nHo", "st: localhost:\(port)\r\nConnection: close\r\n\r\n"])
        let redirect = try connection.response()
        #expect(redirect.status == 301)
        #expect(redirect.headers["location"] == "http://localhost:\(port)/lessons/")
        #expect(redirect.headers["connection"] == "close")
        #expect(try connection.isClosedByServer())

        // Another method: 405 naming the allowed ones; its body is read past and the connection goes on.
        let other = try RawHTTPConnection(port: port)
        try other.write("POST /lessons/ HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nhello")
        let refused = try other.response()
        #expect(refused.status == 405)
        #expect(refused.headers["allow"] == "GET, HEAD")
        try other.write("GET /nowhere/ HTTP/1.1\r\nHost: localhost\r\n\r\n")
        #expect(try other.response().status == 404)
        // Bytes that are not a request: 400, then the server closes.
        try other.write("GARBAGE\r\n\r\n")
        let bad = try other.response()
        #expect(bad.status == 400)
        #expect(bad.headers["connection"] == "close")
        #expect(try other.isClosedByServer())

        // A browser opens six connections at once; all are answered, and stay open.
        var browser: [RawHTTPConnection] = []
        for _ in 0..<6 { browser.append(try RawHTTPConnection(port: port)) }
        for tab in browser { try tab.write("GET /_lessons/version HTTP/1.1\r\nHost: localhost\r\n\r\n") }
        for index in browser.indices { #expect(try browser[index].response().status == 200) }

        #if os(Linux)
            // Serving needs no HTTP client: the network client stack (FoundationNetworking, libcurl and the TLS and
            // Kerberos libraries under it, 7 MB of memory) stays out of every `lessons` process.
            // Through cat: Foundation reads a /proc file, whose size shows as 0, only in part.
            let maps = try LessonsBinary.run(
                executable: URL(fileURLWithPath: "/bin/cat"), ["/proc/\(server.process.processIdentifier)/maps"]
            ).stdout
            #expect(maps.contains("libFoundation"), "the maps of the running server are read")
            #expect(!maps.contains("libFoundationNetworking"))
            #expect(!maps.contains("libcurl"))
        #endif

        // Ctrl-C stops it with those connections still open.
        server.stop()
        let stopped = try await Self.poll(within: 20, every: .milliseconds(100)) {
            server.process.isRunning ? nil : true
        }
        #expect(stopped == true)
        #expect(server.process.terminationStatus == 0)
        withExtendedLifetime(browser) {}
    }
}

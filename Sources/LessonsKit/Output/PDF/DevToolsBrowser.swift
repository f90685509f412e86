import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One headless Chromium that stays up while a print stage prints many pages, driven over the DevTools protocol on
/// `--remote-debugging-pipe` (it reads commands from descriptor 3 and writes answers and events to descriptor 4, each a
/// JSON text ended by a NUL byte). Starting Chromium costs about a second of CPU; a page printed by a running browser
/// costs about a quarter of that.
///
/// Both descriptors are one end of a socket pair, so that writing to a browser that has gone fails instead of raising
/// SIGPIPE. A reader thread hands each answer to the command waiting for it and keeps each page session's lifecycle
/// events, so that a page can wait for its `load` after its navigation was answered.
final class DevToolsBrowser: @unchecked Sendable {
    /// Why a command got no answer.
    enum Failure: Error, Equatable {
        /// The browser closed the pipe (exited or crashed), or never started.
        case gone
        /// The page's time ran out; its commands were abandoned.
        case abandoned
        /// The browser answered with an error.
        case refused(String)
    }

    /// An answer: its `result` object, and how many lifecycle events its session had when it arrived.
    struct Answer: @unchecked Sendable {
        let result: [String: Any]
        let eventMark: Int
    }

    private struct Pending {
        let tag: Int
        let continuation: CheckedContinuation<Answer, any Error>
    }

    private struct LoadWaiter {
        let tag: Int
        let session: String
        let frame: String
        let after: Int
        let continuation: CheckedContinuation<Void, any Error>
    }

    private let process: pid_t
    private let socket: Int32
    /// Keeps two commands' bytes from interleaving on the socket.
    private let writing = NSLock()
    /// Guards everything below.
    private let lock = NSLock()
    private var nextID = 0
    private var pending: [Int: Pending] = [:]
    /// Each page session's lifecycle events, as (name, frame id), in order.
    private var lifecycle: [String: [(String, String)]] = [:]
    private var loadWaiters: [LoadWaiter] = []
    private var gone = false
    private var reaped = false

    private init(process: pid_t, socket: Int32) {
        self.process = process
        self.socket = socket
    }

    /// Starts `executable` with `arguments` (which must include `--remote-debugging-pipe`), its output going to `log`;
    /// nil when it cannot be started.
    static func launch(executable: String, arguments: [String], log: String) -> DevToolsBrowser? {
        var pair: [Int32] = [-1, -1]
        #if canImport(Glibc)
            let streamType = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        #else
            let streamType = SOCK_STREAM
        #endif
        guard socketpair(AF_UNIX, streamType, 0, &pair) == 0 else { return nil }
        let (ours, theirs) = (pair[0], pair[1])
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        posix_spawn_file_actions_adddup2(&actions, theirs, 3)
        posix_spawn_file_actions_adddup2(&actions, theirs, 4)
        closeOtherDescriptors(&actions)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        close(theirs)
        guard spawned == 0 else {
            close(ours)
            return nil
        }
        let browser = DevToolsBrowser(process: pid, socket: ours)
        let reader = Thread { browser.readUntilClosed() }
        reader.name = "lessons-devtools-reader"
        reader.start()
        return browser
    }

    /// Has the child close every descriptor from 5 up, so that nothing else of this process reaches the browser (a
    /// listening socket held by a browser would keep its port taken after its owner closed it), as Foundation's
    /// `Process` does: glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+, looked up since Swift does not import
    /// it), else a close for each inheritable descriptor open now.
    private static func closeOtherDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32
        if let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") {
            _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 5)
            return
        }
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for descriptor in open.compactMap({ Int32($0) }) where descriptor > 4 {
            let flags = fcntl(descriptor, F_GETFD)
            if flags >= 0, flags & FD_CLOEXEC == 0 { posix_spawn_file_actions_addclose(&actions, descriptor) }
        }
    }

    /// Sends `method` with `params` (to the page `session`, or to the browser) and waits for its answer. `tag` groups a
    /// page's commands, so that ``abandon(tag:)`` can give them up.
    func call(_ method: String, _ params: [String: Any] = [:], session: String? = nil, tag: Int) async throws -> Answer
    {
        try await withCheckedThrowingContinuation { continuation in
            let message: Data? = lock.withLock {
                guard !gone else { return nil }
                nextID += 1
                var object: [String: Any] = ["id": nextID, "method": method, "params": params]
                if let session { object["sessionId"] = session }
                guard let data = try? JSONSerialization.data(withJSONObject: object) else { return nil }
                pending[nextID] = Pending(tag: tag, continuation: continuation)
                return data
            }
            guard let message else { return continuation.resume(throwing: Failure.gone) }
            if !write(message + Data([0])) { closeDown() }
        }
    }

    /// Waits for the `load` lifecycle event of `frame` in `session` among the events after the first `after` (the mark
    /// of the navigation's answer).
    func waitForLoad(session: String, frame: String, after: Int, tag: Int) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let ready: Result<Void, any Error>? = lock.withLock {
                if gone { return .failure(Failure.gone) }
                if Self.hasLoad(lifecycle[session] ?? [], frame: frame, after: after) { return .success(()) }
                loadWaiters.append(
                    LoadWaiter(tag: tag, session: session, frame: frame, after: after, continuation: continuation))
                return nil
            }
            if let ready { continuation.resume(with: ready) }
        }
    }

    /// Gives up every command and wait of `tag` (its time ran out); they throw ``Failure/abandoned``.
    func abandon(tag: Int) {
        let (calls, waits) = lock.withLock {
            let calls = pending.filter { $0.value.tag == tag }
            for id in calls.keys { pending[id] = nil }
            let waits = loadWaiters.filter { $0.tag == tag }
            loadWaiters.removeAll { $0.tag == tag }
            return (calls.values.map(\.continuation), waits.map(\.continuation))
        }
        for continuation in calls { continuation.resume(throwing: Failure.abandoned) }
        for continuation in waits { continuation.resume(throwing: Failure.abandoned) }
    }

    /// Forgets a closed page's events.
    func forget(session: String) {
        lock.withLock { lifecycle[session] = nil }
    }

    /// Asks the browser to close, waits up to `seconds` for it to exit, then kills it.
    func quit(waitingUpTo seconds: Double = 5) async {
        _ = try? await withTimeout(
            seconds: seconds, onTimeout: { self.abandon(tag: -1) },
            operation: { try await self.call("Browser.close", tag: -1) })
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while !reap(), ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if !reap() {
            kill(process, SIGKILL)
            while !reap() { try? await Task.sleep(for: .milliseconds(20)) }
        }
        closeDown()
    }

    /// Kills the browser at once (a start that did not answer).
    func stop() async {
        kill(process, SIGKILL)
        while !reap() { try? await Task.sleep(for: .milliseconds(20)) }
        closeDown()
    }

    // MARK: - The pipe

    /// True once the process has exited and been reaped.
    private func reap() -> Bool {
        lock.withLock {
            if reaped { return true }
            var status: Int32 = 0
            let result = waitpid(process, &status, WNOHANG)
            if result == process || result == -1 { reaped = true }
            return reaped
        }
    }

    private func write(_ data: Data) -> Bool {
        writing.lock()
        defer { writing.unlock() }
        return data.withUnsafeBytes { raw -> Bool in
            guard var pointer = raw.baseAddress else { return true }
            var left = raw.count
            while left > 0 {
                let sent = send(socket, pointer, left, Int32(MSG_NOSIGNAL))
                if sent < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                pointer += sent
                left -= sent
            }
            return true
        }
    }

    private func readUntilClosed() {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            var start = 0
            for index in 0..<count where chunk[index] == 0 {
                buffer.append(contentsOf: chunk[start..<index])
                dispatch(buffer)
                buffer.removeAll(keepingCapacity: true)
                start = index + 1
            }
            buffer.append(contentsOf: chunk[start..<count])
        }
        closeDown()
    }

    private func dispatch(_ bytes: [UInt8]) {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else { return }
        let session = object["sessionId"] as? String ?? ""
        if let id = object["id"] as? Int {
            let (waiting, mark) = lock.withLock { (pending.removeValue(forKey: id), lifecycle[session]?.count ?? 0) }
            guard let waiting else { return }
            if let error = object["error"] as? [String: Any] {
                waiting.continuation.resume(throwing: Failure.refused(error["message"] as? String ?? "\(error)"))
            } else {
                waiting.continuation.resume(
                    returning: Answer(result: object["result"] as? [String: Any] ?? [:], eventMark: mark))
            }
            return
        }
        switch object["method"] as? String {
        case "Page.lifecycleEvent":
            guard let params = object["params"] as? [String: Any], let name = params["name"] as? String,
                let frame = params["frameId"] as? String
            else { return }
            let ready: [CheckedContinuation<Void, any Error>] = lock.withLock {
                lifecycle[session, default: []].append((name, frame))
                guard name == "load" else { return [] }
                let events = lifecycle[session] ?? []
                let done = loadWaiters.filter {
                    $0.session == session && Self.hasLoad(events, frame: $0.frame, after: $0.after)
                }
                loadWaiters.removeAll {
                    $0.session == session && Self.hasLoad(events, frame: $0.frame, after: $0.after)
                }
                return done.map(\.continuation)
            }
            for continuation in ready { continuation.resume() }
        case "Inspector.detached", "Target.detachedFromTarget":
            // The page's renderer went away: whatever waits for its load waits in vain.
            let sessionGone = (object["params"] as? [String: Any])?["sessionId"] as? String ?? session
            let stranded: [CheckedContinuation<Void, any Error>] = lock.withLock {
                let stranded = loadWaiters.filter { $0.session == sessionGone }
                loadWaiters.removeAll { $0.session == sessionGone }
                return stranded.map(\.continuation)
            }
            for continuation in stranded {
                continuation.resume(throwing: Failure.refused("the page's renderer went away"))
            }
        default:
            break
        }
    }

    /// Marks the browser gone and fails everything still waiting (once).
    private func closeDown() {
        let (calls, waits): ([CheckedContinuation<Answer, any Error>], [CheckedContinuation<Void, any Error>]) =
            lock.withLock {
                guard !gone else { return ([], []) }
                gone = true
                shutdown(socket, Int32(SHUT_RDWR))
                let calls = pending.values.map(\.continuation)
                pending = [:]
                let waits = loadWaiters.map(\.continuation)
                loadWaiters = []
                return (calls, waits)
            }
        for continuation in calls { continuation.resume(throwing: Failure.gone) }
        for continuation in waits { continuation.resume(throwing: Failure.gone) }
    }

    deinit {
        close(socket)
    }

    private static func hasLoad(_ events: [(String, String)], frame: String, after: Int) -> Bool {
        events.dropFirst(after).contains { $0.0 == "load" && $0.1 == frame }
    }
}

/// Runs `operation`; when it takes longer than `seconds`, calls `onTimeout` (which must make `operation` finish, e.g. by
/// abandoning what it waits for) and throws ``DevToolsBrowser/Failure/abandoned``.
func withTimeout<T: Sendable>(
    seconds: Double, onTimeout: @escaping @Sendable () -> Void, operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
            return nil
        }
        if let first = try await group.next(), let value = first {
            group.cancelAll()
            return value
        }
        onTimeout()
        group.cancelAll()
        throw DevToolsBrowser.Failure.abandoned
    }
}

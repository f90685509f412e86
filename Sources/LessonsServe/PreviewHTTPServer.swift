import FlyingSocks
import Foundation

/// The preview's small HTTP/1.1 server: FlyingSocks gives the listening socket, the accepted connections and the
/// event loop (epoll on Linux, kqueue on macOS); the HTTP framing is `PreviewRequestReader` and `PreviewResponse`.
/// Each connection runs as a child task, so a browser's several connections at once are served side by side, and
/// cancelling `run` closes them all.
struct PreviewHTTPServer: Sendable {
    /// Why the server could not start.
    enum StartError: Error {
        /// The host is not an IPv4 or IPv6 address.
        case notAnAddress(String, any Error)
        /// The socket could not be bound or listen, usually because the port is taken.
        case cannotListen(any Error)

        /// The system's reason, such as "Address already in use".
        var reason: String {
            switch self {
            case .notAnAddress(_, let error), .cannotListen(let error):
                if case .failed(_, _, let message) = error as? SocketError { return message }
                return "\(error)"
            }
        }
    }

    private let listener: Socket
    private let pool: any AsyncSocketPool
    /// The port listened on: the one asked for, or the one the system picked for port 0.
    let port: UInt16
    /// How long a connection may stay silent (between requests, or in the middle of one) before it is closed.
    let idleTimeout: Duration

    /// Binds `host:port` (an IPv4 address, or an IPv6 one when it has a colon; port 0 picks a free port) and listens.
    static func listen(host: String, port: UInt16, idleTimeout: Duration = .seconds(60)) async throws(StartError)
        -> PreviewHTTPServer
    {
        do {
            if host.contains(":") {
                return try await listen(on: try address(.inet6(ip6: host, port: port), host), idleTimeout: idleTimeout)
            }
            return try await listen(on: try address(.inet(ip4: host, port: port), host), idleTimeout: idleTimeout)
        } catch let error as StartError {
            throw error
        } catch {
            throw .cannotListen(error)
        }
    }

    private static func address<Address: SocketAddress>(
        _ make: @autoclosure () throws -> Address, _ host: String
    ) throws(StartError) -> Address {
        do {
            return try make()
        } catch {
            throw .notAnAddress(host, error)
        }
    }

    private static func listen(on address: some SocketAddress, idleTimeout: Duration) async throws -> PreviewHTTPServer
    {
        let pool = SocketPool<Poll>.make()
        try await pool.prepare()
        let socket = try Socket(domain: Int32(type(of: address).family))
        do {
            // A port that a stopped preview left in TIME_WAIT can be reused at once; a listening one still cannot.
            try socket.setValue(true, for: .localAddressReuse)
            try socket.bind(to: address)
            try socket.listen()
            let port: UInt16 =
                switch try socket.sockname() {
                case .ip4(_, let port), .ip6(_, let port): port
                case .unix: 0
                }
            return PreviewHTTPServer(listener: socket, pool: pool, port: port, idleTimeout: idleTimeout)
        } catch {
            try? socket.close()
            throw error
        }
    }

    /// Accepts and serves connections, each answered by `answer`, until the task is cancelled; then closes the
    /// listening socket and every connection.
    func run(answer: @escaping @Sendable (PreviewRequest) async -> PreviewResponse) async {
        defer { try? listener.close() }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [pool] in try? await pool.run() }
            group.addTask { await acceptConnections(answer: answer) }
            // Either ends only when cancelled or broken: stop the other too.
            await group.next()
            group.cancelAll()
        }
    }

    private func acceptConnections(answer: @escaping @Sendable (PreviewRequest) async -> PreviewResponse) async {
        guard let socket = try? AsyncSocket(socket: listener, pool: pool) else { return }
        let idleTimeout = idleTimeout
        let serve: @Sendable (AsyncSocket) async -> Void = { client in
            await PreviewConnection(socket: client, idleTimeout: idleTimeout, answer: answer).run()
        }
        if #available(macOS 14, *) {
            // Finished connections leave the group at once.
            await withDiscardingTaskGroup { group in
                while let client = await Self.nextConnection(on: socket) {
                    group.addTask { await serve(client) }
                }
            }
        } else {
            await withTaskGroup(of: Void.self) { group in
                while let client = await Self.nextConnection(on: socket) {
                    group.addTask { await serve(client) }
                }
            }
        }
    }

    /// The next accepted connection, or nil once the task is cancelled. An accept that fails (out of file
    /// descriptors, a connection reset before it was accepted) is tried again a little later.
    private static func nextConnection(on socket: AsyncSocket) async -> AsyncSocket? {
        while !Task.isCancelled {
            do {
                return try await socket.accept()
            } catch {
                try? await Task.sleep(for: .milliseconds(50))
            }
        }
        return nil
    }
}

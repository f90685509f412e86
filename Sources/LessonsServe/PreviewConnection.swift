import FlyingSocks
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One client connection of the preview server: reads requests, answers GET and HEAD (other methods get 405), keeps
/// the connection for the next request under HTTP/1.1, and closes it after `Connection: close`, HTTP/1.0, a refused
/// request, or `idleTimeout` without a byte from the client.
struct PreviewConnection: Sendable {
    let socket: AsyncSocket
    let idleTimeout: Duration
    let answer: @Sendable (PreviewRequest) async -> PreviewResponse

    /// Serves the connection until it closes; never throws, whatever the client sends.
    func run() async {
        defer { try? socket.close() }
        var reader = PreviewRequestReader()
        while !Task.isCancelled {
            switch reader.next() {
            case .request(let request):
                let response = await respond(to: request)
                // A client that waits for `100 Continue` may never send the body after this final answer: with its
                // length unknown on the wire, only closing keeps the next request from being read as body.
                let waitsToSendBody = reader.isDroppingBody && request.header("Expect")?.lowercased() == "100-continue"
                let closing = !request.keepsConnectionOpen || waitsToSendBody
                let bytes = response.encoded(omittingBody: request.method == "HEAD", closing: closing)
                guard await write(bytes), !closing else { return }
            case .refused(let response):
                if await write(response.encoded(omittingBody: false, closing: true)) {
                    await lingeringClose()
                }
                return
            case .incomplete:
                guard let bytes = await read() else { return }
                reader.append(bytes)
            }
        }
    }

    private func respond(to request: PreviewRequest) async -> PreviewResponse {
        guard request.method == "GET" || request.method == "HEAD" else {
            var refusal = PreviewResponse.refusal(.methodNotAllowed, "Only GET and HEAD are supported.")
            refusal.headers.append(.init(name: "Allow", value: "GET, HEAD"))
            return refusal
        }
        return await answer(request)
    }

    /// The next bytes from the client, or nil when it closed the connection, failed, or sent nothing for
    /// `idleTimeout`.
    private func read() async -> [UInt8]? {
        await Self.within(idleTimeout) { [socket] in try await socket.read(atMost: 16 * 1024) }
    }

    /// Whether all of `bytes` went out within `idleTimeout` (a client that stops reading is let go).
    private func write(_ bytes: Data) async -> Bool {
        await Self.within(idleTimeout) { [socket] in try await socket.write(bytes) } != nil
    }

    /// Closes after a refusal without losing it: the client may still be sending the request, and closing with
    /// unread bytes makes the system reset the connection, which can discard the refusal before the client reads it.
    /// So the server stops writing, then reads and drops what still comes for up to a second (RFC 9112 §9.6).
    private func lingeringClose() async {
        _ = shutdown(socket.socket.file.rawValue, Int32(SHUT_WR))
        let deadline = ContinuousClock.now + .seconds(1)
        var dropped = 0
        while ContinuousClock.now < deadline, dropped < 1024 * 1024 {
            let left = deadline - ContinuousClock.now
            guard let bytes = await Self.within(left, { [socket] in try await socket.read(atMost: 16 * 1024) }) else {
                return
            }
            dropped += bytes.count
        }
    }

    /// The result of `operation`, or nil when it fails or takes longer than `timeout` (it is cancelled then).
    private static func within<Value: Sendable>(
        _ timeout: Duration, _ operation: @escaping @Sendable () async throws -> Value
    ) async -> Value? {
        await withTaskGroup(of: Value?.self) { group in
            group.addTask { try? await operation() }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }
}

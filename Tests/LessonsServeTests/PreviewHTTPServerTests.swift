import FlyingSocks
import Foundation
import Testing

@testable import LessonsServe

/// The preview's HTTP server in this process: addresses and ports, idle connections, and stopping with connections
/// open. The whole suite can hold every thread of the pool for minutes on a small machine, so nothing here depends on
/// being scheduled soon: clients wait long to connect, and a timeout is only ever checked to have passed.
@Suite struct PreviewHTTPServerTests {
    /// Answers every request with its path.
    static let echo: @Sendable (PreviewRequest) async -> PreviewResponse = { request in
        .text(request.path, type: "text/plain; charset=utf-8")
    }

    /// An idle timeout that a starved thread pool does not reach.
    static let patient = Duration.seconds(600)

    static func connect(_ port: UInt16) async throws -> AsyncSocket {
        try await AsyncSocket.connected(to: .inet(ip4: "127.0.0.1", port: port), timeout: 300)
    }

    /// Everything the server sends until it closes the connection.
    static func readUntilClosed(_ socket: AsyncSocket) async throws -> String {
        var bytes: [UInt8] = []
        do {
            while true { bytes += try await socket.read(atMost: 4096) }
        } catch SocketError.disconnected {
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    @Test func closesAConnectionThatFallsSilent() async throws {
        let server = try await PreviewHTTPServer.listen(host: "127.0.0.1", port: 0, idleTimeout: .milliseconds(300))
        #expect(server.port != 0, "port 0 picks a free port")
        let serving = Task { await server.run(answer: Self.echo) }
        defer { serving.cancel() }

        let silent = try await Self.connect(server.port)
        let started = ContinuousClock.now
        try await silent.write(Data("GET /half HT".utf8))
        #expect(try await Self.readUntilClosed(silent) == "", "a half request that stops coming is dropped")
        #expect(ContinuousClock.now - started >= .milliseconds(250))
        try? silent.close()
    }

    @Test func closesAfterRefusingARequestWhoseBodyWaitsFor100Continue() async throws {
        let server = try await PreviewHTTPServer.listen(host: "127.0.0.1", port: 0, idleTimeout: Self.patient)
        let serving = Task { await server.run(answer: Self.echo) }
        defer { serving.cancel() }
        let client = try await Self.connect(server.port)
        let upload = "PUT /f HTTP/1.1\r\nHost: h\r\nContent-Length: 1000\r\nExpect: 100-continue\r\n\r\n"
        try await client.write(Data(upload.utf8))
        let answer = try await Self.readUntilClosed(client)
        #expect(answer.hasPrefix("HTTP/1.1 405 Method Not Allowed\r\n"))
        #expect(answer.contains("\r\nAllow: GET, HEAD\r\n"))
        #expect(answer.contains("\r\nConnection: close\r\n"))
        try? client.close()
    }

    @Test func stopsWithConnectionsOpen() async throws {
        let server = try await PreviewHTTPServer.listen(host: "127.0.0.1", port: 0, idleTimeout: Self.patient)
        let serving = Task { await server.run(answer: Self.echo) }
        let open = try await Self.connect(server.port)
        try await open.write(Data("GET /a HTTP/1.1\r\nHost: h\r\n\r\n".utf8))
        _ = try await open.read(atMost: 4096)
        serving.cancel()
        await serving.value
        #expect(try await Self.readUntilClosed(open) == "", "stopping closes the kept connection")
        try? open.close()
        // The port is free again: it can be listened on at once.
        let again = try await PreviewHTTPServer.listen(host: "127.0.0.1", port: server.port)
        #expect(again.port == server.port)
        let rerun = Task { await again.run(answer: Self.echo) }
        rerun.cancel()
        await rerun.value
    }

    @Test func listensOnIPv6AndRefusesATakenPortOrANonAddress() async throws {
        let server = try await PreviewHTTPServer.listen(host: "::1", port: 0, idleTimeout: Self.patient)
        let serving = Task { await server.run(answer: Self.echo) }
        defer { serving.cancel() }
        let client = try await AsyncSocket.connected(to: .inet6(ip6: "::1", port: server.port), timeout: 300)
        try await client.write(Data("GET /v6 HTTP/1.0\r\n\r\n".utf8))
        #expect(try await Self.readUntilClosed(client).hasSuffix("\r\n\r\n/v6"))
        try? client.close()

        do {
            _ = try await PreviewHTTPServer.listen(host: "::1", port: server.port)
            Issue.record("a taken port was bound again")
        } catch {
            guard case .cannotListen = error else { throw error }
            #expect(error.reason.localizedCaseInsensitiveContains("in use"))
        }
        do {
            _ = try await PreviewHTTPServer.listen(host: "localhost", port: 0)
            Issue.record("a host name was taken for an address")
        } catch {
            guard case .notAnAddress(let host, _) = error else { throw error }
            #expect(host == "localhost")
        }
    }
}

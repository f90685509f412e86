import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A bare TCP connection to `lessons serve`, for what URLSession hides: several requests on one connection, a request
/// head written in pieces, bytes that are not HTTP at all. It blocks instead of awaiting: the whole suite can hold
/// every thread of the pool for minutes on a small machine, and a client waiting that long to be scheduled between two
/// requests would see the server close the idle connection.
final class RawHTTPConnection {
    /// One response as it came over the wire.
    struct Response {
        let status: Int
        /// Header fields by lowercased name.
        let headers: [String: String]
        let body: String
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let file: Int32
    #if os(Linux)
        private static let stream = Int32(SOCK_STREAM.rawValue)
        private static let noSignal = Int32(MSG_NOSIGNAL)
    #else
        private static let stream = SOCK_STREAM
        private static let noSignal: Int32 = 0
    #endif
    private var buffer: [UInt8] = []

    /// Connects to 127.0.0.1:`port`; a read that waits more than two minutes fails.
    init(port: UInt16) throws {
        file = socket(AF_INET, Self.stream, 0)
        guard file >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 120, tv_usec: 0)
        setsockopt(file, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(file, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(file)
            throw Failure(description: "connect to port \(port): errno \(errno)")
        }
    }

    deinit {
        close(file)
    }

    func write(_ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(file, $0.baseAddress, $0.count, Self.noSignal) }
            guard count > 0 else { throw Failure(description: "send: errno \(errno)") }
            sent += count
        }
    }

    /// Each piece in its own write, 0.2 s apart, so the server reads them separately.
    func write(_ pieces: [String]) throws {
        for (index, piece) in pieces.enumerated() {
            if index > 0 { Thread.sleep(forTimeInterval: 0.2) }
            try write(piece)
        }
    }

    /// More bytes from the server; an empty array when it has closed the connection.
    private func receive() throws -> [UInt8] {
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = chunk.withUnsafeMutableBytes { recv(file, $0.baseAddress, $0.count, 0) }
        guard count >= 0 else { throw Failure(description: "recv: errno \(errno) (timed out?)") }
        return Array(chunk.prefix(count))
    }

    /// The next response: its head, and the body its Content-Length announces (none after a HEAD request).
    func response(toHead: Bool = false) throws -> Response {
        let end = Array("\r\n\r\n".utf8)
        var headEnd = buffer.indices.first { buffer[$0...].starts(with: end) }
        while headEnd == nil {
            let more = try receive()
            guard !more.isEmpty else { throw Failure(description: "closed before a response") }
            buffer += more
            headEnd = buffer.indices.first { buffer[$0...].starts(with: end) }
        }
        let headLength = (headEnd ?? 0) + end.count
        let lines = String(decoding: buffer[..<headLength], as: UTF8.self).components(separatedBy: "\r\n")
        buffer.removeFirst(headLength)
        let status = lines.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        let length = toHead ? 0 : Int(headers["content-length"] ?? "0") ?? 0
        while buffer.count < length {
            let more = try receive()
            guard !more.isEmpty else { throw Failure(description: "closed in the middle of a body") }
            buffer += more
        }
        let body = String(decoding: buffer.prefix(length), as: UTF8.self)
        buffer.removeFirst(length)
        return Response(status: status, headers: headers, body: body)
    }

    /// Whether the server has closed the connection with nothing more sent.
    func isClosedByServer() throws -> Bool {
        let more = try receive()
        buffer += more
        return more.isEmpty && buffer.isEmpty
    }
}

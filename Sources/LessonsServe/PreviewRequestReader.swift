/// Cuts HTTP/1.x requests out of the bytes one connection receives, however they are split across reads (RFC 9112):
/// a request head ends at its first empty line, a body announced by `Content-Length` is read and dropped (the preview
/// only answers GET and HEAD), and anything it cannot frame safely is refused, after which the connection closes.
struct PreviewRequestReader: Sendable {
    /// The most bytes a request head (request line and header fields) may take.
    static let headLimit = 64 * 1024

    /// What the bytes received so far hold.
    enum Next: Equatable, Sendable {
        /// A complete request head; its body, if any, is dropped as it arrives.
        case request(PreviewRequest)
        /// Not yet a whole head: read more.
        case incomplete
        /// Bytes that are not a request the server can frame: answer with this refusal and close the connection.
        case refused(PreviewResponse)
    }

    private var buffer: [UInt8] = []
    /// Where to resume looking for the end of the head, so a head arriving byte by byte is scanned once.
    private var scanned = 0
    /// Bytes of the last request's body still to come and be dropped.
    private var bodyToDrop = 0

    /// Whether no part of a request is waiting: the connection is idle between requests.
    var isIdle: Bool { buffer.isEmpty && bodyToDrop == 0 }

    /// Whether the last request's body has not all arrived yet.
    var isDroppingBody: Bool { bodyToDrop > 0 }

    /// Adds bytes as they were read from the connection.
    mutating func append(_ bytes: some Collection<UInt8>) {
        var bytes = bytes[...]
        let dropped = min(bodyToDrop, bytes.count)
        bodyToDrop -= dropped
        bytes = bytes.dropFirst(dropped)
        buffer.append(contentsOf: bytes)
    }

    /// The next request, if its head has arrived whole.
    mutating func next() -> Next {
        guard bodyToDrop == 0 else { return .incomplete }
        // A server should ignore empty lines before a request line (RFC 9112 §2.2).
        let blank = buffer.prefix { $0 == Self.cr || $0 == Self.lf }.count
        if blank > 0 {
            buffer.removeFirst(blank)
            scanned = max(0, scanned - blank)
        }
        guard let end = headEnd() else {
            if buffer.count > Self.headLimit {
                return .refused(.refusal(.badRequest, "The request head is larger than 64 KiB."))
            }
            return .incomplete
        }
        guard end.head <= Self.headLimit else {
            return .refused(.refusal(.badRequest, "The request head is larger than 64 KiB."))
        }
        let head = Array(buffer[..<end.head])
        buffer.removeFirst(end.next)
        scanned = 0
        switch PreviewRequestHead.parse(head) {
        case .failure(let refusal):
            return .refused(refusal.response)
        case .success(let (request, bodyLength)):
            let dropped = min(bodyLength, buffer.count)
            buffer.removeFirst(dropped)
            bodyToDrop = bodyLength - dropped
            return .request(request)
        }
    }

    /// The end of the head (before its empty line) and where the next bytes start, once the empty line has arrived.
    /// Lines end with CRLF, or with a bare LF, which RFC 9112 §2.2 lets a server accept.
    private mutating func headEnd() -> (head: Int, next: Int)? {
        var index = scanned
        while index < buffer.count {
            if buffer[index] == Self.lf {
                let after = index + 1
                if after < buffer.count, buffer[after] == Self.lf { return (index + 1, after + 1) }
                if after + 1 < buffer.count, buffer[after] == Self.cr, buffer[after + 1] == Self.lf {
                    return (index + 1, after + 2)
                }
                if after + 1 >= buffer.count {
                    // The empty line may still be on its way: look at this line end again next time.
                    scanned = index
                    return nil
                }
            }
            index += 1
        }
        scanned = index
        return nil
    }

    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")
}

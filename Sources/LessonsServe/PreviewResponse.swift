import Foundation

/// One HTTP/1.1 response of the preview server: a status, header fields and the whole body in memory (the preview
/// serves built pages and assets of a site, never streams).
struct PreviewResponse: Sendable, Equatable {
    /// The status codes the preview answers with, and their reason phrases.
    enum Status: Int, Sendable {
        case ok = 200
        case movedPermanently = 301
        case badRequest = 400
        case notFound = 404
        case methodNotAllowed = 405
        case internalServerError = 500
        case notImplemented = 501
        case serviceUnavailable = 503
        case httpVersionNotSupported = 505

        var reason: String {
            switch self {
            case .ok: "OK"
            case .movedPermanently: "Moved Permanently"
            case .badRequest: "Bad Request"
            case .notFound: "Not Found"
            case .methodNotAllowed: "Method Not Allowed"
            case .internalServerError: "Internal Server Error"
            case .notImplemented: "Not Implemented"
            case .serviceUnavailable: "Service Unavailable"
            case .httpVersionNotSupported: "HTTP Version Not Supported"
            }
        }
    }

    var status: Status
    /// Header fields besides `Content-Length` and `Connection`, which `encoded` adds.
    var headers: [PreviewRequest.Field]
    var body: Data

    init(status: Status, headers: [PreviewRequest.Field] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A text answer that is never cached, so a reload always shows the latest build.
    static func text(_ text: String, type: String, status: Status = .ok) -> PreviewResponse {
        PreviewResponse(status: status, headers: noStore(type), body: Data(text.utf8))
    }

    /// `Content-Type: type` and `Cache-Control: no-store`.
    static func noStore(_ type: String) -> [PreviewRequest.Field] {
        [.init(name: "Content-Type", value: type), .init(name: "Cache-Control", value: "no-store")]
    }

    /// The answer to a request the server cannot take, after which it closes the connection.
    static func refusal(_ status: Status, _ reason: String) -> PreviewResponse {
        text(reason + "\n", type: "text/plain; charset=utf-8", status: status)
    }

    /// The bytes on the wire: status line, header fields, `Content-Length` (the body's length, also for HEAD),
    /// `Connection: close` when the server closes after it, the blank line, and the body unless `omittingBody` (HEAD).
    func encoded(omittingBody: Bool, closing: Bool) -> Data {
        var head = "HTTP/1.1 \(status.rawValue) \(status.reason)\r\n"
        for field in headers {
            head += "\(field.name): \(field.value)\r\n"
        }
        head += "Content-Length: \(body.count)\r\n"
        if closing {
            head += "Connection: close\r\n"
        }
        head += "\r\n"
        var bytes = Data(head.utf8)
        if !omittingBody {
            bytes.append(body)
        }
        return bytes
    }
}

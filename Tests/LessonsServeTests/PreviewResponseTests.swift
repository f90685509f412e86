import Foundation
import Testing

@testable import LessonsServe

/// The preview server's responses on the wire.
@Suite struct PreviewResponseTests {
    static let page = PreviewResponse.text("<p>Hi</p>", type: "text/html; charset=utf-8")

    @Test func aResponseCarriesItsLengthTypeAndNoStore() {
        let wire = String(decoding: Self.page.encoded(omittingBody: false, closing: false), as: UTF8.self)
        #expect(
            wire == "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\n"
                + "Content-Length: 9\r\n\r\n<p>Hi</p>")
    }

    @Test func headGetsTheSameHeadWithoutTheBody() {
        let get = Self.page.encoded(omittingBody: false, closing: false)
        let head = Self.page.encoded(omittingBody: true, closing: false)
        #expect(get.count == head.count + 9)
        #expect(get.prefix(head.count) == head)
        #expect(String(decoding: head, as: UTF8.self).hasSuffix("Content-Length: 9\r\n\r\n"))
    }

    @Test func closingSaysSo() {
        let refusal = PreviewResponse.refusal(.badRequest, "Malformed request line.")
        let wire = String(decoding: refusal.encoded(omittingBody: false, closing: true), as: UTF8.self)
        #expect(wire.hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
        #expect(wire.contains("\r\nConnection: close\r\n\r\nMalformed request line.\n"))
    }

    @Test func everyStatusHasItsReasonPhrase() {
        let expected: [PreviewResponse.Status: String] = [
            .ok: "200 OK", .movedPermanently: "301 Moved Permanently", .badRequest: "400 Bad Request",
            .notFound: "404 Not Found", .methodNotAllowed: "405 Method Not Allowed",
            .internalServerError: "500 Internal Server Error", .notImplemented: "501 Not Implemented",
            .serviceUnavailable: "503 Service Unavailable", .httpVersionNotSupported: "505 HTTP Version Not Supported",
        ]
        for (status, line) in expected {
            #expect("\(status.rawValue) \(status.reason)" == line)
        }
    }
}

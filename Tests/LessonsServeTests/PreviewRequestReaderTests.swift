import Foundation
import Testing

@testable import LessonsServe

/// The preview server's request framing: heads split anywhere, pipelined requests, bodies dropped, and every malformed
/// or oversized head refused instead of guessed at.
@Suite struct PreviewRequestReaderTests {
    /// Everything `reader` yields until it needs more bytes or refuses.
    static func drain(_ reader: inout PreviewRequestReader) -> [PreviewRequestReader.Next] {
        var found: [PreviewRequestReader.Next] = []
        while true {
            let next = reader.next()
            if next == .incomplete { return found }
            found.append(next)
            if case .refused = next { return found }
        }
    }

    static func requests(_ text: String) -> [PreviewRequestReader.Next] {
        var reader = PreviewRequestReader()
        reader.append(Array(text.utf8))
        return drain(&reader)
    }

    static func request(_ text: String) throws -> PreviewRequest {
        let found = requests(text)
        guard found.count == 1, case .request(let request) = found[0] else {
            Issue.record("expected one request, got \(found)")
            throw CancellationError()
        }
        return request
    }

    static func refusal(_ text: String) -> PreviewResponse.Status? {
        guard case .refused(let response) = requests(text).last else { return nil }
        return response.status
    }

    @Test func keepsTheRawTargetAndItsQuery() throws {
        let request = try Self.request(
            "GET /lessons/a%20b/?lessons-last-good&x=1 HTTP/1.1\r\nHost: 127.0.0.1:8000\r\nAccept: */*\r\n\r\n")
        #expect(request.method == "GET")
        #expect(request.path == "/lessons/a%20b/")
        #expect(request.query == "lessons-last-good&x=1")
        #expect(request.hasQueryParameter("lessons-last-good"))
        #expect(!request.hasQueryParameter("lessons"))
        #expect(request.header("host") == "127.0.0.1:8000")
        #expect(request.header("ACCEPT") == "*/*")
        #expect(request.keepsConnectionOpen)
    }

    @Test func anAbsoluteFormTargetGivesItsPathAndHost() throws {
        let request = try Self.request("GET http://example.test:8000/a/?q HTTP/1.1\r\nHost: other\r\n\r\n")
        #expect(request.path == "/a/")
        #expect(request.query == "q")
        #expect(request.header("Host") == "example.test:8000")
        #expect(try Self.request("GET http://example.test HTTP/1.1\r\nHost: x\r\n\r\n").path == "/")
    }

    @Test func closesAfterHTTP10OrConnectionClose() throws {
        #expect(try !Self.request("GET / HTTP/1.0\r\n\r\n").keepsConnectionOpen)
        #expect(
            try !Self.request("GET / HTTP/1.1\r\nHost: h\r\nConnection: keep-alive, Close\r\n\r\n").keepsConnectionOpen)
        #expect(try Self.request("GET / HTTP/1.1\r\nHost: h\r\nConnection: keep-alive\r\n\r\n").keepsConnectionOpen)
    }

    @Test func aHeadSplitAnywhereGivesTheSameRequest() throws {
        let text = "\r\nGET /a/?b HTTP/1.1\r\nHost: h\r\nX-Long: \(String(repeating: "v", count: 300))\r\n\r\n"
        let whole = try Self.request(text)
        let bytes = Array(text.utf8)
        for cut in 0...bytes.count {
            var reader = PreviewRequestReader()
            reader.append(bytes[..<cut])
            let first = Self.drain(&reader)
            reader.append(bytes[cut...])
            let found = first + Self.drain(&reader)
            #expect(found == [.request(whole)], "cut at \(cut)")
            #expect(reader.isIdle)
        }
        // Byte by byte, too.
        var reader = PreviewRequestReader()
        var found: [PreviewRequestReader.Next] = []
        for byte in bytes {
            reader.append([byte])
            found += Self.drain(&reader)
        }
        #expect(found == [.request(whole)])
    }

    @Test func bareLineFeedsEndLinesToo() throws {
        let request = try Self.request("GET /x HTTP/1.1\nHost: h\n\n")
        #expect(request.path == "/x")
        #expect(request.header("Host") == "h")
    }

    @Test func pipelinedRequestsComeOneAfterTheOther() {
        let found = Self.requests(
            "GET /1 HTTP/1.1\r\nHost: h\r\n\r\nHEAD /2 HTTP/1.1\r\nHost: h\r\n\r\nGET /3 HTTP/1.1\r\nHost: h\r\n\r\n")
        let paths = found.compactMap { next -> String? in
            if case .request(let request) = next { return request.method + " " + request.path }
            return nil
        }
        #expect(paths == ["GET /1", "HEAD /2", "GET /3"])
    }

    @Test func aBodyIsDroppedEvenWhenItArrivesLater() throws {
        var reader = PreviewRequestReader()
        reader.append(Array("POST /form HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\nabc".utf8))
        let first = Self.drain(&reader)
        #expect(first.count == 1)
        #expect(!reader.isIdle, "7 bytes of the body are still to come")
        reader.append(Array("defghij".utf8))
        #expect(reader.isIdle)
        reader.append(Array("GET /next HTTP/1.1\r\nHost: h\r\n\r\n".utf8))
        guard case .request(let next) = reader.next() else {
            Issue.record("the request after the body was not read")
            return
        }
        #expect(next.path == "/next")
    }

    @Test func malformedHeadsAreRefused() {
        let malformed = [
            "GARBAGE\r\n\r\n",
            "GET /\r\n\r\n",
            "GET  / HTTP/1.1\r\nHost: h\r\n\r\n",
            "GET / HTTP/1.1 extra\r\nHost: h\r\n\r\n",
            "GET / FTP/1.1\r\nHost: h\r\n\r\n",
            "GET / HTTP/1.1\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
            "GET / HTTP/1.1\r\nHost : h\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: h\r\n folded\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: h\r\nNo colon\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: h\rX: y\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: h\r\nContent-Length: -1\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999999999999999999\r\n\r\n",
            "GET relative HTTP/1.1\r\nHost: h\r\n\r\n",
            "G(T / HTTP/1.1\r\nHost: h\r\n\r\n",
            "GET /\u{e9} HTTP/1.1\r\nHost: h\r\n\r\n",
            "GET /\u{0}x HTTP/1.1\r\nHost: h\r\n\r\n",
        ]
        for text in malformed {
            #expect(Self.refusal(text) == .badRequest, "\(text.debugDescription)")
        }
        #expect(Self.refusal("GET / HTTP/2.0\r\nHost: h\r\n\r\n") == .httpVersionNotSupported)
        #expect(Self.refusal("GET / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n") == .notImplemented)
    }

    @Test func aHeadOverTheLimitIsRefusedBeforeItEnds() {
        var reader = PreviewRequestReader()
        reader.append(Array("GET / HTTP/1.1\r\nHost: h\r\nX: ".utf8))
        #expect(reader.next() == .incomplete)
        reader.append([UInt8](repeating: UInt8(ascii: "a"), count: PreviewRequestReader.headLimit))
        guard case .refused(let response) = reader.next() else {
            Issue.record("a head over 64 KiB was not refused")
            return
        }
        #expect(response.status == .badRequest)
        // Just under the limit is fine.
        let filler = String(repeating: "b", count: PreviewRequestReader.headLimit - 100)
        #expect(Self.refusal("GET / HTTP/1.1\r\nHost: h\r\nX: \(filler)\r\n\r\n") == nil)
    }

    /// Random bytes, and random cuts of valid requests, never crash the reader and always end in a verdict.
    @Test func randomBytesNeverCrashIt() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let alphabet = Array("GET /?a=b HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n:\0\u{7f}é".utf8)
        for _ in 0..<2000 {
            var reader = PreviewRequestReader()
            for _ in 0..<Int(next() % 8) {
                let count = Int(next() % 64)
                reader.append((0..<count).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] })
                _ = Self.drain(&reader)
            }
        }
    }
}

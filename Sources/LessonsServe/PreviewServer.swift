import FlyingFox
import FlyingSocks
import Foundation
import LessonsKit

/// The HTTP side of `lessons serve`: FlyingFox serves the built files, the live-reload script and version, and the
/// error page while the latest build has failed.
struct PreviewServer: HTTPHandler {
    let files: PreviewFiles
    let state: PreviewState

    /// A FlyingFox server bound to `host:port` (port 0 picks a free one) that answers with this preview.
    func httpServer(host: String, port: UInt16) throws -> HTTPServer {
        if host.contains(":") {
            return HTTPServer(address: try .inet6(ip6: host, port: port), timeout: 30, logger: .disabled, handler: self)
        }
        return HTTPServer(address: try .inet(ip4: host, port: port), timeout: 30, logger: .disabled, handler: self)
    }

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        await respond(to: request)
    }

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        switch request.path {
        case LiveReload.scriptPath: return Self.text(LiveReload.script, type: "text/javascript; charset=utf-8")
        case LiveReload.versionPath: return Self.text(String(await state.version), type: "text/plain; charset=utf-8")
        case BuildErrorPage.errorStylePath: return Self.text(BuildErrorPage.style, type: "text/css; charset=utf-8")
        default: break
        }
        let wantsLastGood = request.query.contains { $0.name == PreviewFiles.lastGoodQuery }
        let failure = await state.failure
        // The raw target keeps the trailing slash that FlyingFox's standardised `path` drops.
        let rawPath = request.target.path(percentEncoded: true)
        let lookup = files.lookup(rawPath)
        let isPage: Bool =
            switch lookup {
            case .file(_, let type): type.hasPrefix("text/html")
            case .redirect: false
            case .notFound: true
            }
        if isPage, !wantsLastGood, let failure {
            let query = request.target.query(percentEncoded: true)
            let shown = rawPath + (query.isEmpty ? "" : "?" + query)
            return Self.text(
                BuildErrorPage.html(failure, requestedPath: shown), type: "text/html; charset=utf-8",
                status: .internalServerError)
        }
        if isPage, !(await state.hasGoodBuild) {
            return Self.text(BuildErrorPage.building, type: "text/html; charset=utf-8", status: .serviceUnavailable)
        }
        switch lookup {
        case .file(let path, let type):
            return Self.file(path, type: type, status: .ok)
        case .redirect(let path):
            // An absolute address: some clients resolve a relative Location against the old address without its slash.
            let location = request.headers[HTTPHeader("Host")].map { "http://\($0)\(path)" } ?? path
            return HTTPResponse(
                statusCode: .movedPermanently,
                headers: HTTPHeaders([HTTPHeader("Location"): location, HTTPHeader("Cache-Control"): "no-store"]))
        case .notFound(let page):
            guard let page else {
                return Self.text("Not found\n", type: "text/plain; charset=utf-8", status: .notFound)
            }
            return Self.file(page, type: "text/html; charset=utf-8", status: .notFound)
        }
    }

    /// A built file; pages get the live-reload script. Nothing is cached, so a reload always shows the latest build.
    static func file(_ path: String, type: String, status: HTTPStatusCode) -> HTTPResponse {
        guard let data = FileManager.default.contents(atPath: path) else {
            return text("Not found\n", type: "text/plain; charset=utf-8", status: .notFound)
        }
        guard type.hasPrefix("text/html") else {
            return HTTPResponse(statusCode: status, headers: Self.headers(type), body: data)
        }
        return text(LiveReload.inject(into: String(decoding: data, as: UTF8.self)), type: type, status: status)
    }

    static func text(_ text: String, type: String, status: HTTPStatusCode = .ok) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: headers(type), body: Data(text.utf8))
    }

    static func headers(_ type: String) -> HTTPHeaders {
        HTTPHeaders([HTTPHeader("Content-Type"): type, HTTPHeader("Cache-Control"): "no-store"])
    }
}

import Foundation
import LessonsKit

/// What the preview answers to a GET or HEAD: the built files, the live-reload script and version, and the error page
/// while the latest build has failed.
struct PreviewResponder: Sendable {
    let files: PreviewFiles
    let state: PreviewState

    func respond(to request: PreviewRequest) async -> PreviewResponse {
        switch request.path {
        case LiveReload.scriptPath: return .text(LiveReload.script, type: "text/javascript; charset=utf-8")
        case LiveReload.versionPath: return .text(String(await state.version), type: "text/plain; charset=utf-8")
        case BuildErrorPage.errorStylePath: return .text(BuildErrorPage.style, type: "text/css; charset=utf-8")
        default: break
        }
        let wantsLastGood = request.hasQueryParameter(PreviewFiles.lastGoodQuery)
        let failure = await state.failure
        // The raw path, as sent: its trailing slash tells a folder's page from a redirect to it.
        let lookup = files.lookup(request.path)
        let isPage: Bool =
            switch lookup {
            case .file(_, let type): type.hasPrefix("text/html")
            case .redirect: false
            case .notFound: true
            }
        if isPage, !wantsLastGood, let failure {
            let shown = request.path + (request.query.isEmpty ? "" : "?" + request.query)
            return .text(
                BuildErrorPage.html(failure, requestedPath: shown), type: "text/html; charset=utf-8",
                status: .internalServerError)
        }
        if isPage, !(await state.hasGoodBuild) {
            return .text(BuildErrorPage.building, type: "text/html; charset=utf-8", status: .serviceUnavailable)
        }
        switch lookup {
        case .file(let path, let type):
            return Self.file(path, type: type, status: .ok)
        case .redirect(let path):
            // An absolute address: some clients resolve a relative Location against the old address without its slash.
            let location = request.header("Host").map { "http://\($0)\(path)" } ?? path
            return PreviewResponse(
                status: .movedPermanently,
                headers: [.init(name: "Location", value: location), .init(name: "Cache-Control", value: "no-store")])
        case .notFound(let page):
            guard let page else {
                return .text("Not found\n", type: "text/plain; charset=utf-8", status: .notFound)
            }
            return Self.file(page, type: "text/html; charset=utf-8", status: .notFound)
        }
    }

    /// A built file; pages get the live-reload script. Nothing is cached, so a reload always shows the latest build.
    static func file(_ path: String, type: String, status: PreviewResponse.Status) -> PreviewResponse {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .text("Not found\n", type: "text/plain; charset=utf-8", status: .notFound)
        }
        guard type.hasPrefix("text/html") else {
            return PreviewResponse(status: status, headers: PreviewResponse.noStore(type), body: data)
        }
        return .text(LiveReload.inject(into: String(decoding: data, as: UTF8.self)), type: type, status: status)
    }
}

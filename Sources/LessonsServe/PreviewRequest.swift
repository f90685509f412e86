import Foundation

/// One HTTP/1.x request to the preview server, as the browser sent it: the request target stays raw (percent-encoded,
/// with its trailing slash and query), because the preview looks files up by the address exactly as written.
struct PreviewRequest: Sendable, Equatable {
    /// The method token, case-sensitive as HTTP defines it (`GET`, `HEAD`, …).
    let method: String
    /// The request target's path, raw: `/lessons/ll-2026-002/` or `/a%20b`. An absolute-form target
    /// (`http://host/path`) is reduced to its path.
    let path: String
    /// Everything after the first `?` of the target, raw; empty when there is none.
    let query: String
    /// The minor version of HTTP/1.x: 0 or 1.
    let minorVersion: Int
    /// The header fields in the order received, names as sent.
    let headers: [Field]

    /// One header field: `name: value`, the value without the spaces around it.
    struct Field: Sendable, Equatable {
        let name: String
        let value: String
    }

    /// The value of the first header field called `name` (compared without regard to case).
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Whether the connection stays open for another request: HTTP/1.1 unless the client sent `Connection: close`.
    /// HTTP/1.0 connections close after one response.
    var keepsConnectionOpen: Bool {
        guard minorVersion >= 1 else { return false }
        let tokens = headers.filter { $0.name.lowercased() == "connection" }
            .flatMap { $0.value.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        return !tokens.contains("close")
    }

    /// Whether the query holds a parameter called `name` (`?name` or `?name=value`), percent-decoded.
    func hasQueryParameter(_ name: String) -> Bool {
        query.split(separator: "&").contains { part in
            let key = String(part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)[0])
            return (key.removingPercentEncoding ?? key) == name
        }
    }
}

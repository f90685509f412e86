import Foundation

/// Maps request paths to files of the built site, the way a plain web server would: folders give their `index.html`,
/// anything missing gives `404.html`, and nothing outside the output folder is ever read.
struct PreviewFiles: Sendable {
    /// `?lessons-last-good` asks for the last good page even while the latest build has failed.
    static let lastGoodQuery = "lessons-last-good"

    let root: String

    enum Lookup: Equatable {
        case file(path: String, contentType: String)
        case redirect(to: String)
        case notFound(page: String?)
    }

    /// The file for a URL path (without its query), already percent-decoded by the caller or not.
    func lookup(_ urlPath: String) -> Lookup {
        let decoded = urlPath.removingPercentEncoding ?? urlPath
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard !parts.contains(where: { $0 == ".." || $0 == "." || $0.contains("\0") }) else {
            return .notFound(page: notFoundPage)
        }
        var path = root + (parts.isEmpty ? "" : "/" + parts.joined(separator: "/"))
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .notFound(page: notFoundPage)
        }
        if isDirectory.boolValue {
            // A folder without its trailing slash would break the page's relative links: send the browser to the right address.
            guard decoded.hasSuffix("/") || parts.isEmpty else { return .redirect(to: urlPath + "/") }
            path += "/index.html"
            guard FileManager.default.fileExists(atPath: path) else { return .notFound(page: notFoundPage) }
        }
        return .file(path: path, contentType: Self.contentType(of: path))
    }

    private var notFoundPage: String? {
        FileManager.default.fileExists(atPath: root + "/404.html") ? root + "/404.html" : nil
    }

    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "xml": "application/xml; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "ico": "image/x-icon"
        case "pdf": "application/pdf"
        case "txt": "text/plain; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        case "eml": "message/rfc822"
        case "vtt": "text/vtt; charset=utf-8"
        case "mp4": "video/mp4"
        case "woff2": "font/woff2"
        default: "application/octet-stream"
        }
    }
}

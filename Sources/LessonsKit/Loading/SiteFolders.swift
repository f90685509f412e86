import Foundation

/// Listings of the site's own folders that are not content: `static/` files and the theme folders.
extension SiteReader {
    /// Files under `static/` (site-relative paths under it, sorted), skipping names starting with `.` or `_` and
    /// anything that leaves the site through a link.
    func staticFiles() -> [String] {
        // Regular files only: a named pipe would block the copy forever (the pipeline reports it, located).
        regularFiles(under: "static").files.map { String($0.dropFirst("static/".count)) }
    }

    /// Names of the folders under `themes/`, sorted, without hidden or `_` ones.
    func themeFolders() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: absolute("themes"))) ?? [])
            .filter { !$0.hasPrefix(".") && !$0.hasPrefix("_") }.sorted()
    }
}

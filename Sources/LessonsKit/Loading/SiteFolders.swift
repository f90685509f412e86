import Foundation

/// Listings of the site's own folders that are not content: `static/` files and the theme folders.
extension SiteReader {
    /// Files under `static/` (site-relative paths under it, sorted), skipping names starting with `.` or `_` and
    /// anything that leaves the site through a link.
    public func staticFiles() -> [String] {
        let root = siteDirectory + "/static"
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") || $0.hasPrefix("_") }),
                FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory),
                !isDirectory.boolValue,
                isInsideSite(root + "/" + relative)
            else { continue }
            files.append(relative)
        }
        return files.sorted()
    }

    /// Names of the folders under `themes/`, sorted, without hidden or `_` ones.
    public func themeFolders() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: absolute("themes"))) ?? [])
            .filter { !$0.hasPrefix(".") && !$0.hasPrefix("_") }.sorted()
    }
}

/// The one rule for joining a relative path to a folder of the site or of the output, used by the Markdown
/// attachment resolver, the PDF stage and the link check alike.
enum RelativePath {
    /// Joins `relative` to `folder` (both `/`-separated, no leading `/`), resolving `.`, `..` and empty segments;
    /// nil when it climbs above the root. A trailing `/` (or a final `.` or `..`) keeps the result a folder.
    static func join(_ relative: String, to folder: String) -> String? {
        var parts = folder.split(separator: "/").map(String.init)
        for piece in relative.split(separator: "/", omittingEmptySubsequences: false) {
            switch piece {
            case "", ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(piece))
            }
        }
        let endsInFolder =
            relative.hasSuffix("/") || relative.hasSuffix("/.") || relative.hasSuffix("/..") || relative == "."
            || relative == ".."
        let joined = parts.joined(separator: "/")
        return endsInFolder && !joined.isEmpty ? joined + "/" : joined
    }
}

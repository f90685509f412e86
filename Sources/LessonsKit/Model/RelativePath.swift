/// The one rule for joining a relative path to a folder of the site or of the output, used by the Markdown
/// attachment resolver, the PDF stage and the link check alike.
enum RelativePath {
    /// Joins `relative` to `folder` (both `/`-separated, no leading `/`), resolving `.`, `..` and empty segments;
    /// nil when it climbs above the root. A trailing `/` (or a final `.` or `..`) keeps the result a folder.
    static func join(_ relative: String, to folder: String) -> String? {
        join(Substring(relative), toFolder: folder.utf8.split(separator: slash).map { Substring($0) })
    }

    /// ``join(_:to:)`` with the folder already split into its names (a caller joining many links to one folder splits
    /// it once).
    static func join(_ relative: Substring, toFolder folder: [Substring]) -> String? {
        var parts = folder
        for piece in relative.utf8.split(separator: slash, omittingEmptySubsequences: false) {
            if piece.isEmpty || piece.elementsEqual(".".utf8) { continue }
            if piece.elementsEqual("..".utf8) {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(Substring(piece))
            }
        }
        let endsInFolder =
            relative.hasSuffix("/") || relative.hasSuffix("/.") || relative.hasSuffix("/..") || relative == "."
            || relative == ".."
        let joined = parts.joined(separator: "/")
        return endsInFolder && !joined.isEmpty ? joined + "/" : joined
    }

    private static let slash = UInt8(ascii: "/")
}

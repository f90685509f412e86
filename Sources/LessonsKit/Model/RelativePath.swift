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
    ///
    /// Built on the bytes: the link check joins every link of every page, and splitting each link into an array of
    /// names and joining them again cost more than the rest of resolving it.
    static func join(_ relative: Substring, toFolder folder: [Substring]) -> String? {
        // `joined` is the names so far with a `/` between each two; a name never holds a `/`, so dropping the last
        // name is cutting at the last `/` (or to nothing).
        var joined: [UInt8] = []
        joined.reserveCapacity(relative.utf8.count + folder.reduce(0) { $0 + $1.utf8.count + 1 } + 1)
        var names = 0
        func append(_ name: Substring.UTF8View) {
            if names > 0 { joined.append(slash) }
            joined.append(contentsOf: name)
            names += 1
        }
        for name in folder { append(name.utf8) }
        let bytes = relative.utf8
        var start = bytes.startIndex
        while true {
            let end = bytes[start...].firstIndex(of: slash) ?? bytes.endIndex
            let piece = bytes[start..<end]
            if piece.isEmpty || piece.elementsEqual(CollectionOfOne(dot)) {
                // the same folder
            } else if piece.count == 2, piece.allSatisfy({ $0 == dot }) {
                guard names > 0 else { return nil }
                names -= 1
                joined.removeSubrange((joined.lastIndex(of: slash) ?? 0)...)
            } else {
                append(piece)
            }
            guard end < bytes.endIndex else { break }
            start = bytes.index(after: end)
        }
        let endsInFolder =
            relative.hasSuffix("/") || relative.hasSuffix("/.") || relative.hasSuffix("/..") || relative == "."
            || relative == ".."
        if endsInFolder && !joined.isEmpty { joined.append(slash) }
        return String(decoding: joined, as: UTF8.self)
    }

    private static let slash = UInt8(ascii: "/")
    private static let dot = UInt8(ascii: ".")
}

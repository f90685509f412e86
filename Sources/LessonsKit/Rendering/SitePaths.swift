/// Where each page of the site lives, and relative links between pages so the site works under any path.
struct SitePaths: Sendable {
    /// In portable mode every link ends in `index.html`, so the site also works opened from a file share.
    let portable: Bool

    /// The folder of a document's page, e.g. `lessons/ll-2026-001/`.
    func folder(of document: Document) -> String {
        "\(document.type.folder)/\(document.slug)/"
    }

    func listFolder(of type: DocumentType) -> String { "\(type.folder)/" }

    /// A relative link from the page in folder `from` (e.g. `lessons/ll-2026-001/`, or `""` for the root) to
    /// the folder `to`, or to a file when `to` does not end in `/`.
    func href(from: String, to: String) -> String {
        let depth = Self.depth(of: from)
        var link = String(repeating: "../", count: depth) + to
        if to.isEmpty || to.hasSuffix("/") {
            if portable { link += "index.html" } else if link.isEmpty { link = "./" }
        }
        return link
    }

    /// How many folders deep `folder` is: its non-empty `/`-separated parts (counted on bytes, without splitting: every
    /// link of every page is made relative through this).
    static func depth(of folder: String) -> Int {
        var depth = 0
        var inPart = false
        for byte in folder.utf8 {
            if byte == UInt8(ascii: "/") {
                inPart = false
            } else if !inPart {
                inPart = true
                depth += 1
            }
        }
        return depth
    }

    /// The output file for a page folder.
    func file(for folder: String) -> String { folder + "index.html" }
}

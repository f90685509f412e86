/// Where each page of the site lives, and relative links between pages so the site works under any path.
public struct SitePaths: Sendable {
    /// In portable mode every link ends in `index.html`, so the site also works opened from a file share.
    public let portable: Bool

    public init(portable: Bool) {
        self.portable = portable
    }

    /// The folder of a document's page, e.g. `lessons/ll-2026-001/`.
    public func folder(of document: Document) -> String {
        "\(document.type.folder)/\(document.slug)/"
    }

    public func listFolder(of type: DocumentType) -> String { "\(type.folder)/" }

    /// A relative link from the page in folder `from` (e.g. `lessons/ll-2026-001/`, or `""` for the root) to
    /// the folder `to`, or to a file when `to` does not end in `/`.
    public func href(from: String, to: String) -> String {
        let depth = from.split(separator: "/").count
        var link = String(repeating: "../", count: depth) + to
        if to.isEmpty || to.hasSuffix("/") {
            if portable { link += "index.html" } else if link.isEmpty { link = "./" }
        }
        return link
    }

    /// The output file for a page folder.
    public func file(for folder: String) -> String { folder + "index.html" }
}

/// An edition's output files by path, with each page's ids: what resolving a link looks up.
struct OutputTable: Sendable {
    /// The files, in the order the renderer gave them.
    let entries: [OutputEntry]
    /// The index in `entries` of each path (its first file when two share it).
    let index: [String: Int]
    /// Whether two files share a path (an error the collision check reports).
    let hasSharedPaths: Bool
    /// With shared paths only: the ids of the first page on each path (a copied file may come first).
    private let sharedPathIds: [String: Set<String>]

    init(_ entries: [OutputEntry]) {
        self.entries = entries
        var index: [String: Int] = [:]
        index.reserveCapacity(entries.count)
        var shared = false
        for (position, entry) in entries.enumerated() {
            if index[entry.path] == nil { index[entry.path] = position } else { shared = true }
        }
        self.index = index
        hasSharedPaths = shared
        var ids: [String: Set<String>] = [:]
        if shared {
            for entry in entries { if let links = entry.links, ids[entry.path] == nil { ids[entry.path] = links.ids } }
        }
        sharedPathIds = ids
    }

    /// The ids of the page at `position`'s path, or nil when no page is there (a copied file, a feed).
    func ids(of position: Int) -> Set<String>? {
        hasSharedPaths ? sharedPathIds[entries[position].path] : entries[position].links?.ids
    }
}

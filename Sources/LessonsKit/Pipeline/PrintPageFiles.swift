/// The files Chromium needs to print a page of the output: the page itself and the files it refers to (style sheets,
/// images, the print footer), found from the links recorded when the page was rendered; only a page nobody recorded
/// (a theme whose attribute values are too intricate to record) has its HTML scanned.
struct PrintPageFiles: Sendable {
    /// The output files by path.
    private let byPath: [String: OutputFile]

    /// Looks files up in `files` (the first of two with one path wins, as in the output).
    init(_ files: [OutputFile]) {
        byPath = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The page at `page` and every file of the output it refers to, sorted by path; empty when there is no such page.
    func files(for page: String) -> [OutputFile] {
        guard let file = byPath[page], let referenced = Self.referencedPaths(of: file) else { return [] }
        var needed: Set<String> = [page]
        for path in referenced where byPath[path] != nil { needed.insert(path) }
        return needed.sorted().compactMap { byPath[$0] }
    }

    /// The output paths an HTML page's relative links lead to (from its recorded links, else its scanned HTML), whether
    /// or not those files exist; nil when the page's bytes are not in memory.
    static func referencedPaths(of page: OutputFile) -> [String]? {
        guard let bytes = page.heldBytes else { return nil }
        let folder = page.path.utf8.split(separator: UInt8(ascii: "/")).dropLast().map { Substring($0) }
        return relativeLinks(page.links?.recorded ?? HTMLLinkScanner.scan(bytes)).compactMap {
            RelativePath.join($0, toFolder: folder)
        }
    }

    /// The files of all `pages`, each once, sorted by path.
    func files(for pages: [String]) -> [OutputFile] {
        var seen: Set<String> = []
        return pages.flatMap { files(for: $0) }.filter { seen.insert($0.path).inserted }.sorted { $0.path < $1.path }
    }

    /// The relative links of a page, without their `#fragment`: no scheme (`mailto:`, `https:`), not from the root.
    static func relativeLinks(_ links: HTMLLinks) -> [Substring] {
        links.links.compactMap { link in
            let path = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard !path.isEmpty, !path.contains(":"), !path.hasPrefix("/") else { return nil }
            return path
        }
    }
}

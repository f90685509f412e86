import Synchronization

/// The sitemap's locations of an edition's pages, made as the renderer hands the pages on (on its threads, beside the
/// rest of the rendering), so that writing the sitemap once every page is made is only a sort and a join.
final class SitemapLocations: Sendable {
    private let baseURL: String
    private let portable: Bool
    private let made = Mutex<[(path: String, location: Sitemap.Location)]>([])

    init(baseURL: String, portable: Bool) {
        self.baseURL = baseURL
        self.portable = portable
    }

    /// Notes the location of each page among `files` (every file the sitemap lists: ``OutputFile/isPage``).
    func add(_ files: [OutputFile]) {
        let pages = files.filter(\.isPage).map { file in
            (file.path, Sitemap.Location(url: Sitemap.pageURL(file.path, baseURL: baseURL, portable: portable)))
        }
        guard !pages.isEmpty else { return }
        made.withLock { $0 += pages }
    }

    /// Every page's location noted, in the order of the pages' paths (as ``Sitemap/pageURLs(_:baseURL:portable:)``).
    var sorted: [Sitemap.Location] {
        made.withLock { $0 }.sorted { $0.path < $1.path }.map(\.location)
    }
}

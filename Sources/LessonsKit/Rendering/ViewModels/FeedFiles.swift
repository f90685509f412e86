/// Atom feeds (whole edition, per type, per theme), the sitemap and robots.txt of an edition.
struct FeedFiles: Sendable {
    let catalog: FeedCatalog
    let content: EditionContent
    let data: SiteData
    let paths: SitePaths
    let gitHistory: GitHistory
    let baseURL: String?
    let organisation: String
    let language: String
    /// `robots: allow` in site.yaml.
    let robotsAllow: Bool
    let today: PartialDate

    /// Entries per feed (the latest ones).
    static let feedLength = 50

    /// `feed.xml`, `<type>/feed.xml` and `themes/<slug>/feed.xml`; none without `base_url` (feeds need absolute links).
    ///
    /// `bodyTexts` holds the plain text of the bodies the feeds summarise (``bodyTexts(_:)``).
    func feeds(bodyTexts bodyText: [String: String]) -> [OutputFile] {
        guard let baseURL else { return [] }
        return catalog.feeds.map { source in
            let items = source.documents.prefix(Self.feedLength).map { document -> AtomFeed.Entry in
                let folder = paths.folder(of: document)
                let url = baseURL + folder
                let summary = document.summary ?? Self.excerpt(bodyText[folder] ?? "")
                let categories = document.themes.compactMap { slug in
                    data.theme(slug).map { AtomFeed.Category(term: slug, label: $0.title) }
                }
                // The entry was updated when its file last changed in git; its date field still decides its place in the feed.
                let updated = gitHistory[document.path]?.lastUpdated ?? document.date ?? today
                return AtomFeed.Entry(
                    id: url, title: document.title, updated: updated,
                    link: url + (paths.portable ? "index.html" : ""), summary: summary, categories: categories)
            }
            let feed = AtomFeed(
                selfURL: baseURL + source.folder + "feed.xml",
                pageURL: baseURL + source.folder + (paths.portable ? "index.html" : ""),
                title: source.title, author: organisation, language: language, entries: Array(items))
            return OutputFile(path: source.folder + "feed.xml", text: feed.xml)
        }
    }

    /// The body text (`text`; nil when there is none to show) of each document a feed shows without a summary, by
    /// folder.
    func bodyTexts(_ text: (Document) -> String?) -> [String: String] {
        guard baseURL != nil else { return [:] }
        var texts: [String: String] = [:]
        for source in catalog.feeds {
            for document in source.documents.prefix(Self.feedLength) where document.summary == nil {
                if let body = text(document) { texts[paths.folder(of: document)] = body }
            }
        }
        return texts
    }

    /// The first sentences of a body, cut at a word near 280 characters.
    static func excerpt(_ text: String) -> String {
        guard text.count > 280 else { return text }
        let cut = text.prefix(280)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + "…"
    }

    /// Each document page's last change in git, by its sitemap URL (empty without `base_url`).
    func sitemapLastModified() -> [String: PartialDate] {
        guard let baseURL else { return [:] }
        var lastModified: [String: PartialDate] = [:]
        for document in content.documents {
            guard let updated = gitHistory[document.path]?.lastUpdated else { continue }
            lastModified[baseURL + paths.folder(of: document) + (paths.portable ? "index.html" : "")] = updated
        }
        return lastModified
    }

    /// Where the renderer notes each page's sitemap location as it makes it; nil without `base_url` (no sitemap).
    func sitemapLocations() -> SitemapLocations? {
        baseURL.map { SitemapLocations(baseURL: $0, portable: paths.portable) }
    }

    /// `sitemap.xml` (with `base_url` only: locations must be absolute) of the pages noted in `sitemap`, and
    /// `robots.txt`, with the `<lastmod>` dates ``sitemapLastModified()`` gave (worked out beside the rendering, as they
    /// do not depend on the pages).
    func crawlerFiles(sitemap: SitemapLocations?, lastModified: [String: PartialDate]) -> [OutputFile] {
        guard let baseURL, let sitemap else { return [Sitemap.robots(allow: robotsAllow, sitemapURL: nil)] }
        return Sitemap.files(for: sitemap.sorted, baseURL: baseURL, lastModified: lastModified) + [
            Sitemap.robots(allow: robotsAllow, sitemapURL: baseURL + "sitemap.xml")
        ]
    }
}

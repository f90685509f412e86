/// Atom feeds (whole edition, per type, per theme), the sitemap and robots.txt of an edition.
extension RenderContext {
    /// Entries per feed (the latest ones).
    static let feedLength = 50

    /// Documents a feed may carry, newest first: dated, not in the future, not superseded, not free pages.
    var feedDocuments: [Document] {
        content.documents.filter(isFeedDocument).sorted(by: Document.newestFirst)
    }

    func isFeedDocument(_ document: Document) -> Bool {
        guard document.type != .page, let date = document.date, date <= today else { return false }
        return document.supersededBy == nil || document.isDraft
    }

    /// Slugs a theme's page and feed cover: the theme and its descendants at any depth.
    func themeFamily(_ slug: String) -> Set<String> {
        data.themeTree.selfAndDescendants(of: slug)
    }

    /// Each feed as (folder of the page it mirrors, feed title, documents); only feeds with documents.
    func feedSources() -> [(folder: String, title: String, documents: [Document])] {
        let documents = feedDocuments
        let editionTitle = content.edition.title ?? config.title
        var feeds: [(String, String, [Document])] = [("", editionTitle, documents)]
        for type in DocumentType.allCases where type != .page {
            feeds.append(
                (
                    paths.listFolder(of: type), "\(editionTitle): \(type.pluralName)",
                    documents.filter { $0.type == type }
                ))
        }
        for theme in data.themes {
            let family = themeFamily(theme.slug)
            feeds.append(
                (
                    "themes/\(theme.slug)/", "\(editionTitle): \(theme.title)",
                    documents.filter { !family.isDisjoint(with: $0.themes) }
                ))
        }
        return feeds.filter { !$0.2.isEmpty }
    }

    /// `feed.xml`, `<type>/feed.xml` and `themes/<slug>/feed.xml`; none without `base_url` (feeds need absolute links).
    func feedFiles(entries: [SearchEntry]) -> [OutputFile] {
        guard let baseURL = config.baseURL else { return [] }
        var bodyText: [String: String] = [:]
        for entry in entries { bodyText[entry.folder] = entry.fields.last?.text }
        return feedSources().map { source in
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
                title: source.title, author: config.organisation, language: config.language, entries: Array(items))
            return OutputFile(path: source.folder + "feed.xml", text: feed.xml)
        }
    }

    /// The first sentences of a body, cut at a word near 280 characters.
    static func excerpt(_ text: String) -> String {
        guard text.count > 280 else { return text }
        let cut = text.prefix(280)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + "…"
    }

    /// `<link rel="alternate">` targets for a page: the edition's feed, and the feed of the type or theme the page lists.
    func feedLinks(from folder: String) -> [(title: String, target: String)] {
        // Called for every page: only list and theme pages look further than the first feed document.
        guard config.baseURL != nil, content.documents.contains(where: isFeedDocument) else { return [] }
        let editionTitle = content.edition.title ?? config.title
        var links = [(title: editionTitle, target: "feed.xml")]
        if let type = DocumentType.allCases.first(where: { $0 != .page && paths.listFolder(of: $0) == folder }),
            content.documents.contains(where: { $0.type == type && isFeedDocument($0) })
        {
            links.append((title: "\(editionTitle): \(type.pluralName)", target: folder + "feed.xml"))
        }
        let parts = folder.split(separator: "/")
        if parts.count == 2, parts[0] == "themes", let theme = data.theme(String(parts[1])) {
            let family = themeFamily(theme.slug)
            if content.documents.contains(where: { !family.isDisjoint(with: $0.themes) && isFeedDocument($0) }) {
                links.append((title: "\(editionTitle): \(theme.title)", target: folder + "feed.xml"))
            }
        }
        return links
    }

    /// `sitemap.xml` (with `base_url` only: locations must be absolute) and `robots.txt`.
    func crawlerFiles(pages files: [OutputFile]) -> [OutputFile] {
        guard let baseURL = config.baseURL else { return [Sitemap.robots(allow: config.robotsAllow, sitemapURL: nil)] }
        let urls = Sitemap.pageURLs(files, baseURL: baseURL, portable: paths.portable)
        var lastModified: [String: PartialDate] = [:]
        for document in content.documents {
            guard let updated = gitHistory[document.path]?.lastUpdated else { continue }
            lastModified[baseURL + paths.folder(of: document) + (paths.portable ? "index.html" : "")] = updated
        }
        return Sitemap.files(for: urls, baseURL: baseURL, lastModified: lastModified) + [
            Sitemap.robots(allow: config.robotsAllow, sitemapURL: baseURL + "sitemap.xml")
        ]
    }
}

/// The Atom feeds of one edition, worked out once: the whole edition's, one per type and one per theme, each with
/// its latest documents (newest first, as many as a feed shows); only feeds with documents, and none without `base_url`
/// (feeds need absolute links).
struct FeedCatalog: Sendable {
    struct Feed: Sendable {
        /// Folder of the page the feed mirrors (`""`, `lessons/`, `themes/falls/`); the feed is `<folder>feed.xml`.
        let folder: String
        let title: String
        let documents: [Document]
    }

    let feeds: [Feed]
    private let byFolder: [String: Feed]

    init(
        content: EditionContent, data: SiteData, paths: SitePaths, editionTitle: String, today: PartialDate,
        hasBaseURL: Bool, length: Int = FeedFiles.feedLength
    ) {
        guard hasBaseURL else {
            (feeds, byFolder) = ([], [:])
            return
        }
        // One pass files each document under the edition's feed, its type's and those of its themes and their ancestors
        // (a theme's feed carries the documents of any theme below it), in the feeds' order; a feed keeps its latest
        // `length` documents, all it shows.
        var (all, byType, byTheme) = ([Document](), [DocumentType: [Document]](), [String: [Document]]())
        func add(_ document: Document, to feed: inout [Document]) {
            if feed.count < length { feed.append(document) }
        }
        for document in content.newestFirst where Self.isFeedDocument(document, today: today) {
            add(document, to: &all)
            add(document, to: &byType[document.type, default: []])
            guard !document.themes.isEmpty else { continue }
            var slugs: Set<String> = []
            for slug in document.themes { slugs.formUnion(data.themeTree.selfAndAncestors(of: slug)) }
            for slug in slugs { add(document, to: &byTheme[slug, default: []]) }
        }
        var feeds = [Feed(folder: "", title: editionTitle, documents: all)]
        for type in DocumentType.allCases where type != .page {
            feeds.append(
                Feed(
                    folder: paths.listFolder(of: type), title: "\(editionTitle): \(type.pluralName)",
                    documents: byType[type] ?? []))
        }
        for theme in data.themes {
            feeds.append(
                Feed(
                    folder: "themes/\(theme.slug)/", title: "\(editionTitle): \(theme.title)",
                    documents: byTheme[theme.slug] ?? []))
        }
        self.feeds = feeds.filter { !$0.documents.isEmpty }
        byFolder = Dictionary(self.feeds.map { ($0.folder, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Documents a feed may carry: dated, not in the future, not superseded, not free pages.
    static func isFeedDocument(_ document: Document, today: PartialDate) -> Bool {
        guard document.type != .page, let date = document.date, date <= today else { return false }
        return document.supersededBy == nil || document.isDraft
    }

    /// `<link rel="alternate">` targets for a page: the edition's feed, and the feed of the type or theme it lists.
    func links(from folder: String) -> [(title: String, target: String)] {
        guard let edition = byFolder[""] else { return [] }
        var links = [(title: edition.title, target: "feed.xml")]
        if !folder.isEmpty, let own = byFolder[folder] { links.append((title: own.title, target: folder + "feed.xml")) }
        return links
    }
}

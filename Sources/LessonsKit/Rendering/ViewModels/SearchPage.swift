/// The search page and its index: built from this edition's documents only, so nothing outside it can be found.
struct SearchPages: Sendable {
    let frame: PageFrame
    let templates: TemplateSet
    let content: EditionContent
    let data: SiteData
    let paths: SitePaths
    /// `search.synonyms` of site.yaml.
    let synonyms: [[String]]
    /// The last build's scored terms, when the build keeps them (see ``SearchScoreCache``).
    var scoreCache: SearchScoreCache?

    static let folder = "search/"

    /// Documents the search covers, newest first: the edition's documents, without superseded ones.
    var searchDocuments: [Document] {
        content.newestFirst.filter(covers)
    }

    /// Whether the search covers `document` (one of the edition's): it is not superseded, or it is a draft.
    func covers(_ document: Document) -> Bool {
        document.supersededBy == nil || document.isDraft
    }

    /// The document's entry; `body` is its body's plain text (``PreparedBodies/plainText(of:)``).
    func searchEntry(_ document: Document, body: String) -> SearchEntry {
        var summary = document.summary ?? ""
        if case .lesson(let lesson) = document.details { summary += " " + lesson.keyMessages.joined(separator: " ") }
        let themeTitles = document.themes.compactMap { data.theme($0)?.title }
        let labels =
            [document.id, document.type.displayName, document.service.flatMap(data.unitTitle) ?? ""] + themeTitles
        return SearchEntry(
            title: document.title, folder: paths.folder(of: document), type: document.type,
            dateText: document.date?.displayText ?? "", summary: document.summary ?? "",
            facets: searchFacets(document),
            fields: [
                .init(SearchWeight.title, document.title), .init(SearchWeight.summary, summary),
                .init(SearchWeight.label, labels.joined(separator: " ")), .init(SearchWeight.body, body),
            ])
    }

    /// The filter keys of a document: its type, themes (and their parents), service (and its directorate) and year.
    func searchFacets(_ document: Document) -> [String] {
        var keys = ["type-" + document.type.folder]
        for slug in document.themes {
            for member in data.themeTree.selfAndAncestors(of: slug) { keys.append("theme-" + member) }
        }
        if let service = document.service {
            keys.append("service-" + service)
            if let directorate = data.service(service)?.directorate { keys.append("service-" + directorate) }
        }
        if let date = document.date { keys.append("year-\(date.year)") }
        return keys
    }

    /// The document's entry and, when the build keeps scores, its key among them (``SearchScoreCache``): both are
    /// worked out on the render's threads. When `stored` (the last build's table, as the index's cache gives it:
    /// ``SearchScoreCache/previous()``) holds scores under that key, the index takes them rather than the entry's text,
    /// which goes at once, on the thread that made it; such an entry must reach the index with its key.
    /// `seed` is ``scoreSeed``, worked out once for all the entries of a build.
    func keyedSearchEntry(
        _ document: Document, body: String, stored: SearchScoreTable? = nil, seed: [UInt8]? = nil
    ) -> (entry: SearchEntry, key: Digest32?) {
        var entry = searchEntry(document, body: body)
        guard scoreCache != nil else { return (entry, nil) }
        let key = SearchScoreCache.key(of: entry, seed: seed ?? scoreSeed)
        if stored?.storedPairs(key) != nil { entry.dropFields() }
        return (entry, key)
    }

    /// What every entry's key in the score cache starts from (``SearchScoreCache/seed(synonyms:)``).
    var scoreSeed: [UInt8] { SearchScoreCache.seed(synonyms: synonyms) }

    /// Hands on the index files, then `search/index.html` beside them, from entries made with
    /// ``keyedSearchEntry(_:body:)``, making the index files a batch at a time on up to `jobs` threads and handing each
    /// batch on in order as soon as it is made.
    func forEachFile(
        keyedEntries: consuming [(entry: SearchEntry, key: Digest32?)], jobs: Int?, _ body: (OutputFile) -> Void
    )
        async
    {
        // Split by index, and the pairs let go at once: the entries' texts go one by one as the index scores them.
        var pairs = keyedEntries
        var entries: [SearchEntry] = []
        var keys: [Digest32] = []
        entries.reserveCapacity(pairs.count)
        keys.reserveCapacity(scoreCache == nil ? 0 : pairs.count)
        for number in pairs.indices {
            entries.append(pairs[number].entry)
            if let key = pairs[number].key { keys.append(key) }
        }
        pairs = []
        let index = SearchIndex(
            entries: consume entries, synonyms: synonyms, cache: scoreCache, keys: scoreCache == nil ? nil : keys)
        await SearchIndexFiles(index: index).forEachFile(
            folder: Self.folder, portable: paths.portable, jobs: jobs, body)
        body(searchPage(index))
    }

    func searchPage(_ index: SearchIndex) -> OutputFile {
        let folder = Self.folder
        func option(_ key: String, _ label: String) -> SearchBody.Option? {
            guard let count = index.facets[key]?.count else { return nil }
            return .init(value: key, label: "\(label) (\(count))")
        }
        let types = DocumentType.allCases.compactMap { option("type-" + $0.folder, $0.pluralName) }
        let themes = data.themes.sorted { $0.title < $1.title }.compactMap { option("theme-" + $0.slug, $0.title) }
        let directorates = data.directorates.compactMap { directorate -> SearchBody.OptionGroup? in
            let options =
                [option("service-" + directorate.slug, "All of \(directorate.title)")].compactMap { $0 }
                + directorate.services.compactMap { option("service-" + $0.slug, $0.title) }
            return options.isEmpty ? nil : .init(label: directorate.title, options: options)
        }
        let years = Set(index.facets.keys.filter { $0.hasPrefix("year-") }).sorted(by: >).compactMap {
            option($0, String($0.dropFirst(5)))
        }
        let browse = DocumentType.allCases.filter { $0 != .page && index.facets["type-" + $0.folder] != nil }.map {
            type in
            PageLink(title: type.pluralName, href: paths.href(from: folder, to: paths.listFolder(of: type)))
        }
        let search = SearchBody.Search(
            rootHref: "../", indexHref: "./", mode: paths.portable ? "script" : "fetch", types: types, themes: themes,
            directorates: directorates, years: years,
            browse: browse + [PageLink(title: "Themes", href: paths.href(from: folder, to: "themes/"))])
        let view = frame.page(
            SearchBody(search: search), folder: folder, title: "Search", currentSection: nil,
            breadcrumbs: [("Home", "")])
        return OutputFile(page: paths.file(for: folder), html: templates.render("search", view))
    }
}

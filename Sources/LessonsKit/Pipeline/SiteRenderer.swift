import Foundation

/// Renders one edition to output files: theme assets, home, lists, documents, dashboards (themes, services, actions,
/// sessions, culture, leads), 404.
struct SiteRenderer: Sendable {
    let assetFiles: [OutputFile]
    /// Time spent computing the edition's aggregates (`EditionAnalysis`, its parts on two threads beside the page
    /// frame), added up over its parts, reported by `--verbose`.
    let analysisSeconds: Double
    /// The edition's documents.
    let content: EditionContent
    let paths: SitePaths
    let today: PartialDate
    let siteDirectory: String
    let documents: DocumentPages
    /// Bulletin pages; the PDF stage renders those linking to a PDF again when it could not be made.
    let bulletins: BulletinPages
    let lists: ListPages
    let home: HomePage
    /// The sessions, culture, actions and leads dashboards.
    let dashboards: [@Sendable () -> OutputFile]
    let themes: ThemePages
    let services: ServicePages
    let csv: CSVExports
    /// Learning reports; the print stage renders them again once their PDFs exist.
    let reports: ReportPages
    let search: SearchPages
    let feeds: FeedFiles

    /// Prepares the edition's rendering context, hashing asset names so browsers never use a stale stylesheet;
    /// with `bulletinPDFs`, bulletin pages link to the PDFs the build is about to print. `bodies` holds the documents'
    /// parsed bodies for this edition alone (the site's own, ``LoadedSite/bodies``, when nil).
    init(
        site: LoadedSite, theme: ThemeFiles, templates: TemplateSet, edition: Edition, today: PartialDate,
        includeDrafts: Bool, reuse: PageReuse? = nil, bulletinPDFs: Bool = false, bodies prepared: PreparedBodies? = nil
    ) {
        var templates = templates
        templates.reuse = reuse
        templates.startEdition(documents: site.corpus.documents.count)
        var assetPaths: [String: String] = [:]
        var assetFiles: [OutputFile] = []
        // style.css and every assets/site/*.css make one stylesheet, so features can add their own CSS file.
        var stylesheet: [UInt8] = []
        for (path, file) in theme.assets {
            if path == "style.css" || (path.hasPrefix("site/") && path.hasSuffix(".css")) {
                if !stylesheet.isEmpty { stylesheet += Array("\n".utf8) }
                stylesheet += file.bytes
                continue
            }
            let hashed = Self.hashedName(path, bytes: file.bytes)
            assetPaths[path] = "assets/" + hashed
            assetFiles.append(OutputFile(path: "assets/" + hashed, contents: .bytes(file.bytes)))
        }
        let stylesheetPath = "assets/" + Self.hashedName("style.css", bytes: stylesheet)
        assetPaths["style.css"] = stylesheetPath
        assetFiles.append(OutputFile(path: stylesheetPath, contents: .bytes(stylesheet)))
        self.assetFiles = assetFiles
        let config = site.config
        let content = EditionContent(corpus: site.corpus, edition: edition, includeDrafts: includeDrafts)
        let paths = SitePaths(portable: config.portable)
        let editionTitle = edition.title ?? config.title
        let data = site.data
        let assets = assetPaths
        // The analysis and the frame (with the last build's page digests and the documents' link graph) do not depend
        // on one another: the themes' analysis and the related lessons are made on one thread, the frame and then the
        // services' analysis on the other, and the documents' listing digests for the aggregate pages' input keys, in
        // pieces, by whichever is done first.
        let pieces = reuse?.sources == nil ? [] : AggregateInputs.listingPieces(content)
        let stored = site.listingDigests
        let ((themeAnalysis, related, themesSeconds), (catalog, frame, units, unitsSeconds), listings) = concurrently(
            {
                let started = DispatchTime.now().uptimeNanoseconds
                let themes = EditionAnalysis.themes(content: content, data: data, today: today)
                let related = RelatedLessons(content: content, stored: reuse?.relatedLessons)
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
                // Read now, beside the page digests, rather than when the search index (the render's longest serial
                // step) needs it.
                _ = reuse?.searchScores?.previous()
                return (themes, related, seconds)
            },
            {
                reuse?.readPreviousEntries()
                _ = content.graph
                let catalog = FeedCatalog(
                    content: content, data: data, paths: paths, editionTitle: editionTitle, today: today,
                    hasBaseURL: config.baseURL != nil)
                let frame = PageFrame(
                    paths: paths, language: config.language, organisation: config.organisation,
                    editionTitle: editionTitle, editionName: edition.name, links: config.links,
                    navigation: PageFrame.navigation(for: content, paths: paths), assetPaths: assets, feeds: catalog,
                    generatedOn: today.displayText, isDraftBuild: includeDrafts)
                let started = DispatchTime.now().uptimeNanoseconds
                let units = EditionAnalysis.units(content: content, data: data, today: today)
                return (catalog, frame, units, Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
            },
            pieces: pieces.count,
            each: { piece in
                // Read from the cache with each document the build did not decode again.
                content.documents[pieces[piece]].map { stored[$0.path]?.listing ?? DocumentListing.digest($0) }
            })
        let started = DispatchTime.now().uptimeNanoseconds
        let analysis = EditionAnalysis(
            content: content, data: data, frameworks: config.frameworks, today: today, themes: themeAnalysis,
            units: units, relatedLessons: related)
        let analysisSeconds =
            themesSeconds + unitsSeconds + Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let keys = reuse?.sources.map {
            AggregateInputs(
                frame: frame, sources: $0, today: today, content: content, listings: listings.flatMap { $0 },
                actionDigests: { stored[$0.path]?.actions ?? DocumentListing.actionsDigest($0) })
        }
        self.analysisSeconds = analysisSeconds
        let links = DocumentLinks(content: content, data: site.data, paths: paths)
        let figures = FigureBuilder(smallNumbers: SmallNumberPolicy(edition: edition, privacy: config.privacy))
        let actions = ActionViews(links: links, today: today)
        let bodies = BodyRenderer(
            options: MarkdownOptions(
                unsafeHTML: config.markdown.unsafeHTML, smartPunctuation: config.markdown.smartPunctuation),
            content: content, paths: paths, attachments: site.attachments, siteDirectory: site.reader.siteDirectory,
            knownIds: Set(site.corpus.documents.map(\.slug)),
            draftIds: Set(site.corpus.documents.filter(\.isDraft).map(\.slug)), isDraftBuild: includeDrafts,
            language: config.language,
            prepared: prepared ?? PreparedBodies(site.bodies))
        self.content = content
        self.paths = paths
        self.today = today
        self.siteDirectory = site.reader.siteDirectory
        var documents = DocumentPages(
            frame: frame, templates: templates, links: links, actions: actions, bodies: bodies,
            facts: DocumentFacts(
                links: links, data: site.data, gitHistory: site.gitHistory, frameworks: config.frameworks,
                includesGovernance: edition.includesGovernance),
            posters: templates.has("poster")
                ? PosterPages(frame: frame, templates: templates, paths: paths, baseURL: config.baseURL) : nil,
            relatedLessons: analysis.relatedLessons, frameworks: config.frameworks,
            includesGovernance: edition.includesGovernance, today: today)
        documents.reuseBase = reuse?.sources.map(documents.reuseBaseInputs(sources:))
        self.documents = documents
        bulletins = BulletinPages(
            frame: frame, templates: templates, links: links, bodies: bodies, config: config, data: site.data,
            themes: analysis.themes,
            supportHTML: (site.supportHTML ?? config.bulletin.support.map { bodies.bulletinMarkdownHTML($0) })
                .map(HTMLFragment.init(scanning:)),
            today: today, plannedPDFs: bulletinPDFs ? Set(content.documents(of: .bulletin).map(\.slug)) : [])
        lists = ListPages(
            frame: frame, templates: templates, links: links, figures: figures, content: content,
            analysis: analysis, rootPath: config.baseURL.flatMap { URLPath.path(of: $0) } ?? "/",
            keys: keys)
        home = HomePage(
            frame: frame, templates: templates, links: links, figures: figures, content: content, today: today,
            analysis: analysis, keys: keys)
        dashboards = [
            SessionsPage(
                frame: frame, templates: templates, links: links, figures: figures, data: site.data,
                sessions: analysis.sessions, keys: keys
            ).file,
            CulturePage(
                frame: frame, templates: templates, links: links, content: content, grid: analysis.culture,
                frameworks: config.frameworks, keys: keys
            ).file,
            ActionsPage(
                frame: frame, templates: templates, links: links, figures: figures, actions: actions,
                analysis: analysis, today: today, keys: keys
            ).file,
            LeadsPage(frame: frame, templates: templates, links: links, coverage: analysis.leads, keys: keys).file,
        ]
        themes = ThemePages(
            frame: frame, templates: templates, links: links, figures: figures, actions: actions, data: site.data,
            themes: analysis.themes, keys: keys)
        services = ServicePages(
            frame: frame, templates: templates, links: links, figures: figures, actions: actions, data: site.data,
            units: analysis.units, axis: analysis.axis, keys: keys)
        csv = CSVExports(
            content: content, data: site.data, today: today, themes: analysis.themes, sessions: analysis.sessions,
            culture: analysis.culture, frameworks: config.frameworks, smallNumbers: figures.smallNumbers, keys: keys,
            reuse: reuse)
        reports = ReportPages(
            frame: frame, templates: templates, links: links, figures: figures, data: site.data,
            frameworks: config.frameworks, periods: config.reports, today: today, keys: keys)
        search = SearchPages(
            frame: frame, templates: templates, content: content, data: site.data, paths: paths,
            synonyms: config.searchSynonyms, scoreCache: reuse?.searchScores)
        feeds = FeedFiles(
            catalog: catalog, content: content, data: site.data, paths: paths, gitHistory: site.gitHistory,
            baseURL: config.baseURL, organisation: config.organisation, language: config.language,
            robotsAllow: config.robotsAllow, today: today)
    }

    /// Renders every file of the edition into `output` as it is made, and returns the problems met while rendering.
    ///
    /// The document pages and each group of dashboards and lists do not depend on one another, so they render as
    /// separate tasks, at most `jobs` at once; each page's files go to `output` as soon as they are rendered, with
    /// their place in the order of one after the other.
    ///
    /// With `boundsPeakMemory` (a build rendering every page), what a part or a large page freed is handed back to the
    /// system as soon as it is done (see ``MemoryRelease``).
    func render(jobs: Int?, into output: StagedEdition, boundsPeakMemory: Bool = true) async -> [Diagnostic] {
        let (content, documents, bulletins, lists) = (self.content, self.documents, self.bulletins, self.lists)
        let (dashboards, themes, services, csv) = (self.dashboards, self.themes, self.services, self.csv)
        let (reports, home, search, feeds) = (self.reports, self.home, self.search, self.feeds)
        let staticFiles = self.staticFiles()
        let workers = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        // Lessons' and bulletins' bodies are kept for the bulletin pages; with no bulletin PDF planned nothing renders
        // those again, so a lesson's body goes with its page once the bulletin pages are made, and the bodies left
        // once the document and bulletin pages are all made.
        let bodyReaders = bulletins.plannedPDFs.isEmpty ? documents.bodies.prepared : nil
        // Each part hands its files on as it makes them (one page, or a few), numbered in the order it makes them.
        typealias Emit = @Sendable (_ item: Int, _ files: [OutputFile]) -> Void
        typealias Part = @Sendable (_ emit: @escaping Emit) async -> [Diagnostic]
        let parts: [Part] = [
            { emit in
                // Bulletins have pages of their own (web, print, e-mail): see Rendering/Bulletin/.
                let pages = await parallelMap(
                    Array(content.documents.filter { $0.type != .bulletin }.enumerated()), jobs: jobs
                ) { item in
                    let page = documents.page(item.element)
                    documents.bodies.prepared.release(item.element)
                    emit(item.offset, page.files)
                    return page.diagnostics
                }
                bodyReaders?.readerDone(of: 2)
                return pages.flatMap { $0 }
            },
            { emit in
                var count = 0
                let diagnostics = bulletins.forEachFile(pdfIds: bulletins.plannedPDFs) { files in
                    emit(count, files)
                    count += 1
                }
                bodyReaders?.bulletinPagesMade()
                bodyReaders?.readerDone(of: 2)
                return diagnostics
            },
            { emit in
                // Sessions and culture assessments have dashboards as their list pages.
                let types = DocumentType.allCases.filter { ![.page, .bulletin, .session, .culture].contains($0) }
                for (index, type) in types.enumerated() { emit(index, [lists.listPage(type)]) }
                return []
            },
            { emit in
                for (index, dashboard) in dashboards.enumerated() { emit(index, [dashboard()]) }
                return []
            },
            { emit in
                // Theme and service pages are each made from one theme's or unit's figures and documents, and a large
                // one takes a while: they render as separate tasks, the pages with most documents of both kinds first,
                // so the pages a rebuild makes again are shared between the cores rather than made one after another,
                // and no large page is left to be made alone at the end. In the output the themes' index comes after
                // their pages, the service pages after it; it is made, the lightest task, as soon as a core is free.
                let order = themes.data.themes
                let units = services.pageUnits
                let weights =
                    order.map { themes.themes[$0.slug]?.documents.count ?? 0 }
                    + units.map { services.units[$0.slug]?.documents.count ?? 0 } + [0]
                await heaviestFirst(weights, jobs: jobs) { index in
                    if index < order.count {
                        emit(index, [themes.themePage(order[index])])
                    } else if index < order.count + units.count {
                        emit(index + 1, [services.unitPage(units[index - order.count])])
                    } else {
                        emit(order.count, [themes.themesIndex()])
                    }
                }
                return []
            },
            { emit in
                var count = 0
                csv.forEachFile { file in
                    emit(count, [file])
                    count += 1
                }
                return []
            },
            { emit in
                emit(0, reports.files())
                return []
            },
            { emit in
                emit(0, [home.file(), lists.notFoundPage()] + staticFiles)
                return []
            },
            { emit in
                // The search index and the feeds; the sitemap (below) lists every page. The bodies' plain texts go
                // once the entries and the feeds have what they need of them.
                let texts = documents.bodies.prepared
                let stored = search.scoreCache?.previous()
                let seed = search.scoreSeed
                let searchEntries = await parallelMap(search.searchDocuments, jobs: jobs) {
                    search.keyedSearchEntry($0, body: texts.plainText(of: $0) ?? "", stored: stored, seed: seed)
                }
                // The feeds summarise bodies as the search holds them: a document the search leaves out has no text.
                let feedTexts = feeds.bodyTexts { search.covers($0) ? texts.plainText(of: $0) ?? "" : nil }
                texts.plainTextsDone()
                // The feeds are made beside the index files, which go to the output in order, a batch at a time, as
                // they are made; the index lets each entry's text go once scored.
                async let feedFiles = feeds.feeds(bodyTexts: feedTexts)
                var count = 0
                await search.forEachFile(keyedEntries: consume searchEntries, jobs: jobs) { file in
                    emit(count, [file])
                    count += 1
                }
                emit(count, await feedFiles)
                return []
            },
        ]
        // Each page's sitemap location is made as the page is handed on, beside the rendering, not all at the end.
        let sitemap = feeds.sitemapLocations()
        sitemap?.add(assetFiles)
        async let lastModified = feeds.sitemapLastModified()
        output.accept(assetFiles, order: StagedEdition.Order(part: 0, item: 0))
        // The search and feeds part (its index files are the longest serial step) starts right after the document
        // pages and bulletins (which hold the bodies until both are done) rather than last, so that it does not run
        // alone at the end; in a rebuild, which makes few pages and holds the last build's tables whatever it does,
        // it starts first, beside the document pages. Then the home page, which works out the actions dashboard's
        // figures when it is made again (a change to any document's listing), and the parts made a file after
        // another (lists, dashboards, CSV files, reports). The theme and service pages, the largest, come last: each
        // of their pages is a task of its own, so they share the cores to the end rather than leave one file (a list
        // of every incident, say) made alone. Each part keeps its place in the output's order.
        let (documentsPart, bulletinsPart, themesAndServicesPart, homePart, searchPart) =
            (0, 1, 4, parts.count - 2, parts.count - 1)
        let first =
            boundsPeakMemory
            ? [documentsPart, bulletinsPart, searchPart, homePart]
            : [searchPart, documentsPart, bulletinsPart, homePart]
        let last = [themesAndServicesPart]
        let started = first + parts.indices.filter { !first.contains($0) && !last.contains($0) } + last
        let diagnostics = await boundedMap(started.map { ($0, parts[$0]) }, limit: workers) { part in
            let diagnostics = await part.1 { item, files in
                sitemap?.add(files)
                // A large page's model (a theme's thousands of cards) was freed once its page was made.
                if boundsPeakMemory, files.contains(where: { $0.heldByteCount >= Self.largePage }) {
                    MemoryRelease.returnFreed()
                }
                output.accept(files, order: StagedEdition.Order(part: part.0 + 1, item: item))
            }
            // What a part freed (a dashboard's rows, a theme page's model) is handed back before the next part grows
            // the heap elsewhere: the build's peak resident memory is at the end of the render, where every part's
            // leftovers would otherwise add up.
            if boundsPeakMemory { MemoryRelease.returnFreed() }
            return (part.0, diagnostics)
        }.sorted { $0.0 < $1.0 }.map(\.1)
        output.accept(
            feeds.crawlerFiles(sitemap: sitemap, lastModified: await lastModified),
            order: StagedEdition.Order(part: parts.count + 1, item: 0))
        return diagnostics.flatMap { $0 }
    }

    /// The size from which a page's freed model is handed back to the system as soon as the page is made.
    static let largePage = 1 << 20

    /// Every file of the edition, held in memory (tests and tools that look at the files), and the problems met.
    func render(jobs: Int?) async -> ([OutputFile], [Diagnostic]) {
        let output = StagedEdition(staging: nil, keeps: { _ in true })
        let diagnostics = await render(jobs: jobs, into: output)
        return (output.keptFiles, diagnostics)
    }

    /// Files under the site's `static/` folder, copied as they are.
    func staticFiles() -> [OutputFile] {
        let root = siteDirectory + "/static/"
        return SiteReader(siteDirectory: siteDirectory).staticFiles().map {
            OutputFile(staticFile: $0, from: root + $0)
        }
    }

    /// `style.css` → `style.0123456789abcdef.css`
    static func hashedName(_ path: String, bytes: [UInt8]) -> String {
        let hash = String(ContentHash.hex(bytes).prefix(10))
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path + "." + hash }
        return path[..<dot] + "." + hash + path[dot...]
    }
}

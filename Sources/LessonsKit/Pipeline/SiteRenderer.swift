import Foundation

/// Renders one edition to output files: theme assets, home, lists, documents, dashboards (themes, services, actions,
/// sessions, culture, leads), 404.
struct SiteRenderer: Sendable {
    let context: RenderContext
    let assetFiles: [OutputFile]
    /// Time spent computing the edition's aggregates (`EditionAnalysis`), reported by `--verbose`.
    let analysisSeconds: Double

    /// Prepares the edition's rendering context, hashing asset names so browsers never use a stale stylesheet.
    init(
        site: LoadedSite, theme: ThemeFiles, templates: TemplateSet, edition: Edition, today: PartialDate,
        includeDrafts: Bool
    ) {
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
        let content = EditionContent(corpus: site.corpus, edition: edition, includeDrafts: includeDrafts)
        let analysisStarted = DispatchTime.now().uptimeNanoseconds
        let analysis = EditionAnalysis(
            content: content, data: site.data, frameworks: site.config.frameworks, today: today)
        analysisSeconds = Double(DispatchTime.now().uptimeNanoseconds - analysisStarted) / 1e9
        let paths = SitePaths(portable: site.config.portable)
        self.context = RenderContext(
            config: site.config, data: site.data, content: content, paths: paths, today: today, templates: templates,
            assetPaths: assetPaths, attachments: site.attachments, siteDirectory: site.reader.siteDirectory,
            knownIds: Set(site.corpus.documents.map(\.slug)),
            draftIds: Set(site.corpus.documents.filter(\.isDraft).map(\.slug)),
            navigation: RenderContext.navigation(for: content, paths: paths), isDraftBuild: includeDrafts,
            analysis: analysis, gitHistory: site.gitHistory)
    }

    /// Every file of the edition and the problems met while rendering.
    func render(jobs: Int?) async -> ([OutputFile], [Diagnostic]) {
        let context = self.context
        // Bulletins have pages of their own (web, print, e-mail): see Rendering/Bulletin/.
        let pages = await parallelMap(context.content.documents.filter { $0.type != .bulletin }, jobs: jobs) {
            context.documentPage($0)
        }
        let bulletins = context.bulletinFiles()
        var files = assetFiles
        files += pages.flatMap(\.files) + bulletins.files
        // Sessions and culture assessments have dashboards as their list pages.
        files += DocumentType.allCases.filter { ![.page, .bulletin, .session, .culture].contains($0) }.map {
            context.listPage($0)
        }
        files += [context.sessionsPage(), context.culturePage(), context.actionsPage(), context.leadsPage()]
        files += context.themePages()
        files += context.servicePages()
        files += context.csvExports()
        files += context.reportPages()
        files.append(context.homePage())
        files.append(context.notFoundPage())
        files += staticFiles()
        // Search, feeds and the sitemap come last: the sitemap lists every page rendered above.
        let searchEntries = await context.searchEntries(jobs: jobs)
        files += context.searchFiles(entries: searchEntries)
        files += context.feedFiles(entries: searchEntries)
        files += context.crawlerFiles(pages: files)
        return (files, pages.flatMap(\.diagnostics) + bulletins.diagnostics)
    }

    /// Files under the site's `static/` folder, copied as they are.
    func staticFiles() -> [OutputFile] {
        let root = context.siteDirectory + "/static/"
        return SiteReader(siteDirectory: context.siteDirectory).staticFiles().map {
            OutputFile(path: $0, contents: .copy(from: root + $0))
        }
    }

    /// `style.css` → `style.0123456789abcdef.css`
    static func hashedName(_ path: String, bytes: [UInt8]) -> String {
        let hash = String(ContentHash.hex(bytes).prefix(10))
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path + "." + hash }
        return path[..<dot] + "." + hash + path[dot...]
    }
}

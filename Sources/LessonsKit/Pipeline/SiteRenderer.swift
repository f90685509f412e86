import Foundation

/// Renders one edition to output files: theme assets, home, lists, documents, theme and service pages, 404.
public struct SiteRenderer: Sendable {
    public let context: RenderContext
    public let assetFiles: [OutputFile]

    /// Prepares the edition's rendering context, hashing asset names so browsers never use a stale stylesheet.
    public init(site: LoadedSite, theme: ThemeFiles, templates: TemplateSet, edition: Edition, today: PartialDate, includeDrafts: Bool) {
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
        let paths = SitePaths(portable: site.config.portable)
        self.context = RenderContext(
            config: site.config, data: site.data, content: content, paths: paths, today: today, templates: templates,
            assetPaths: assetPaths, attachments: site.attachments, siteDirectory: site.reader.siteDirectory,
            knownIds: Set(site.corpus.documents.map(\.slug)),
            navigation: RenderContext.navigation(for: content, paths: paths), isDraftBuild: includeDrafts)
    }

    /// Every file of the edition and the problems met while rendering.
    public func render(jobs: Int?) async -> ([OutputFile], [Diagnostic]) {
        let context = self.context
        let pages = await parallelMap(context.content.documents, jobs: jobs) { context.documentPage($0) }
        var files = assetFiles
        files += pages.flatMap(\.files)
        files += DocumentType.allCases.filter { $0 != .page }.map { context.listPage($0) }
        files += context.themePages()
        files += context.servicePages()
        files.append(context.homePage())
        files.append(context.notFoundPage())
        files += staticFiles()
        return (files, pages.flatMap(\.diagnostics))
    }

    /// Files under the site's `static/` folder, copied as they are.
    func staticFiles() -> [OutputFile] {
        let root = context.siteDirectory + "/static"
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [OutputFile] = []
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") || $0.hasPrefix("_") }),
                  FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files.append(OutputFile(path: relative, contents: .copy(from: root + "/" + relative)))
        }
        return files.sorted { $0.path < $1.path }
    }

    /// `style.css` → `style.0123456789abcdef.css`
    static func hashedName(_ path: String, bytes: [UInt8]) -> String {
        let hash = String(ContentHash.hex(bytes).prefix(10))
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path + "." + hash }
        return path[..<dot] + "." + hash + path[dot...]
    }
}

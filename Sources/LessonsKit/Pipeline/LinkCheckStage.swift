/// The link check stage: every internal link of an edition's generated pages must resolve to one of its files.
enum LinkCheckStage {
    /// Errors for broken links in `files`, located at the document a page was rendered from when there is one.
    static func check(_ files: [OutputFile], site: LoadedSite, jobs: Int?) async -> [Diagnostic] {
        let paths = SitePaths(portable: site.config.portable)
        var sources: [String: String] = [:]
        for document in site.corpus.documents { sources[paths.folder(of: document)] = document.path }
        let root = site.config.baseURL.flatMap { URLPath.path(of: $0) } ?? "/"
        return await LinkChecker(portable: site.config.portable, rootPath: root, sources: sources).check(files, jobs: jobs)
    }

    /// The note printed when feeds and the sitemap were left out.
    static let noBaseURLNote = "note: site.yaml has no base_url, so no Atom feeds or sitemap were written (they need absolute links)"
}

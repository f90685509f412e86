/// The link check stage: every internal link of an edition's generated pages must resolve to one of its files.
enum LinkCheckStage {
    /// Errors for broken links in the files of `files`, located at the document a page was rendered from when there is one.
    static func check(_ files: [OutputEntry], site: LoadedSite, jobs: Int?) async -> [Diagnostic] {
        await check(files, site: site, previous: nil, jobs: jobs).diagnostics
    }

    /// The same, resolving again only the links that `previous` (the last successful build's check of the edition)
    /// cannot vouch for (see ``IncrementalLinkCheck``); the outcome carries the record for the next build.
    static func check(_ files: [OutputEntry], site: LoadedSite, previous: LinkCheckRecord?, jobs: Int?) async
        -> IncrementalLinkCheck.Outcome
    {
        let resolver = LinkChecker(portable: site.config.portable, rootPath: rootPath(of: site))
        var outcome = await IncrementalLinkCheck.run(
            resolver, entries: files, previous: previous, key: recordKey(site: site), jobs: jobs)
        // Only a broken link needs the documents, to say where it is written.
        if !outcome.broken.isEmpty { outcome.diagnostics = reporter(site: site).diagnostics(for: outcome.broken) }
        return outcome
    }

    /// A checker that locates broken links in the documents their pages were rendered from.
    private static func reporter(site: LoadedSite) -> LinkChecker {
        let paths = SitePaths(portable: site.config.portable)
        var sources: [String: String] = [:]
        var documents: [String: Document] = [:]
        for document in site.corpus.documents {
            sources[paths.folder(of: document)] = document.path
            documents[document.path] = document
        }
        let byPath = documents
        let locate: @Sendable (String, String) -> SourceLocation? = { file, link in
            byPath[file].flatMap { sourceBody(of: $0, site: site) }.flatMap {
                linkLocation(link, in: $0.body, file: file, firstLine: $0.firstLine)
            }
        }
        return LinkChecker(
            portable: site.config.portable, rootPath: rootPath(of: site), sources: sources, locate: locate)
    }

    /// The URL path the site is served under.
    static func rootPath(of site: LoadedSite) -> String {
        site.config.baseURL.flatMap { URLPath.path(of: $0) } ?? "/"
    }

    /// The key of a ``LinkCheckRecord``: what resolving a link depends on besides the output files (the tool, portable
    /// mode, the site's root path), and the site folder.
    static func recordKey(site: LoadedSite) -> String {
        [
            IncrementalBuild.tool, "portable \(site.config.portable)", "root \(rootPath(of: site))",
            "site \(site.reader.siteDirectory)",
        ].joined(separator: "\n")
    }

    /// A document's Markdown source and the line it starts on: the document's own when it still has it, else read from
    /// its file again (the pipeline drops sources after validation; only a problem to locate needs them).
    static func sourceBody(of document: Document, site: LoadedSite) -> (body: String, firstLine: Int)? {
        if !document.body.isEmpty { return (document.body, document.bodyFirstLine) }
        guard case .success(let file) = site.reader.readText(document.path),
            case .success(let split) = FrontMatter.split(file)
        else { return nil }
        return (split.body, split.bodyFirstLine)
    }

    /// Where `link` is written as a destination in a Markdown body: after `(`, `<` or `]: ` (a reference
    /// definition), else its first appearance; nil when the body does not contain it (it came from a template).
    static func linkLocation(_ link: String, in body: String, file: String, firstLine: Int) -> SourceLocation? {
        var fallback: SourceLocation?
        for (index, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var searchFrom = line.startIndex
            while let range = line.range(of: link, range: searchFrom..<line.endIndex) {
                let column =
                    line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: range.lowerBound) + 1
                let location = SourceLocation(file: file, line: firstLine + index, column: column)
                let before = line[..<range.lowerBound]
                if before.hasSuffix("(") || before.hasSuffix("<") || before.hasSuffix("]: ") { return location }
                fallback = fallback ?? location
                searchFrom = range.upperBound
            }
        }
        return fallback
    }

    /// The note printed when feeds and the sitemap were left out.
    static let noBaseURLNote =
        "note: site.yaml has no base_url, so no Atom feeds or sitemap were written (they need absolute links)"
}

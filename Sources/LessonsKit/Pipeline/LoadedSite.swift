/// The site as read and decoded: configuration, data files, every document and the problems found so far.
struct LoadedSite: Sendable {
    let config: SiteConfig
    let data: SiteData
    /// Every document; front-matter trees and Markdown sources are dropped once the site is validated.
    var corpus: Corpus
    let attachments: Set<String>
    let reader: SiteReader
    let diagnostics: [Diagnostic]
    /// When each content file was first published and last updated, from git (builds only; empty outside git).
    var gitHistory: GitHistory = .none
    /// Each document's body as parsed once when decoded, by content path (pages fill it; see ``PreparedMarkdown``).
    var bodies: [String: PreparedMarkdown] = [:]
    /// Each document's listing digests, by content path (see ``DocumentListing/Digests``); one missing is worked out
    /// when needed.
    var listingDigests: [String: DocumentListing.Digests] = [:]
    /// `bulletin.support` of site.yaml as HTML, rendered once for every edition and bulletin.
    var supportHTML: String?

    /// Reads `site.yaml` and the data files; nil config means the site cannot be built at all (exit status 2).
    static func loadConfiguration(reader: SiteReader) -> (SiteConfig?, SiteData, [Diagnostic]) {
        guard reader.exists("site.yaml") else {
            return (
                nil, SiteData(),
                [
                    .error(
                        .invalidConfig, "no site.yaml in \(reader.siteDirectory)",
                        at: SourceLocation(file: "site.yaml"),
                        hint: "run lessons in the site folder, or pass --site DIR")
                ]
            )
        }
        let configFile: SourceFile
        switch reader.readText("site.yaml") {
        case .failure(let diagnostic): return (nil, SiteData(), [diagnostic])
        case .success(let file): configFile = file
        }
        let (config, configDiagnostics) = SiteConfigLoader.load(configFile)
        let (data, dataDiagnostics) = SiteDataLoader.load(reader: reader)
        let diagnostics = configDiagnostics + dataDiagnostics
        return (diagnostics.hasErrors ? nil : config, data, diagnostics)
    }

    /// Lists and decodes every document in parallel; results are sorted by path, so order never depends on scheduling.
    static func loadDocuments(reader: SiteReader, config: SiteConfig, data: SiteData, jobs: Int?) async -> (
        Corpus, ContentListing, [Diagnostic]
    ) {
        let loaded = await loadDecoded(
            reader: reader, listing: reader.listContent(), config: config, data: data, jobs: jobs, checks: nil,
            cache: nil)
        return (loaded.corpus, loaded.listing, loaded.diagnostics)
    }

    /// Decodes every document of `listing` in parallel and, with `checks`, runs the per-document rules on each as it
    /// is decoded (the documents then keep no front-matter tree or Markdown source: see
    /// ``Document/withoutValidationInputs()``). A file whose result `cache` holds under its current key is not read.
    static func loadDecoded(
        reader: SiteReader, listing: ContentListing, config: SiteConfig, data: SiteData, jobs: Int?,
        checks: DocumentChecks?, cache: DecodedDocumentCache?
    ) async -> LoadedDocuments {
        let decoder = DocumentDecoder(config: config, data: data)
        let results = await parallelMap(listing.documents, jobs: jobs) {
            entry -> (file: DecodedFile, listing: DocumentListing.Digests?) in
            // The listing digests go into the cache with each document: worked out only for a build that has one.
            if let cache, let cached = cache.cached(entry.path) {
                return (cached.file, cached.listing ?? cached.file.decoded.map { DocumentListing.digests($0.document) })
            }
            let file = decode(entry, reader: reader, decoder: decoder, checks: checks)
            return (file, cache == nil ? nil : file.decoded.map { DocumentListing.digests($0.document) })
        }
        let files = results.map(\.file)
        let unreadable = files.contains {
            $0.decoded == nil && $0.declaredId == nil
                && $0.diagnostics.contains { [.notRegularFile, .unreadableFile].contains($0.code) }
        }
        // The corpus (sorted, indexed by id), the bodies and the listing digests by path are made at the same time: on
        // the critical path of a rebuild, which reads every document from the cache in a fraction of the time.
        let isIncomplete = listing.isIncomplete || unreadable
        let (corpus, (bodies, listings)) = concurrently(
            {
                Corpus(
                    documents: files.compactMap { $0.decoded?.document },
                    unavailableIds: Set(files.compactMap { $0.declaredId?.lowercased() }), isIncomplete: isIncomplete)
            },
            {
                var listings: [String: DocumentListing.Digests] = [:]
                for result in results {
                    guard let path = result.file.decoded?.document.path, let digests = result.listing else { continue }
                    listings[path] = listings[path] ?? digests
                }
                let bodies = Dictionary(
                    files.compactMap { $0.decoded.map { ($0.document.path, $0.body) } },
                    uniquingKeysWith: { first, _ in first })
                return (bodies, listings)
            })
        return LoadedDocuments(
            corpus: corpus, listing: listing,
            diagnostics: KnockOnErrors.collapse(listing.diagnostics + files.flatMap(\.diagnostics), data: data),
            checkDiagnostics: DocumentChecks.inRuleOrder(files.compactMap { $0.decoded == nil ? nil : $0.checks }),
            bodies: bodies, listings: listings, files: files)
    }

    /// The file of `entry` read and decoded, with its per-document checks run.
    private static func decode(
        _ entry: ContentListing.Entry, reader: SiteReader, decoder: DocumentDecoder, checks: DocumentChecks?
    ) -> DecodedFile {
        var file: DecodedFile
        switch reader.readText(entry.path) {
        case .failure(let diagnostic):
            // The file is unreadable as text, but its id line may still be legible: spare its references.
            return DecodedFile(
                decoded: nil, declaredId: reader.legibleText(entry.path).flatMap(DocumentDecoder.declaredIdLine),
                diagnostics: [diagnostic], checks: [], wasRead: false)
        case .success(let source):
            let (decoded, diagnostics) = decoder.decodeWithBody(source, type: entry.type)
            file = DecodedFile(
                decoded: decoded, declaredId: decoded == nil ? DocumentDecoder.declaredId(in: source) : nil,
                diagnostics: diagnostics, checks: [], wasRead: true)
        }
        if let checks, let decoded = file.decoded {
            file.checks = checks.check(decoded.document)
            file.decoded = (decoded.document.withoutValidationInputs(), decoded.body)
        }
        return file
    }
}

/// The documents of a site as ``LoadedSite/loadDecoded(reader:listing:config:data:jobs:checks:cache:)`` gives them.
struct LoadedDocuments: Sendable {
    let corpus: Corpus
    let listing: ContentListing
    /// The listing's and decoding's problems.
    let diagnostics: [Diagnostic]
    /// The per-document rules' problems, in the order the rules list them (see ``DocumentChecks/inRuleOrder(_:)``).
    let checkDiagnostics: [Diagnostic]
    /// Each document's body as parsed once when decoded, by content path.
    let bodies: [String: PreparedMarkdown]
    /// Each document's listing digests, by content path (stored with the document when it came from the cache).
    let listings: [String: DocumentListing.Digests]
    /// Each listed file's result, in the listing's order (for the decoded-document cache).
    let files: [DecodedFile]
}

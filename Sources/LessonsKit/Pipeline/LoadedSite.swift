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
        let (corpus, listing, diagnostics, _) = await loadDocumentsWithBodies(
            reader: reader, config: config, data: data, jobs: jobs)
        return (corpus, listing, diagnostics)
    }

    /// As ``loadDocuments(reader:config:data:jobs:)``, with each body's one parse by content path.
    static func loadDocumentsWithBodies(reader: SiteReader, config: SiteConfig, data: SiteData, jobs: Int?) async -> (
        Corpus, ContentListing, [Diagnostic], [String: PreparedMarkdown]
    ) {
        let listing = reader.listContent()
        let decoder = DocumentDecoder(config: config, data: data)
        let results = await parallelMap(listing.documents, jobs: jobs) {
            entry -> ((document: Document, body: PreparedMarkdown)?, String?, [Diagnostic]) in
            switch reader.readText(entry.path) {
            case .failure(let diagnostic):
                // The file is unreadable as text, but its id line may still be legible: spare its references.
                return (nil, reader.legibleText(entry.path).flatMap(DocumentDecoder.declaredIdLine), [diagnostic])
            case .success(let file):
                let (document, diagnostics) = decoder.decodeWithBody(file, type: entry.type)
                return (document, document == nil ? DocumentDecoder.declaredId(in: file) : nil, diagnostics)
            }
        }
        let unreadable = results.contains {
            $0.0 == nil && $0.1 == nil && $0.2.contains { [.notRegularFile, .unreadableFile].contains($0.code) }
        }
        let corpus = Corpus(
            documents: results.compactMap { $0.0?.document },
            unavailableIds: Set(results.compactMap { $0.1?.lowercased() }),
            isIncomplete: listing.isIncomplete || unreadable)
        let bodies = Dictionary(
            results.compactMap { $0.0.map { ($0.document.path, $0.body) } }, uniquingKeysWith: { first, _ in first })
        return (
            corpus, listing, KnockOnErrors.collapse(listing.diagnostics + results.flatMap(\.2), data: data), bodies
        )
    }
}

import Testing

@testable import LessonsKit

extension LoadedSite {
    /// The site in `folder` as a build loads it, without per-document checks or the decoded-document cache, its bodies
    /// prepared.
    static func loadedForTests(_ folder: String) async throws -> LoadedSite {
        let reader = SiteReader(siteDirectory: folder)
        let (loaded, data, _) = LoadedSite.loadConfiguration(reader: reader)
        let config = try #require(loaded)
        let documents = await LoadedSite.loadDecoded(
            reader: reader, listing: reader.listContent(), config: config, data: data, jobs: 1, checks: nil, cache: nil)
        var site = LoadedSite(
            config: config, data: data, corpus: documents.corpus, attachments: documents.listing.attachments,
            reader: reader, diagnostics: [])
        site.bodies = documents.bodies
        return site
    }
}

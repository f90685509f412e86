/// The value lists a site defines for itself: themes, services, audiences, frameworks and extended vocabularies.
struct SiteVocabularies: Sendable {
    let themes: [String]
    /// Service and directorate slugs (a document's `service` may name either).
    let services: [String]
    let audiences: [String]
    let frameworks: [String: Framework]
    let sessionAgencies: [String]

    init(config: SiteConfig, data: SiteData) {
        themes = data.themes.map(\.slug)
        services = data.services.map(\.slug) + data.directorates.map(\.slug)
        audiences = config.audiences
        frameworks = config.frameworks
        sessionAgencies = config.vocabulary("session_agencies", builtIn: Vocabulary.agencies)
    }
}

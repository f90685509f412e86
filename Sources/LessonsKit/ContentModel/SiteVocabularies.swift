/// The value lists a site defines for itself: themes, services, audiences, frameworks and extended vocabularies.
public struct SiteVocabularies: Sendable {
    public let themes: [String]
    /// Service and directorate slugs (a document's `service` may name either).
    public let services: [String]
    public let audiences: [String]
    public let frameworks: [String: Framework]
    public let sessionAgencies: [String]

    public init(config: SiteConfig, data: SiteData) {
        themes = data.themes.map(\.slug)
        services = data.services.map(\.slug) + data.directorates.map(\.slug)
        audiences = config.audiences
        frameworks = config.frameworks
        sessionAgencies = config.vocabulary("session_agencies", builtIn: Vocabulary.agencies)
    }
}

/// A theme from `data/themes.yaml`.
struct Theme: Sendable, Hashable {
    let slug: String
    let title: String
    let description: String?
    let parent: String?
}

/// A directorate from `data/services.yaml` and the services or teams in it.
struct Directorate: Sendable, Hashable {
    let slug: String
    let title: String
    let services: [Service]
}

/// A service or team.
struct Service: Sendable, Hashable {
    let slug: String
    let title: String
    let directorate: String
}

/// A Learning Lessons Lead from `data/leads.yaml`.
struct Lead: Sendable, Hashable {
    let name: String
    let role: String
    let service: String
    let email: String?
    let since: PartialDate?
}

/// The three data files: the controlled lists documents refer to.
struct SiteData: Sendable, Hashable {
    var themes: [Theme] = [] {
        didSet {
            themeTree = ThemeTree(themes: themes)
            themeIndex = Self.index(themes.map(\.slug))
        }
    }
    /// Position of each theme slug in `themes` (the first, if repeated): lookups stay constant-time with thousands.
    private var themeIndex: [String: Int] = [:]
    /// Position of each service slug in `services`.
    private var serviceIndex: [String: Int] = [:]
    /// The parent–child structure of `themes`, rebuilt whenever they change.
    private(set) var themeTree = ThemeTree(themes: [])
    var directorates: [Directorate] = [] {
        didSet { serviceIndex = Self.index(services.map(\.slug)) }
    }
    var leads: [Lead] = []

    init(themes: [Theme] = [], directorates: [Directorate] = [], leads: [Lead] = []) {
        self.themes = themes
        self.themeTree = ThemeTree(themes: themes)
        self.themeIndex = Self.index(themes.map(\.slug))
        self.directorates = directorates
        self.serviceIndex = Self.index(directorates.flatMap(\.services).map(\.slug))
        self.leads = leads
    }

    private static func index(_ slugs: [String]) -> [String: Int] {
        Dictionary(slugs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    var services: [Service] { directorates.flatMap(\.services) }

    func theme(_ slug: String) -> Theme? { themeIndex[slug].map { themes[$0] } }

    func service(_ slug: String) -> Service? {
        guard let position = serviceIndex[slug] else { return nil }
        var remaining = position
        for directorate in directorates {
            if remaining < directorate.services.count { return directorate.services[remaining] }
            remaining -= directorate.services.count
        }
        return nil
    }

    func directorate(_ slug: String) -> Directorate? { directorates.first { $0.slug == slug } }

    /// Title of a service or directorate slug.
    func unitTitle(_ slug: String) -> String? {
        service(slug)?.title ?? directorate(slug)?.title
    }
}

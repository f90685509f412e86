/// A theme from `data/themes.yaml`.
public struct Theme: Sendable, Hashable {
    public let slug: String
    public let title: String
    public let description: String?
    public let parent: String?
}

/// A directorate from `data/services.yaml` and the services or teams in it.
public struct Directorate: Sendable, Hashable {
    public let slug: String
    public let title: String
    public let services: [Service]
}

/// A service or team.
public struct Service: Sendable, Hashable {
    public let slug: String
    public let title: String
    public let directorate: String
}

/// A Learning Lessons Lead from `data/leads.yaml`.
public struct Lead: Sendable, Hashable {
    public let name: String
    public let role: String
    public let service: String
    public let email: String?
    public let since: PartialDate?
}

/// The three data files: the controlled lists documents refer to.
public struct SiteData: Sendable, Hashable {
    public var themes: [Theme] = [] {
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
    public private(set) var themeTree = ThemeTree(themes: [])
    public var directorates: [Directorate] = [] {
        didSet { serviceIndex = Self.index(services.map(\.slug)) }
    }
    public var leads: [Lead] = []

    public init(themes: [Theme] = [], directorates: [Directorate] = [], leads: [Lead] = []) {
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

    public var services: [Service] { directorates.flatMap(\.services) }

    public func theme(_ slug: String) -> Theme? { themeIndex[slug].map { themes[$0] } }

    public func service(_ slug: String) -> Service? {
        guard let position = serviceIndex[slug] else { return nil }
        var remaining = position
        for directorate in directorates {
            if remaining < directorate.services.count { return directorate.services[remaining] }
            remaining -= directorate.services.count
        }
        return nil
    }

    public func directorate(_ slug: String) -> Directorate? { directorates.first { $0.slug == slug } }

    /// Title of a service or directorate slug.
    public func unitTitle(_ slug: String) -> String? {
        service(slug)?.title ?? directorate(slug)?.title
    }
}

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
        didSet { themeTree = ThemeTree(themes: themes) }
    }
    /// The parent–child structure of `themes`, rebuilt whenever they change.
    public private(set) var themeTree = ThemeTree(themes: [])
    public var directorates: [Directorate] = []
    public var leads: [Lead] = []

    public init(themes: [Theme] = [], directorates: [Directorate] = [], leads: [Lead] = []) {
        self.themes = themes
        self.themeTree = ThemeTree(themes: themes)
        self.directorates = directorates
        self.leads = leads
    }

    public var services: [Service] { directorates.flatMap(\.services) }

    public func theme(_ slug: String) -> Theme? { themes.first { $0.slug == slug } }

    public func service(_ slug: String) -> Service? { services.first { $0.slug == slug } }

    public func directorate(_ slug: String) -> Directorate? { directorates.first { $0.slug == slug } }

    /// Title of a service or directorate slug.
    public func unitTitle(_ slug: String) -> String? {
        service(slug)?.title ?? directorate(slug)?.title
    }
}

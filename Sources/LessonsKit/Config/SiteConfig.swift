/// The site's configuration from `site.yaml` (configuration.md), with defaults for every optional key.
public struct SiteConfig: Sendable, Hashable {
    public var title: String
    public var organisation: String
    public var baseURL: String?
    public var language = "en-GB"
    public var theme = "default"
    public var portable = false
    public var timezone = "Europe/London"
    public var robotsAllow = false
    public var links: [SiteLink] = []
    public var idPatterns: [String: String] = [:]
    public var markdown = MarkdownSettings()
    public var editions: [Edition] = Edition.defaults
    public var privacy = PrivacySettings()
    public var searchSynonyms: [[String]] = []
    public var bulletin = BulletinSettings()
    /// `print.pdf`: poster and learning-report PDFs and the lesson-on-a-page check, printed with Chromium. Off unless
    /// asked for (each lesson costs two Chromium runs); `--pdf` makes it required.
    public var printPDF = BulletinSettings.PDFMode.off
    /// `reports:`: the periods (whole months) that get a learning report page for the board and the CQC.
    public var reports: [MonthPeriod] = []
    public var frameworks: [String: Framework] = ["mapsaf": .mapsaf]
    public var vocabularies: [String: [String]] = [:]

    public init(title: String, organisation: String) {
        self.title = title
        self.organisation = organisation
    }

    /// All audience names a document may use: every audience named by an edition.
    public var audiences: [String] {
        var seen: [String] = []
        for audience in editions.flatMap(\.audiences) where !seen.contains(audience) { seen.append(audience) }
        return seen
    }

    public func edition(named name: String) -> Edition? { editions.first { $0.name == name } }

    /// The built-in list for a vocabulary extended by `vocabularies.<name>` in site.yaml.
    public func vocabulary(_ name: String, builtIn: [String]) -> [String] {
        builtIn + (vocabularies[name] ?? []).filter { !builtIn.contains($0) }
    }
}

/// A link shown in the header or footer of every page.
public struct SiteLink: Sendable, Hashable {
    public var title: String
    public var url: String
}

public struct MarkdownSettings: Sendable, Hashable {
    public var unsafeHTML = false
    public var smartPunctuation = true
}

/// An output of the site for one set of audiences (`staff`, `partners`, `governance`, …).
public struct Edition: Sendable, Hashable {
    public var name: String
    public var audiences: [String]
    public var title: String?

    /// Governance fields and culture spreads appear only in editions that include the governance audience.
    public var includesGovernance: Bool { audiences.contains("governance") }

    public static let defaults: [Edition] = [
        Edition(name: "staff", audiences: ["staff", "partners"]),
        Edition(name: "partners", audiences: ["partners"], title: "Learning Lessons — partner agencies"),
        Edition(name: "governance", audiences: ["staff", "partners", "governance"]),
    ]
}

public struct PrivacySettings: Sendable, Hashable {
    public var requireReview = true
    public var smallNumbers = 5
    public var allowedEmailDomains: [String] = []
    public var patterns: [PrivacyPattern] = []
}

/// A site-defined identifier pattern that must never be published.
public struct PrivacyPattern: Sendable, Hashable {
    public var name: String
    public var regex: String
}

public struct BulletinSettings: Sendable, Hashable {
    public enum PDFMode: String, Sendable, Hashable, CaseIterable { case off, auto, required }
    public var pdf = PDFMode.auto
    public var support: String?
}

/// A culture-assessment framework: its levels and dimensions (MaPSaF by default).
public struct Framework: Sendable, Hashable {
    public struct Dimension: Sendable, Hashable {
        public var slug: String
        public var title: String
    }

    public var title: String
    public var levels: [String]
    public var levelNames: [String: String]
    public var dimensions: [Dimension]

    public static let mapsaf = Framework(
        title: "Manchester Patient Safety Framework (MaPSaF)",
        levels: ["A", "B", "C", "D", "E"],
        levelNames: ["A": "Pathological", "B": "Reactive", "C": "Bureaucratic", "D": "Proactive", "E": "Generative"],
        dimensions: [
            .init(slug: "commitment-to-quality", title: "Commitment to overall continuous improvement"),
            .init(slug: "priority-to-safety", title: "Priority given to safety"),
            .init(slug: "causes-and-identification", title: "System errors and individual responsibility"),
            .init(slug: "investigating-incidents", title: "Recording incidents and best practice"),
            .init(slug: "learning-after-incidents", title: "Evaluating incidents and best practice"),
            .init(slug: "communication-about-safety", title: "Communication about safety issues"),
            .init(slug: "personnel-management", title: "Personnel management and safety issues"),
            .init(slug: "education-and-training", title: "Staff education and training about safety"),
            .init(slug: "teamworking", title: "Team working around safety issues"),
        ])
}

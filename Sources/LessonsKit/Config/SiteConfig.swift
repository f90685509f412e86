/// The site's configuration from `site.yaml` (configuration.md), with defaults for every optional key.
struct SiteConfig: Sendable, Hashable {
    var title: String
    var organisation: String
    var baseURL: String?
    var language = "en-GB"
    var theme = "default"
    var portable = false
    var timezone = "Europe/London"
    var robotsAllow = false
    var links: [SiteLink] = []
    var idPatterns: [String: String] = [:]
    var markdown = MarkdownSettings()
    var editions: [Edition] = Edition.defaults
    var privacy = PrivacySettings()
    var searchSynonyms: [[String]] = []
    var bulletin = BulletinSettings()
    /// `print.pdf`: poster and learning-report PDFs and the lesson-on-a-page check, printed with Chromium. Off unless
    /// asked for (each lesson costs two Chromium runs); `--pdf` makes it required.
    var printPDF = BulletinSettings.PDFMode.off
    /// `reports:`: the periods (whole months) that get a learning report page for the board and the CQC.
    var reports: [MonthPeriod] = []
    var frameworks: [String: Framework] = ["mapsaf": .mapsaf]
    var vocabularies: [String: [String]] = [:]

    init(title: String, organisation: String) {
        self.title = title
        self.organisation = organisation
    }

    /// All audience names a document may use: every audience named by an edition.
    var audiences: [String] {
        var seen: [String] = []
        for audience in editions.flatMap(\.audiences) where !seen.contains(audience) { seen.append(audience) }
        return seen
    }

    func edition(named name: String) -> Edition? { editions.first { $0.name == name } }

    /// The built-in list for a vocabulary extended by `vocabularies.<name>` in site.yaml.
    func vocabulary(_ name: String, builtIn: [String]) -> [String] {
        builtIn + (vocabularies[name] ?? []).filter { !builtIn.contains($0) }
    }
}

/// A link shown in the header or footer of every page.
struct SiteLink: Sendable, Hashable {
    var title: String
    var url: String
}

struct MarkdownSettings: Sendable, Hashable {
    var unsafeHTML = false
    var smartPunctuation = true
}

/// An output of the site for one set of audiences (`staff`, `partners`, `governance`, …).
struct Edition: Sendable, Hashable {
    var name: String
    var audiences: [String]
    var title: String?

    /// Governance fields and culture spreads appear only in editions that include the governance audience.
    var includesGovernance: Bool { audiences.contains("governance") }

    static let defaults: [Edition] = [
        Edition(name: "staff", audiences: ["staff", "partners"]),
        Edition(name: "partners", audiences: ["partners"], title: "Learning Lessons — partner agencies"),
        Edition(name: "governance", audiences: ["staff", "partners", "governance"]),
    ]
}

struct PrivacySettings: Sendable, Hashable {
    var requireReview = true
    var smallNumbers = 5
    var allowedEmailDomains: [String] = []
    var patterns: [PrivacyPattern] = []
}

/// A site-defined identifier pattern that must never be published.
struct PrivacyPattern: Sendable, Hashable {
    var name: String
    var regex: String
}

struct BulletinSettings: Sendable, Hashable {
    enum PDFMode: String, Sendable, Hashable, CaseIterable { case off, auto, required }
    var pdf = PDFMode.auto
    var support: String?
}

/// A culture-assessment framework: its levels and dimensions (MaPSaF by default).
struct Framework: Sendable, Hashable {
    struct Dimension: Sendable, Hashable {
        var slug: String
        var title: String
    }

    var title: String
    var levels: [String]
    var levelNames: [String: String]
    var dimensions: [Dimension]

    static let mapsaf = Framework(
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

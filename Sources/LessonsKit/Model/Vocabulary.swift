/// The built-in value lists of the content model (content-model.md); sites may extend some in `site.yaml`.
enum Vocabulary {
    static let incidentSources = [
        "patient-safety-incident", "complaint", "claim", "inquest", "safeguarding-review", "mortality-review",
        "staff-incident",
    ]
    static let harm = Harm.slugs
    static let psychologicalHarm = ["none", "low", "moderate", "severe"]
    static let responses = LearningResponse.slugs
    static let incidentStatus = IncidentStatus.slugs
    static let dutyOfCandour = ["met", "in-progress", "not-yet-started"]
    static let contributoryFactors = [
        "person", "tasks", "tools-and-technology", "environment", "organisation", "external",
    ]
    static let sessionFormats = SessionFormat.slugs
    static let agencies = [
        "police", "fire-service", "ambulance-service", "adult-social-care", "primary-care", "education", "other",
    ]
    static let debriefKinds = ["hot", "cold", "patient", "carer-family", "joint", "team"]
    static let timeliness = ["within-3-hours", "within-72-hours", "within-7-days", "later"]
    static let practiceSources = [
        "excellence-report", "compliment", "good-care-report", "debrief", "audit", "qi-project", "session",
    ]
    static let externalSourceTypes = [
        "hssib", "prevention-of-future-deaths", "national-alert", "cqc", "ncish", "other-trust", "other",
    ]
    static let gapAnalysis = ["not-started", "in-progress", "complete", "not-applicable"]
    static let actionStatus = ActionStatus.slugs
    static let actionStrength = ["stronger", "intermediate", "weaker"]

    /// Readable label for a slug value: `after-action-review` → `After action review`, with known acronyms kept.
    static func label(_ value: String) -> String {
        if let known = labels[value] { return known }
        let words = value.split(separator: "-").map(String.init)
        guard let first = words.first else { return value }
        return ([first.prefix(1).uppercased() + first.dropFirst()] + words.dropFirst()).joined(separator: " ")
    }

    static let labels: [String: String] = [
        "psii": "Patient safety incident investigation (PSII)",
        "after-action-review": "After action review",
        "swarm-huddle": "SWARM huddle",
        "mdt-review": "Multidisciplinary team review",
        "legacy-rca": "Root cause analysis (legacy)",
        "hssib": "HSSIB investigation",
        "prevention-of-future-deaths": "Prevention of Future Deaths report",
        "cqc": "CQC", "ncish": "NCISH",
        "qi-project": "Quality improvement project",
        "within-3-hours": "Within 3 hours", "within-72-hours": "Within 72 hours", "within-7-days": "Within 7 days",
        "carer-family": "Carer or family",
        "tools-and-technology": "Tools and technology",
        "in-person": "In person",
        "not-yet-started": "Not yet started",
        "not-doing": "Not doing",
        "not-applicable": "Not applicable",
    ]
}

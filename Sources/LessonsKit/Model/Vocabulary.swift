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
        // Slugs are nearly always ASCII: their label is made byte by byte, as the words below would make it (CSV
        // exports and lists label thousands of values).
        if let label = value.utf8.withContiguousStorageIfAvailable(asciiLabel) ?? nil { return label }
        let words = value.split(separator: "-").map(String.init)
        guard let first = words.first else { return value }
        return ([first.prefix(1).uppercased() + first.dropFirst()] + words.dropFirst()).joined(separator: " ")
    }

    /// ``label(_:)`` of an ASCII slug with at least one word; nil for anything else.
    private static func asciiLabel(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var label: [UInt8] = []
        label.reserveCapacity(bytes.count)
        var wordEnded = false
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            if byte == UInt8(ascii: "-") {
                wordEnded = !label.isEmpty
                continue
            }
            if wordEnded {
                label.append(UInt8(ascii: " "))
                wordEnded = false
            }
            let isLower = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            label.append(label.isEmpty && isLower ? byte - 0x20 : byte)
        }
        return label.isEmpty ? nil : String(decoding: label, as: UTF8.self)
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

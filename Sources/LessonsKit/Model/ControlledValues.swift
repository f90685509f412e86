/// A value list the content model fixes (content-model.md): written in front matter as its slug (`rawValue`).
protocol ControlledValue: RawRepresentable, CaseIterable, Sendable, Hashable, CustomStringConvertible
where RawValue == String {}

extension ControlledValue {
    /// Every slug, in the content model's order (for decoding, schemas and the order of charts).
    static var slugs: [String] { allCases.map(\.rawValue) }

    /// The slug, as written in front matter (so messages quote what the editor wrote).
    var description: String { rawValue }

    /// The value as readers see it ("After action review").
    var label: String { Vocabulary.label(rawValue) }
}

/// Physical harm of an incident.
enum Harm: String, ControlledValue {
    case none, low, moderate, severe, fatal

    /// Moderate harm or worse: the statutory duty of candour applies.
    var needsCandour: Bool { self == .moderate || self == .severe || self == .fatal }
}

/// The learning response chosen for an incident (PSIRF).
enum LearningResponse: String, ControlledValue {
    case psii
    case afterActionReview = "after-action-review"
    case swarmHuddle = "swarm-huddle"
    case mdtReview = "mdt-review"
    case roundTableReview = "round-table-review"
    case thematicReview = "thematic-review"
    case localReview = "local-review"
    case legacyRCA = "legacy-rca"
    case none
}

/// Where an incident's response stands.
enum IncidentStatus: String, ControlledValue {
    case open, responding, closed
}

/// How a Learning Lessons session is held.
enum SessionFormat: String, ControlledValue {
    case inPerson = "in-person"
    case online, hybrid
}

/// Where a safety action stands.
enum ActionStatus: String, ControlledValue {
    case open
    case inProgress = "in-progress"
    case completed
    case notDoing = "not-doing"
    case superseded

    /// Open or in progress: still to be done.
    var isOpen: Bool { self == .open || self == .inProgress }

    /// Not being done: the action needs a `reason`.
    var needsReason: Bool { self == .notDoing || self == .superseded }
}

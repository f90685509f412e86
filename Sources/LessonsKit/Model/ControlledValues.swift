/// A value list the content model fixes (content-model.md): written in front matter as its slug (`rawValue`).
public protocol ControlledValue: RawRepresentable, CaseIterable, Sendable, Hashable, CustomStringConvertible
where RawValue == String {}

extension ControlledValue {
    /// Every slug, in the content model's order (for decoding, schemas and the order of charts).
    public static var slugs: [String] { allCases.map(\.rawValue) }

    /// The slug, as written in front matter (so messages quote what the editor wrote).
    public var description: String { rawValue }

    /// The value as readers see it ("After action review").
    public var label: String { Vocabulary.label(rawValue) }
}

/// Physical harm of an incident.
public enum Harm: String, ControlledValue {
    case none, low, moderate, severe, fatal

    /// Moderate harm or worse: the statutory duty of candour applies.
    public var needsCandour: Bool { self == .moderate || self == .severe || self == .fatal }
}

/// The learning response chosen for an incident (PSIRF).
public enum LearningResponse: String, ControlledValue {
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
public enum IncidentStatus: String, ControlledValue {
    case open, responding, closed
}

/// How a Learning Lessons session is held.
public enum SessionFormat: String, ControlledValue {
    case inPerson = "in-person"
    case online, hybrid
}

/// Where a safety action stands.
public enum ActionStatus: String, ControlledValue {
    case open
    case inProgress = "in-progress"
    case completed
    case notDoing = "not-doing"
    case superseded

    /// Open or in progress: still to be done.
    public var isOpen: Bool { self == .open || self == .inProgress }

    /// Not being done: the action needs a `reason`.
    public var needsReason: Bool { self == .notDoing || self == .superseded }
}

/// The ten kinds of document; the folder under `content/` gives a document its type.
public enum DocumentType: String, Sendable, Hashable, CaseIterable, Comparable {
    case incident, lesson, session, bulletin, debrief, practice, external, review, culture, page

    public init?(folder: String) {
        guard let type = Self.allCases.first(where: { $0.folder == folder }) else { return nil }
        self = type
    }

    /// The folder under `content/` and the first URL segment of the type's pages.
    public var folder: String {
        switch self {
        case .incident: "incidents"
        case .lesson: "lessons"
        case .session: "sessions"
        case .bulletin: "bulletins"
        case .debrief: "debriefs"
        case .practice: "practice"
        case .external: "external"
        case .review: "reviews"
        case .culture: "culture"
        case .page: "pages"
        }
    }

    /// Singular name shown to readers.
    public var displayName: String {
        switch self {
        case .incident: "Incident"
        case .lesson: "Lesson"
        case .session: "Learning Lessons session"
        case .bulletin: "Bulletin"
        case .debrief: "Debrief"
        case .practice: "Good practice"
        case .external: "External learning"
        case .review: "Thematic review"
        case .culture: "Culture assessment"
        case .page: "Page"
        }
    }

    /// Plural heading for the type's list page.
    public var pluralName: String {
        switch self {
        case .incident: "Incidents"
        case .lesson: "Lessons"
        case .session: "Sessions"
        case .bulletin: "Bulletins"
        case .debrief: "Debriefs"
        case .practice: "Good practice"
        case .external: "Learning from elsewhere"
        case .review: "Thematic reviews"
        case .culture: "Safety culture"
        case .page: "Pages"
        }
    }

    /// One sentence introducing the type's list page.
    public var introduction: String {
        switch self {
        case .incident: "What happened and how we responded. Dates are shown to the month to protect the people involved."
        case .lesson: "The learning itself, written for all staff: what happened, what we learned and what we changed."
        case .session: "Monthly Learning Lessons sessions, open to all staff and partner agencies."
        case .bulletin: "The bi-monthly Learning Lessons bulletin sent to every member of staff."
        case .debrief: "Debriefs held after incidents, for staff, patients and families. Only the learning is recorded."
        case .practice: "Good practice worth celebrating and spreading."
        case .external: "Learning from other organisations' incidents and national reports."
        case .review: "Thematic analysis of groups of incidents."
        case .culture: "Team safety-culture assessments with the Manchester Patient Safety Framework (MaPSaF). Assessments are for reflection, never for ranking teams."
        case .page: "About the Learning Lessons framework."
        }
    }

    /// Incidents and debriefs are dated to the month only, so that exact dates cannot identify people.
    public var usesMonthPrecision: Bool { self == .incident || self == .debrief }

    /// Types derived from incidents, which need a privacy review before publication.
    public var isIncidentDerived: Bool { [.incident, .lesson, .debrief, .review].contains(self) }

    /// Types that may carry `actions`.
    public var allowsActions: Bool { [.incident, .lesson, .review, .external, .culture].contains(self) }

    var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: DocumentType, rhs: DocumentType) -> Bool { lhs.order < rhs.order }
}

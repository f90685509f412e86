/// The ten kinds of document; the folder under `content/` gives a document its type.
enum DocumentType: String, Sendable, Hashable, CaseIterable, Comparable {
    case incident, lesson, session, bulletin, debrief, practice, external, review, culture, page

    init?(folder: String) {
        guard let type = Self.allCases.first(where: { $0.folder == folder }) else { return nil }
        self = type
    }

    /// The words and places of one type, in one table so that adding a type is one entry.
    struct Names: Sendable, Hashable {
        /// The folder under `content/` and the first URL segment of the type's pages.
        let folder: String
        /// Singular name shown to readers.
        let displayName: String
        /// Plural heading for the type's list page.
        let pluralName: String
        /// One sentence introducing the type's list page.
        let introduction: String
        /// The label of the document's date in its facts ("When it happened", "Published").
        let dateLabel: String
    }

    /// The type's entry in the table of names.
    var names: Names {
        switch self {
        case .incident:
            Names(
                folder: "incidents", displayName: "Incident", pluralName: "Incidents",
                introduction:
                    "What happened and how we responded. Dates are shown to the month to protect the people involved.",
                dateLabel: "When it happened")
        case .lesson:
            Names(
                folder: "lessons", displayName: "Lesson", pluralName: "Lessons",
                introduction:
                    "The learning itself, written for all staff: what happened, what we learned and what we changed.",
                dateLabel: "Published")
        case .session:
            Names(
                folder: "sessions", displayName: "Learning Lessons session", pluralName: "Sessions",
                introduction: "Monthly Learning Lessons sessions, open to all staff and partner agencies.",
                dateLabel: "Date")
        case .bulletin:
            Names(
                folder: "bulletins", displayName: "Bulletin", pluralName: "Bulletins",
                introduction: "The bi-monthly Learning Lessons bulletin sent to every member of staff.",
                dateLabel: "Published")
        case .debrief:
            Names(
                folder: "debriefs", displayName: "Debrief", pluralName: "Debriefs",
                introduction:
                    "Debriefs held after incidents, for staff, patients and families. Only the learning is recorded.",
                dateLabel: "When it was held")
        case .practice:
            Names(
                folder: "practice", displayName: "Good practice", pluralName: "Good practice",
                introduction: "Good practice worth celebrating and spreading.", dateLabel: "Published")
        case .external:
            Names(
                folder: "external", displayName: "External learning", pluralName: "Learning from elsewhere",
                introduction: "Learning from other organisations' incidents and national reports.",
                dateLabel: "Published")
        case .review:
            Names(
                folder: "reviews", displayName: "Thematic review", pluralName: "Thematic reviews",
                introduction: "Thematic analysis of groups of incidents.", dateLabel: "Completed")
        case .culture:
            Names(
                folder: "culture", displayName: "Culture assessment", pluralName: "Safety culture",
                introduction: "Team safety-culture assessments with the Manchester Patient Safety Framework (MaPSaF). "
                    + "Assessments are for reflection, never for ranking teams.",
                dateLabel: "Workshop held")
        case .page:
            Names(
                folder: "pages", displayName: "Page", pluralName: "Pages",
                introduction: "About the Learning Lessons framework.",
                dateLabel: "Published")
        }
    }

    /// The folder under `content/` and the first URL segment of the type's pages.
    var folder: String { names.folder }

    /// Singular name shown to readers.
    var displayName: String { names.displayName }

    /// Plural heading for the type's list page.
    var pluralName: String { names.pluralName }

    /// One sentence introducing the type's list page.
    var introduction: String { names.introduction }

    /// Incidents and debriefs are dated to the month only, so that exact dates cannot identify people.
    var usesMonthPrecision: Bool { self == .incident || self == .debrief }

    /// Types derived from incidents, which need a privacy review before publication.
    var isIncidentDerived: Bool { [.incident, .lesson, .debrief, .review].contains(self) }

    /// Types that may carry `actions`.
    var allowsActions: Bool { [.incident, .lesson, .review, .external, .culture].contains(self) }

    var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    static func < (lhs: DocumentType, rhs: DocumentType) -> Bool { lhs.order < rhs.order }
}

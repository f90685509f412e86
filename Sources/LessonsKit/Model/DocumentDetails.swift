/// The fields that only one type of document has.
public enum DocumentDetails: Sendable, Hashable {
    case incident(IncidentDetails)
    case lesson(LessonDetails)
    case session(SessionDetails)
    case bulletin(BulletinDetails)
    case debrief(DebriefDetails)
    case practice(PracticeDetails)
    case external(ExternalDetails)
    case review(ReviewDetails)
    case culture(CultureDetails)
    case page(PageDetails)
}

public struct IncidentDetails: Sendable, Hashable {
    public var source: String
    public var harm: Harm?
    public var psychologicalHarm: String?
    public var response: LearningResponse
    public var status: IncidentStatus
    public var dutyOfCandour: String?
    public var nationalPriority: Bool
    public var contributoryFactors: [String]
}

public struct LessonDetails: Sendable, Hashable {
    public var keyMessages: [String]
    public var sources: [Located<String>]
}

public struct Speaker: Sendable, Hashable {
    public var name: String?
    public var role: String?
}

public struct Material: Sendable, Hashable {
    public var title: String
    public var url: String
}

/// Attendance of one profession at a session.
public struct ProfessionCount: Sendable, Hashable {
    public var profession: String
    public var count: Int
}

/// Attendances from one partner agency at a session (`attendance.by_agency`).
public struct AgencyCount: Sendable, Hashable {
    public var agency: String
    public var count: Int
}

public struct SessionDetails: Sendable, Hashable {
    public var format: SessionFormat
    public var location: String?
    public var facilitator: String?
    public var speakers: [Speaker]
    /// Attendances (people present at this session, staff and partners together), not distinct people over time.
    public var attendance: Int?
    /// Trust staff attendances by profession.
    public var attendanceByProfession: [ProfessionCount]
    /// Partner-agency attendances by agency slug; when given, staff attendances are `attendance` minus their sum.
    public var attendanceByAgency: [AgencyCount] = []
    /// Service slugs of the Trust teams whose staff attended (`attendance.teams`), for "distinct teams reached".
    public var teamsReached: [String] = []
    public var agencies: [String]
    public var discussed: [Located<String>]
    public var feedbackResponses: Int?
    public var feedbackRating: Double?
    public var quotes: [String]
    public var materials: [Material]

    /// Partner-agency attendances, when the split was recorded (`by_agency`).
    public var partnerAttendance: Int? {
        attendanceByAgency.isEmpty ? nil : attendanceByAgency.map(\.count).reduce(0, +)
    }

    /// Trust staff attendances: everyone when no partner agency came, else the total less the partners, when recorded.
    public var staffAttendance: Int? {
        guard let attendance else { return nil }
        if let partners = partnerAttendance { return max(attendance - partners, 0) }
        return agencies.isEmpty ? attendance : nil
    }
}

public struct MonthPeriod: Sendable, Hashable {
    public var from: PartialDate
    public var to: PartialDate

    /// Whether a date falls in the period, whole months inclusive.
    public func contains(_ date: PartialDate) -> Bool {
        let month = date.monthOnly
        return from.monthOnly <= month && month <= to.monthOnly
    }

    public var displayText: String {
        from.year == to.year
            ? "\(PartialDate.monthNames[from.month - 1]) to \(to.displayText)"
            : "\(from.displayText) to \(to.displayText)"
    }
}

public struct BulletinDetails: Sendable, Hashable {
    public var issue: Int
    public var covers: MonthPeriod
    public var lead: Located<String>?
    public var lessons: [Located<String>]
    public var spotlight: String?
    public var practice: [Located<String>]
    public var external: [Located<String>]
    public var maxPages: Int
}

public struct DebriefDetails: Sendable, Hashable {
    public var kind: String
    public var incident: Located<String>?
    public var timeliness: String?
    public var facilitator: String?
    public var participants: Int?
    public var supportOffered: [String]
}

public struct PracticeDetails: Sendable, Hashable {
    public var source: String?
    public var thanks: [String]
}

public struct ExternalDetails: Sendable, Hashable {
    public var organisation: String
    public var sourceType: String
    public var url: String?
    public var gapAnalysis: String?
}

public struct ReviewDetails: Sendable, Hashable {
    public var period: MonthPeriod
    public var incidents: [Located<String>]
    public var method: String?
}

public struct CultureDetails: Sendable, Hashable {
    public var framework: String
    public var participants: Int?
    /// Agreed level per dimension slug, in the framework's dimension order.
    public var levels: [String: String]
    /// Per dimension, counts of individual ratings at each level (governance audience only).
    public var spread: [String: [String: Int]]
    public var previous: Located<String>?
}

public struct PageDetails: Sendable, Hashable {
    public var menu: Int?
}

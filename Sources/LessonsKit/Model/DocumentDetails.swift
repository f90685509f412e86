/// The fields that only one type of document has.
enum DocumentDetails: Sendable, Hashable {
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

struct IncidentDetails: Sendable, Hashable {
    var source: String
    var harm: Harm?
    var psychologicalHarm: String?
    var response: LearningResponse
    var status: IncidentStatus
    var dutyOfCandour: String?
    var nationalPriority: Bool
    var contributoryFactors: [String]
}

struct LessonDetails: Sendable, Hashable {
    var keyMessages: [String]
    var sources: [Located<String>]
}

struct Speaker: Sendable, Hashable {
    var name: String?
    var role: String?
}

struct Material: Sendable, Hashable {
    var title: String
    var url: String
}

/// Attendance of one profession at a session.
struct ProfessionCount: Sendable, Hashable {
    var profession: String
    var count: Int
}

/// Attendances from one partner agency at a session (`attendance.by_agency`).
struct AgencyCount: Sendable, Hashable {
    var agency: String
    var count: Int
}

struct SessionDetails: Sendable, Hashable {
    var format: SessionFormat
    var location: String?
    var facilitator: String?
    var speakers: [Speaker]
    /// Attendances (people present at this session, staff and partners together), not distinct people over time.
    var attendance: Int?
    /// Trust staff attendances by profession.
    var attendanceByProfession: [ProfessionCount]
    /// Partner-agency attendances by agency slug; when given, staff attendances are `attendance` minus their sum.
    var attendanceByAgency: [AgencyCount] = []
    /// Service slugs of the Trust teams whose staff attended (`attendance.teams`), for "distinct teams reached".
    var teamsReached: [String] = []
    var agencies: [String]
    var discussed: [Located<String>]
    var feedbackResponses: Int?
    var feedbackRating: Double?
    var quotes: [String]
    var materials: [Material]

    /// Partner-agency attendances, when the split was recorded (`by_agency`).
    var partnerAttendance: Int? {
        attendanceByAgency.isEmpty ? nil : attendanceByAgency.map(\.count).reduce(0, +)
    }

    /// Trust staff attendances: everyone when no partner agency came, else the total less the partners, when recorded.
    var staffAttendance: Int? {
        guard let attendance else { return nil }
        if let partners = partnerAttendance { return max(attendance - partners, 0) }
        return agencies.isEmpty ? attendance : nil
    }
}

struct MonthPeriod: Sendable, Hashable {
    var from: PartialDate
    var to: PartialDate

    /// Whether a date falls in the period, whole months inclusive.
    func contains(_ date: PartialDate) -> Bool {
        let month = date.monthOnly
        return from.monthOnly <= month && month <= to.monthOnly
    }

    /// The positions of `items` whose date falls in the period, when `items` are ordered newest first by that date
    /// (undated ones last): they are one run, found by two binary searches instead of a look at every item (each
    /// bulletin asks this of the edition's thousands of completed actions).
    func run<Items: RandomAccessCollection>(
        in items: Items, newestFirstBy date: (Items.Element) -> PartialDate?
    ) -> Range<Items.Index> {
        // A date's month is all `contains` compares, and months never rise along newest-first items.
        func month(_ item: Items.Element) -> PartialDate? { date(item)?.monthOnly }
        let (first, last) = (from.monthOnly, to.monthOnly)
        let start = items.partitionIndex { month($0).map { $0 <= last } ?? true }
        let end = items.partitionIndex(in: start..<items.endIndex) { month($0).map { $0 < first } ?? true }
        return start..<end
    }

    var displayText: String {
        from.year == to.year
            ? "\(PartialDate.monthNames[from.month - 1]) to \(to.displayText)"
            : "\(from.displayText) to \(to.displayText)"
    }
}

struct BulletinDetails: Sendable, Hashable {
    var issue: Int
    var covers: MonthPeriod
    var lead: Located<String>?
    var lessons: [Located<String>]
    var spotlight: String?
    var practice: [Located<String>]
    var external: [Located<String>]
    var maxPages: Int
}

struct DebriefDetails: Sendable, Hashable {
    var kind: String
    var incident: Located<String>?
    var timeliness: String?
    var facilitator: String?
    var participants: Int?
    var supportOffered: [String]
}

struct PracticeDetails: Sendable, Hashable {
    var source: String?
    var thanks: [String]
}

struct ExternalDetails: Sendable, Hashable {
    var organisation: String
    var sourceType: String
    var url: String?
    var gapAnalysis: String?
}

struct ReviewDetails: Sendable, Hashable {
    var period: MonthPeriod
    var incidents: [Located<String>]
    var method: String?
}

struct CultureDetails: Sendable, Hashable {
    var framework: String
    var participants: Int?
    /// Agreed level per dimension slug, in the framework's dimension order.
    var levels: [String: String]
    /// Per dimension, counts of individual ratings at each level (governance audience only).
    var spread: [String: [String: Int]]
    var previous: Located<String>?
}

struct PageDetails: Sendable, Hashable {
    var menu: Int?
}

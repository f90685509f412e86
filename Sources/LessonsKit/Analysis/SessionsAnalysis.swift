/// Learning Lessons sessions of an edition: upcoming first, then past, with attendance and feedback trends.
struct SessionsAnalysis: Sendable {
    /// A held session's figures, oldest first in `past`'s chronological copy.
    struct Held: Sendable {
        let document: Document
        let attendance: Int?
        /// Attendances so far: attendance of this and every earlier session (a sum of attendances, not of people).
        let runningTotal: Int
        let rating: Double?
        let responses: Int?

        var details: SessionDetails? {
            if case .session(let details) = document.details { return details }
            return nil
        }
    }

    /// Sessions dated after the build date, soonest first.
    let upcoming: [Document]
    /// Sessions on or before the build date, oldest first, with the running total of attendance.
    let held: [Held]
    /// Partner agencies by the number of sessions they attended.
    let agencies: Tally
    /// Themes by the number of held sessions that discussed a document carrying them.
    let discussedThemes: Tally

    var totalReached: Int { held.last?.runningTotal ?? 0 }

    /// Trust staff attendances over the held sessions whose split is known.
    var staffAttendances: Int { held.compactMap { $0.details?.staffAttendance }.reduce(0, +) }
    /// Partner-agency attendances over the held sessions whose split is known.
    var partnerAttendances: Int { held.compactMap { $0.details?.partnerAttendance }.reduce(0, +) }
    /// Held sessions with attendance but no staff/partner split (partner agencies came, counts by agency not given).
    var sessionsWithoutSplit: Int {
        held.filter { $0.attendance != nil && $0.details?.staffAttendance == nil }.count
    }

    /// The mean of the session ratings, weighted by responses where given.
    var meanRating: Double? {
        let rated = held.compactMap { session in session.rating.map { ($0, Double(max(session.responses ?? 1, 1))) } }
        let weight = rated.map(\.1).reduce(0, +)
        return weight > 0 ? rated.map { $0.0 * $0.1 }.reduce(0, +) / weight : nil
    }

    init(content: EditionContent, today: PartialDate) {
        let sessions = content.documents.filter { $0.type == .session }
        let chronological: (Document, Document) -> Bool = { a, b in
            (a.date.map { CalendarDay.number($0) } ?? Int.max, a.id) < (
                b.date.map { CalendarDay.number($0) } ?? Int.max, b.id
            )
        }
        upcoming = sessions.filter { ($0.date.map { $0 > today }) ?? false }.sorted(by: chronological)
        var held: [Held] = []
        var running = 0
        var agencies = Tally()
        var themes = Tally()
        for document in sessions.filter({ ($0.date.map { $0 <= today }) ?? true }).sorted(by: chronological) {
            guard case .session(let details) = document.details else { continue }
            running += details.attendance ?? 0
            held.append(
                Held(
                    document: document, attendance: details.attendance, runningTotal: running,
                    rating: details.feedbackRating, responses: details.feedbackResponses))
            for agency in Set(details.agencies) { agencies.add(agency) }
            var discussed: Set<String> = []
            for id in details.discussed { discussed.formUnion(content.document(id.value)?.themes ?? []) }
            for theme in discussed { themes.add(theme) }
        }
        self.held = held
        self.agencies = agencies
        discussedThemes = themes
    }
}

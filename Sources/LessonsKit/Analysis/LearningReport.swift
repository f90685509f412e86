/// The figures of a learning report for the board and the CQC over a period of whole months, computed from one
/// edition's documents (so a governance-only incident never counts in the staff edition). Counts are true values:
/// the page applies the edition's small-number rule to counts of incidents and debriefs.
struct LearningReport: Sendable {
    /// A held session's figures in the period.
    struct Session: Sendable {
        let document: Document
        let attendances: Int?
        let staff: Int?
        let partners: Int?
        let rating: Double?
        let responses: Int?
    }

    /// A theme's incidents in the period and in the period of the same length before it.
    struct ThemeChange: Sendable {
        let theme: Theme
        let before: Int
        let now: Int
    }

    /// A team whose latest assessment in the period has an earlier one to compare with.
    struct CultureChange: Sendable {
        let service: String
        let assessment: Document
        let previous: Document
        let up: Int
        let down: Int
        let same: Int
    }

    let period: MonthPeriod
    /// The period of the same length just before, for rising and falling themes.
    let previousPeriod: MonthPeriod
    /// Lessons dated in the period, newest first.
    let lessons: [Document]
    let sessions: [Session]
    /// Distinct Trust teams (service slugs) named as reached by the period's sessions.
    let teamsReached: [String]
    /// Distinct partner agencies at the period's sessions.
    let agencies: [String]
    /// Feedback quotes of the period's sessions, with the session they came from.
    let quotes: [(session: Document, quote: String)]
    /// Debriefs dated in the period, by kind (in vocabulary order).
    let debriefsByKind: [(kind: String, count: Int)]
    /// Incidents dated in the period that needed duty of candour, by status: met, in progress, not yet started.
    let candour: [(status: String, count: Int)]
    /// Actions due in the period: completed on time, completed late, overdue (open past due), still open, not doing.
    let actions: [(outcome: String, count: Int)]
    let culture: [CultureChange]
    /// Themes with incidents in either period, in data-file order.
    let themes: [ThemeChange]

    static let actionOutcomes = [
        "completed on time", "completed late", "overdue", "open, not yet due", "not doing",
    ]

    var attendances: Int { sessions.compactMap(\.attendances).reduce(0, +) }
    var staffAttendances: Int { sessions.compactMap(\.staff).reduce(0, +) }
    var partnerAttendances: Int { sessions.compactMap(\.partners).reduce(0, +) }
    var feedbackResponses: Int { sessions.compactMap(\.responses).reduce(0, +) }

    /// Mean of the sessions' ratings weighted by responses.
    var meanRating: Double? {
        let rated = sessions.compactMap { s in s.rating.map { ($0, Double(max(s.responses ?? 1, 1))) } }
        let weight = rated.map(\.1).reduce(0, +)
        return weight > 0 ? rated.map { $0.0 * $0.1 }.reduce(0, +) / weight : nil
    }

    init(
        period: MonthPeriod, content: EditionContent, data: SiteData, frameworks: [String: Framework],
        today: PartialDate
    ) {
        self.period = period
        let months = (period.to.year * 12 + period.to.month) - (period.from.year * 12 + period.from.month) + 1
        previousPeriod = MonthPeriod(
            from: CalendarDay.addingMonths(-months, to: period.from.monthOnly),
            to: CalendarDay.addingMonths(-months, to: period.to.monthOnly))
        func inPeriod(_ document: Document) -> Bool {
            document.date.map { period.contains($0) && $0 <= today } ?? false
        }
        lessons = content.documents(of: .lesson).filter { inPeriod($0) && $0.supersededBy == nil }.sorted(
            by: Document.newestFirst)

        let held = content.documents(of: .session).filter(inPeriod).sorted {
            ($0.date ?? today, $0.id) < ($1.date ?? today, $1.id)
        }
        var teams: Set<String> = []
        var agencies: Set<String> = []
        var quotes: [(session: Document, quote: String)] = []
        sessions = held.compactMap { document in
            guard case .session(let details) = document.details else { return nil }
            teams.formUnion(details.teamsReached)
            agencies.formUnion(details.agencies)
            quotes += details.quotes.map { (document, $0) }
            return Session(
                document: document, attendances: details.attendance, staff: details.staffAttendance,
                partners: details.partnerAttendance
                    ?? (details.agencies.isEmpty && details.attendance != nil ? 0 : nil),
                rating: details.feedbackRating, responses: details.feedbackResponses)
        }
        let order = Dictionary(
            data.services.enumerated().map { ($0.element.slug, $0.offset) }, uniquingKeysWith: { a, _ in a })
        teamsReached = teams.sorted { (order[$0] ?? Int.max, $0) < (order[$1] ?? Int.max, $1) }
        self.agencies =
            Vocabulary.agencies.filter(agencies.contains) + agencies.subtracting(Vocabulary.agencies).sorted()
        self.quotes = quotes

        var kinds = Tally()
        for debrief in content.documents(of: .debrief).filter(inPeriod) {
            if case .debrief(let details) = debrief.details { kinds.add(details.kind) }
        }
        debriefsByKind = kinds.ordered(by: Vocabulary.debriefKinds).map { (kind: $0.key, count: $0.count) }

        var candour = Tally()
        for incident in content.documents(of: .incident).filter(inPeriod) {
            if case .incident(let details) = incident.details, let status = details.dutyOfCandour {
                candour.add(status)
            }
        }
        self.candour = Vocabulary.dutyOfCandour.map { (status: $0, count: candour[$0]) }

        var outcomes = Tally()
        for document in content.documents {
            for action in document.actions where period.contains(action.due) && action.status != .superseded {
                switch action.status {
                case .completed:
                    outcomes.add(
                        (action.completed ?? action.due) <= action.due ? "completed on time" : "completed late")
                case .notDoing: outcomes.add("not doing")
                default: outcomes.add(action.isOverdue(on: today) ? "overdue" : "open, not yet due")
                }
            }
        }
        actions = Self.actionOutcomes.map { (outcome: $0, count: outcomes[$0]) }

        culture = CultureGrid(content: content, data: data, frameworks: frameworks, today: today).rows.compactMap {
            row in
            guard let previous = row.previous, let date = row.latest.date, period.contains(date) else { return nil }
            let changes = row.changes.values
            let up = changes.filter {
                guard case .up = $0 else { return false }
                return true
            }.count
            let down = changes.filter {
                guard case .down = $0 else { return false }
                return true
            }.count
            let same = changes.filter { $0 == .same }.count
            return CultureChange(
                service: row.service, assessment: row.latest, previous: previous, up: up, down: down, same: same)
        }

        let tree = data.themeTree
        let incidents = content.documents(of: .incident)
        let before = previousPeriod
        themes = data.themes.compactMap { theme in
            let family = tree.selfAndDescendants(of: theme.slug)
            let tagged = incidents.filter { !family.isDisjoint(with: $0.themes) }
            let now = tagged.filter { $0.date.map { period.contains($0) } ?? false }.count
            let earlier = tagged.filter { $0.date.map { before.contains($0) } ?? false }.count
            return now + earlier > 0 ? ThemeChange(theme: theme, before: earlier, now: now) : nil
        }
    }
}

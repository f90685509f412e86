/// Queries over the safety actions of an edition's documents.
enum ActionsAnalysis {
    /// Actions with status `completed` whose `completed` date falls in `period` (whole months inclusive),
    /// most recently completed first, then by document id and action id ("You said, we did"): the run of the edition's
    /// completed actions (``EditionContent/completedActions``, sorted once by ``EditionContent/completedFirst(_:_:)``) that the period holds.
    static func completed(in period: MonthPeriod, content: EditionContent) -> [(
        document: Document, action: Action
    )] {
        let all = content.completedActions
        return Array(all[period.run(in: all, newestFirstBy: \.action.completed)])
    }
}

struct ActionsDashboard: Sendable {
    typealias Item = (document: Document, action: Action)

    /// Open or in-progress actions, soonest due first.
    let open: [Item]
    /// Open actions due before the build date (content-model.md: due == today is not overdue).
    let overdue: [Item]
    /// Open actions due from the build date to 30 days after it, inclusive.
    let dueSoon: [Item]
    /// Completed in the six months up to the build date, most recent first ("You said, we did").
    let recentlyCompleted: [Item]
    /// `not-doing` actions with their reasons.
    let notDoing: [Item]
    /// Strength of every action that is not superseded: `stronger`, `intermediate`, `weaker`, `not-stated`.
    let strengthMix: Tally
    /// Open and overdue counts per service slug ("" for documents without a service).
    let byService: [(service: String, open: Int, overdue: Int)]
    /// Open and overdue counts per owner.
    let byOwner: [(owner: String, open: Int, overdue: Int)]
    let total: Int

    static let dueSoonDays = 30
    static let completedMonths = 6

    init(content: EditionContent, today: PartialDate) {
        var all: [Item] = []
        for document in content.documents { for action in document.actions { all.append((document, action)) } }
        let open = content.openActions
        let soonLimit = CalendarDay.adding(Self.dueSoonDays, to: today)
        self.open = open
        overdue = open.filter { $0.action.isOverdue(on: today) }
        dueSoon = open.filter { $0.action.due >= today && $0.action.due <= soonLimit }
        let since = CalendarDay.addingMonths(-(Self.completedMonths - 1), to: today)
        recentlyCompleted = ActionsAnalysis.completed(
            in: MonthPeriod(from: since, to: today.monthOnly), content: content
        )
        .filter { ($0.action.completed ?? today) <= today }
        notDoing = all.filter { $0.action.status == .notDoing }.sorted(onKey: EditionContent.dueKey, by: <)
        var strength = Tally()
        for item in all where item.action.status != .superseded { strength.add(item.action.strength ?? "not-stated") }
        strengthMix = strength
        var services: [String: (Int, Int)] = [:]
        var owners: [String: (Int, Int)] = [:]
        for item in open {
            let late = item.action.isOverdue(on: today) ? 1 : 0
            let service = item.document.service ?? ""
            services[service, default: (0, 0)].0 += 1
            services[service, default: (0, 0)].1 += late
            owners[item.action.owner, default: (0, 0)].0 += 1
            owners[item.action.owner, default: (0, 0)].1 += late
        }
        let rank: ((String, (Int, Int)), (String, (Int, Int))) -> Bool = {
            $0.1.1 != $1.1.1 ? $0.1.1 > $1.1.1 : $0.1.0 != $1.1.0 ? $0.1.0 > $1.1.0 : $0.0 < $1.0
        }
        byService = services.sorted(by: rank).map { (service: $0.key, open: $0.value.0, overdue: $0.value.1) }
        byOwner = owners.sorted(by: rank).map { (owner: $0.key, open: $0.value.0, overdue: $0.value.1) }
        total = all.count
    }
}

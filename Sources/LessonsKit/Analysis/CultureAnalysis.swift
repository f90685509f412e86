/// The MaPSaF grid of an edition: each team's latest assessment and how each level moved since the one before.
struct CultureGrid: Sendable {
    /// How a dimension's level moved since the team's previous assessment.
    enum Change: Sendable, Hashable {
        case up(from: String)
        case down(from: String)
        case same, noPrevious
    }

    struct Row: Sendable {
        let service: String
        let latest: Document
        let previous: Document?
        /// Agreed level per dimension slug.
        let levels: [String: String]
        let changes: [String: Change]
        /// How many assessments the team has had in this edition.
        let assessments: Int
    }

    /// One row per team, in the order of `data/services.yaml` (never ranked by level).
    let rows: [Row]

    init(content: EditionContent, data: SiteData, frameworks: [String: Framework], today: PartialDate) {
        var byService: [String: [Document]] = [:]
        for document in content.documents where document.type == .culture {
            guard let date = document.date, date <= today, let service = document.service else { continue }
            byService[service, default: []].append(document)
        }
        let order = Dictionary(
            data.services.enumerated().map { ($0.element.slug, $0.offset) }, uniquingKeysWith: { a, _ in a })
        rows = byService.keys.sorted { (order[$0] ?? Int.max, $0) < (order[$1] ?? Int.max, $1) }.compactMap { service in
            let assessments = (byService[service] ?? []).sorted(by: Document.newestFirst)
            guard let latest = assessments.first, case .culture(let details) = latest.details else { return nil }
            // The named `previous` if it is in this edition, else the team's assessment before the latest.
            let named = details.previous.flatMap { content.document($0.value) }
            let previous = named?.type == .culture ? named : assessments.dropFirst().first
            var earlier: [String: String] = [:]
            if let previous, case .culture(let before) = previous.details { earlier = before.levels }
            let framework = frameworks[details.framework] ?? .mapsaf
            var changes: [String: Change] = [:]
            for dimension in framework.dimensions {
                changes[dimension.slug] = Self.change(
                    from: earlier[dimension.slug], to: details.levels[dimension.slug], order: framework.levels)
            }
            return Row(
                service: service, latest: latest, previous: previous, levels: details.levels, changes: changes,
                assessments: assessments.count)
        }
    }

    static func change(from before: String?, to now: String?, order: [String]) -> Change {
        guard let before, let now, let old = order.firstIndex(of: before), let new = order.firstIndex(of: now) else {
            return .noPrevious
        }
        return new > old ? .up(from: before) : new < old ? .down(from: before) : .same
    }
}

/// Every theme's figures for one edition, computed in one pass over the edition's documents.
struct ThemeAnalysis: Sendable {
    /// One theme's figures; a parent theme's figures include its descendants' documents.
    struct Summary: Sendable {
        let theme: Theme
        /// Documents carrying the theme or a descendant, newest first.
        var documents: [Document] = []
        var countsByType: [DocumentType: Int] = [:]
        /// Incidents by quarter number (`QuarterAxis.number`), any date: the one count every trend of the theme reads.
        var incidentsByQuarter: [Int: Int] = [:]
        /// Incidents per quarter, aligned with `ThemeAnalysis.axis`.
        var incidentsPerQuarter: [Int] = []
        /// Incidents by physical harm (`not-recorded` when the incident has none).
        var harmMix = Tally()
        /// Incidents by learning response.
        var responseMix = Tally()
        /// Incidents by service slug.
        var services = Tally()
        /// Other themes on the same incidents (the theme's own ancestors and descendants left out).
        var coOccurring = Tally()
        /// Open or in-progress actions of the theme's documents, soonest due first.
        var openActions: [(document: Document, action: Action)] = []
        /// Thematic reviews carrying the theme or covering one of its incidents.
        var reviews: [Document] = []
        /// Bulletins whose `spotlight` is the theme or a descendant.
        var spotlightBulletins: [Document] = []

        var incidentCount: Int { countsByType[.incident] ?? 0 }

        /// Incidents per quarter of any run of quarters (oldest first), e.g. a bulletin spotlight's six quarters.
        func incidents(on axis: QuarterAxis) -> [Int] {
            (0..<axis.count).map { incidentsByQuarter[axis.first + $0] ?? 0 }
        }

        /// Incidents in the last four quarters of the axis, used to sort themes by recent activity.
        var recentIncidents: Int { incidentsPerQuarter.suffix(4).reduce(0, +) }

        /// Newest date among the theme's documents dated on or before the build date.
        var latestActivity: PartialDate?
    }

    /// The quarters the trends cover (oldest first), ending with the build date's quarter.
    let axis: QuarterAxis
    let summaries: [String: Summary]
    let tree: ThemeTree

    /// Themes of the data file, most recent activity first (incidents in the last year, then newest document, then title).
    var byRecentActivity: [Summary] { byRecentActivity(suppressingBelow: nil) }

    /// As `byRecentActivity`, but counts from 1 to `threshold - 1` rank as equal, so that the order of themes whose
    /// counts are shown as "fewer than N" does not hint at their hidden values.
    func byRecentActivity(suppressingBelow threshold: Int?) -> [Summary] {
        func key(_ count: Int) -> Int {
            guard let threshold, count > 0, count < threshold else { return count }
            return 1
        }
        return summaries.values.sorted { a, b in
            if key(a.recentIncidents) != key(b.recentIncidents) {
                return key(a.recentIncidents) > key(b.recentIncidents)
            }
            switch (a.latestActivity, b.latestActivity) {
            case (let x?, let y?) where x != y: return x > y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return (a.theme.title, a.theme.slug) < (b.theme.title, b.theme.slug)
            }
        }
    }

    subscript(slug: String) -> Summary? { summaries[slug] }

    /// Three years of quarters (12) through `today`'s quarter, as the issue asks for trends.
    init(content: EditionContent, data: SiteData, today: PartialDate, quarters: Int = 12) {
        let tree = data.themeTree
        let axis = QuarterAxis(through: today, count: quarters)
        self.tree = tree
        self.axis = axis
        // Ancestors (self included) of each theme, so a document tagged with a child counts for all its ancestors too.
        var ancestors: [String: [String]] = [:]
        for theme in data.themes { ancestors[theme.slug] = tree.selfAndAncestors(of: theme.slug) }
        var families: [String: Set<String>] = [:]
        for theme in data.themes { families[theme.slug] = tree.family(of: theme.slug) }
        // Summaries live in an array and are mutated in place: copying one out of a dictionary and back would copy
        // its document list on every append (quadratic on a large corpus).
        var list = data.themes.map { Summary(theme: $0) }
        var position: [String: Int] = [:]
        for (index, theme) in data.themes.enumerated() where position[theme.slug] == nil {
            position[theme.slug] = index
        }
        var reviewed: [String: Set<String>] = [:]  // theme → review ids already added
        // Newest first, so that each theme's documents and spotlights are too without sorting them.
        for document in content.newestFirst {
            let expanded = Self.expand(document.themes, ancestors: ancestors)
            if case .bulletin(let bulletin) = document.details, let spotlight = bulletin.spotlight {
                // A spotlight on a child theme also shows on its parent's page.
                for slug in ancestors[spotlight] ?? [] {
                    if let index = position[slug] { list[index].spotlightBulletins.append(document) }
                }
            }
            for slug in expanded {
                guard let index = position[slug] else { continue }
                list[index].documents.append(document)
                list[index].countsByType[document.type, default: 0] += 1
                if let date = document.date, date <= today, list[index].latestActivity.map({ date > $0 }) ?? true {
                    list[index].latestActivity = date
                }
                if document.type == .review, reviewed[slug, default: []].insert(document.slug).inserted {
                    list[index].reviews.append(document)
                }
                if case .incident(let incident) = document.details {
                    if let date = document.date {
                        list[index].incidentsByQuarter[QuarterAxis.number(date), default: 0] += 1
                    }
                    list[index].harmMix.add(incident.harm?.rawValue ?? "not-recorded")
                    list[index].responseMix.add(incident.response.rawValue)
                    list[index].services.add(document.service ?? "")
                    let family = families[slug] ?? [slug]
                    for other in expanded where !family.contains(other) { list[index].coOccurring.add(other) }
                }
            }
        }
        // Reviews that cover a theme's incidents without carrying the theme themselves.
        for review in content.documents where review.type == .review {
            guard case .review(let details) = review.details else { continue }
            var themes: Set<String> = []
            for id in details.incidents {
                if let incident = content.document(id.value) {
                    themes.formUnion(Self.expand(incident.themes, ancestors: ancestors))
                }
            }
            for slug in themes where reviewed[slug, default: []].insert(review.slug).inserted {
                if let index = position[slug] { list[index].reviews.append(review) }
            }
        }
        // Soonest due first, as the edition's list of them is.
        for item in content.openActions {
            for slug in Self.expand(item.document.themes, ancestors: ancestors) {
                if let index = position[slug] { list[index].openActions.append(item) }
            }
        }
        for index in list.indices {
            list[index].incidentsPerQuarter = list[index].incidents(on: axis)
            list[index].reviews.sort(by: Document.newestFirst)
        }
        self.summaries = Dictionary(list.map { ($0.theme.slug, $0) }, uniquingKeysWith: { first, _ in first })
    }

    static func expand(_ themes: [String], ancestors: [String: [String]]) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        for slug in themes {
            for member in ancestors[slug] ?? [] where seen.insert(member).inserted { result.append(member) }
        }
        return result
    }
}

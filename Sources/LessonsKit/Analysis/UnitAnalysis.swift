/// Figures for every service and directorate page; a directorate rolls up its services.
public struct UnitAnalysis: Sendable {
    public struct Summary: Sendable {
        /// The service's documents, or for a directorate those of its services and its own; newest first.
        public internal(set) var documents: [Document] = []
        public internal(set) var incidentsPerQuarter: [Int]
        /// Themes of the unit's incidents (as tagged, without parent roll-up).
        public internal(set) var incidentThemes = Tally()
        /// Open or in-progress actions, soonest due first.
        public internal(set) var openActions: [(document: Document, action: Action)] = []
        public var incidentCount: Int { documents.filter { $0.type == .incident }.count }
    }

    public let axis: QuarterAxis
    /// By service or directorate slug.
    public let summaries: [String: Summary]

    public subscript(slug: String) -> Summary? { summaries[slug] }

    public init(content: EditionContent, data: SiteData, axis: QuarterAxis) {
        self.axis = axis
        var summaries: [String: Summary] = [:]
        var directorateOf: [String: String] = [:]
        for directorate in data.directorates {
            summaries[directorate.slug] = Summary(incidentsPerQuarter: Array(repeating: 0, count: axis.count))
            for service in directorate.services {
                summaries[service.slug] = Summary(incidentsPerQuarter: Array(repeating: 0, count: axis.count))
                directorateOf[service.slug] = directorate.slug
            }
        }
        for document in content.documents {
            guard let service = document.service else { continue }
            var units = [service]
            if let directorate = directorateOf[service] { units.append(directorate) }
            for unit in units {
                guard var summary = summaries[unit] else { continue }
                summary.documents.append(document)
                if document.type == .incident {
                    if let date = document.date, let index = axis.index(of: date) { summary.incidentsPerQuarter[index] += 1 }
                    for theme in document.themes { summary.incidentThemes.add(theme) }
                }
                for action in document.actions where action.isOpen { summary.openActions.append((document, action)) }
                summaries[unit] = summary
            }
        }
        for slug in summaries.keys {
            summaries[slug]?.documents.sort(by: Document.newestFirst)
            summaries[slug]?.openActions.sort { ($0.action.due, $0.document.id, $0.action.id) < ($1.action.due, $1.document.id, $1.action.id) }
        }
        self.summaries = summaries
    }
}

/// Figures for every service and directorate page; a directorate rolls up its services.
struct UnitAnalysis: Sendable {
    struct Summary: Sendable {
        /// The service's documents, or for a directorate those of its services and its own; newest first.
        var documents: [Document] = []
        var incidentsPerQuarter: [Int]
        /// Themes of the unit's incidents (as tagged, without parent roll-up).
        var incidentThemes = Tally()
        /// Open or in-progress actions, soonest due first.
        var openActions: [(document: Document, action: Action)] = []
        var incidentCount: Int { documents.filter { $0.type == .incident }.count }
    }

    let axis: QuarterAxis
    /// By service or directorate slug.
    let summaries: [String: Summary]

    subscript(slug: String) -> Summary? { summaries[slug] }

    init(content: EditionContent, data: SiteData, axis: QuarterAxis) {
        self.axis = axis
        // Mutated in place in an array (see ThemeAnalysis): no copy of a document list per document.
        var units: [String] = []
        var directorateOf: [String: String] = [:]
        for directorate in data.directorates {
            units.append(directorate.slug)
            for service in directorate.services {
                units.append(service.slug)
                directorateOf[service.slug] = directorate.slug
            }
        }
        var list = units.map { _ in Summary(incidentsPerQuarter: Array(repeating: 0, count: axis.count)) }
        var position: [String: Int] = [:]
        for (index, unit) in units.enumerated() where position[unit] == nil { position[unit] = index }
        // Newest first, so that each unit's documents are too without sorting them.
        for document in content.newestFirst {
            guard let service = document.service else { continue }
            for unit in [service, directorateOf[service]].compactMap({ $0 }) {
                guard let index = position[unit] else { continue }
                list[index].documents.append(document)
                if document.type == .incident {
                    if let date = document.date, let quarter = axis.index(of: date) {
                        list[index].incidentsPerQuarter[quarter] += 1
                    }
                    for theme in document.themes { list[index].incidentThemes.add(theme) }
                }
            }
        }
        // Soonest due first, as the edition's list of them is.
        for item in content.openActions {
            guard let service = item.document.service else { continue }
            for unit in [service, directorateOf[service]].compactMap({ $0 }) {
                if let index = position[unit] { list[index].openActions.append(item) }
            }
        }
        var summaries: [String: Summary] = [:]
        for (unit, index) in position { summaries[unit] = list[index] }
        self.summaries = summaries
    }
}

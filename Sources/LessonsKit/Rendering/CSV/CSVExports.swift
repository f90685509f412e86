/// The CSV files published beside the dashboards (`data/*.csv`), computed from the edition's own documents and
/// suppressed as the pages are: counts of incidents from 1 to `small_numbers - 1` read "fewer than N" outside the
/// governance edition, with a second cell and the total hidden when one alone would give a suppressed cell away.
struct CSVExports: Sendable {
    let content: EditionContent
    let data: SiteData
    let today: PartialDate
    let themes: ThemeAnalysis
    let sessions: SessionsAnalysis
    let culture: CultureGrid
    let frameworks: [String: Framework]
    /// The edition's small-number rule.
    let smallNumbers: SmallNumberPolicy
    /// The input keys with which the last build's files are taken when no document's listing changed (nil: always
    /// made).
    var keys: AggregateInputs?
    var reuse: PageReuse?

    /// Paths of the exports, by the dashboard that links to them.
    static let actionsCSV = "data/actions.csv"
    static let incidentsCSV = "data/incidents.csv"
    static let themesCSV = "data/incidents-by-theme.csv"
    static let sessionsCSV = "data/sessions.csv"
    static let cultureCSV = "data/culture.csv"

    func files() -> [OutputFile] {
        var files: [OutputFile] = []
        forEachFile { files.append($0) }
        return files
    }

    /// Hands each file to `body` as soon as it is made, in the order of ``files()``, so only one table is held at once.
    func forEachFile(_ body: (OutputFile) -> Void) {
        // Each table with its input key: what it shows and nothing else (some of the edition's documents' fields, never
        // a body; the data files, site.yaml and today are in every key), so a document's change remakes only the tables
        // showing it.
        let (content, themes, order) = (content, themes, data.themes)
        let tables: [(path: String, inputs: (AggregateInputs) -> PageInputs, make: () -> [UInt8])] = [
            (Self.actionsCSV, { $0.actionsTable() }, actionsFile),
            (Self.incidentsCSV, { $0.incidentsTable(content) }, { incidentsTable().bytes }),
            (Self.themesCSV, { $0.themesTable(themes, order: order) }, { themesTable().bytes }),
            (Self.sessionsCSV, { $0.sessionsTable(content) }, { sessionsTable().bytes }),
            (Self.cultureCSV, { $0.cultureTable(content) }, { cultureTable().bytes }),
        ]
        guard let reuse, let keys else {
            for table in tables { body(OutputFile(path: table.path, contents: .bytes(table.make()))) }
            return
        }
        // With its inputs unchanged, the last build's file is taken as it is.
        for table in tables {
            let file = reuse.page(
                path: table.path, template: "csv " + table.path, inputs: table.inputs(keys), convert: { nil },
                render: { _ in RenderedHTML(bytes: table.make(), links: nil) })
            body(file.asForm)
        }
    }

    /// The file of one row per action of the edition's documents, by document then action id, each row made as it is
    /// written (``CSVTable/bytes(headers:count:row:)``).
    func actionsFile() -> [UInt8] {
        let actions = actionRows
        return CSVTable.bytes(headers: Self.actionHeaders, count: actions.count) { actionRow(actions[$0]) }
    }

    private static let actionHeaders = [
        "Action", "Document", "Document title", "Service", "What", "Owner", "Due", "Status", "Completed", "Overdue",
        "Strength", "Evidence", "Reason not done",
    ]

    /// Every action of the edition's documents with its document, by document id then in the document's order.
    private var actionRows: [(document: Document, action: Action)] {
        content.documents.sorted(by: { $0.id < $1.id }).flatMap { document in
            document.actions.map { (document, $0) }
        }
    }

    private func actionRow(_ item: (document: Document, action: Action)) -> [String] {
        let (document, action) = item
        return [
            "\(document.id)/\(action.id)", document.id, document.title, document.service.flatMap(data.unitTitle) ?? "",
            action.action, action.owner, action.due.description, action.status.label,
            action.completed?.description ?? "", action.isOverdue(on: today) ? "yes" : "no",
            action.strength.map(Vocabulary.label) ?? "", action.evidence ?? "", action.reason ?? "",
        ]
    }

    /// One row per incident of the edition: the facts its page shows, no body.
    func incidentsTable() -> CSVTable {
        let rows: [[String]] = content.documents(of: .incident).sorted(by: { $0.id < $1.id }).compactMap { document in
            guard case .incident(let incident) = document.details else { return nil }
            return [
                document.id, document.title, document.date?.description ?? "",
                document.service.flatMap(data.unitTitle) ?? "",
                Vocabulary.label(incident.source), incident.harm?.label ?? "", incident.response.label,
                incident.status.label, incident.dutyOfCandour.map(Vocabulary.label) ?? "",
                document.themes.compactMap { data.theme($0)?.title }.joined(separator: "; "),
            ]
        }
        return CSVTable(
            headers: [
                "Incident", "Title", "Month", "Service", "Source", "Physical harm", "Learning response", "Status",
                "Duty of candour", "Themes",
            ], rows: rows)
    }

    /// Incidents per theme per quarter (three years), a theme's figures including its sub-themes, with the total.
    func themesTable() -> CSVTable {
        let rows: [[String]] = data.themes.compactMap { theme in
            guard let summary = themes[theme.slug] else { return nil }
            let (cells, total) = smallNumbers.displayRow(summary.incidentsPerQuarter)
            return [theme.title] + cells.map(\.text) + [total.text]
        }
        return CSVTable(headers: ["Theme"] + themes.axis.labels + ["Total"], rows: rows)
    }

    /// One row per held session: attendances with staff and partner agencies apart, teams reached and feedback.
    func sessionsTable() -> CSVTable {
        let rows: [[String]] = sessions.held.map { held in
            let details = held.details
            return [
                held.document.id, held.document.title, held.document.date?.description ?? "",
                details?.format.label ?? "",
                held.attendance.map(String.init) ?? "", details?.staffAttendance.map(String.init) ?? "",
                details?.partnerAttendance.map(String.init) ?? "",
                details.map { $0.agencies.map(Vocabulary.label).joined(separator: "; ") } ?? "",
                details.map { $0.teamsReached.isEmpty ? "" : "\($0.teamsReached.count)" } ?? "",
                held.responses.map(String.init) ?? "", held.rating.map(SVGText.number) ?? "", "\(held.runningTotal)",
            ]
        }
        return CSVTable(
            headers: [
                "Session", "Title", "Date", "Format", "Attendances", "Trust staff attendances",
                "Partner-agency attendances",
                "Partner agencies", "Trust teams reached", "Feedback responses", "Mean rating",
                "Running total of attendances",
            ],
            rows: rows)
    }

    /// One row per team and dimension: the latest agreed level, the previous one and the change. Never a ranking.
    func cultureTable() -> CSVTable {
        var rows: [[String]] = []
        for row in culture.rows {
            guard case .culture(let details) = row.latest.details, let framework = frameworks[details.framework]
            else { continue }
            var before: [String: String] = [:]
            if let previous = row.previous, case .culture(let earlier) = previous.details { before = earlier.levels }
            for dimension in framework.dimensions {
                let change: String
                switch row.changes[dimension.slug] ?? .noPrevious {
                case .up: change = "moved up"
                case .down: change = "moved down"
                case .same: change = "no change"
                case .noPrevious: change = "first assessment"
                }
                rows.append([
                    data.unitTitle(row.service) ?? row.service, row.latest.id, row.latest.date?.description ?? "",
                    framework.title,
                    dimension.title, details.levels[dimension.slug] ?? "", before[dimension.slug] ?? "",
                    row.previous?.id ?? "", change,
                ])
            }
        }
        return CSVTable(
            headers: [
                "Team", "Assessment", "Date", "Framework", "Dimension", "Level", "Previous level",
                "Previous assessment",
                "Change",
            ], rows: rows)
    }
}

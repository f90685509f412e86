/// `culture/index.html`: the MaPSaF grid (one row per team's latest assessment, one column per dimension, the
/// change since the team's previous assessment), then every assessment by year. Never a ranking.
struct CulturePage: Sendable {
    let frame: PageFrame
    let templates: TemplateSet
    let links: DocumentLinks
    let content: EditionContent
    let grid: CultureGrid
    let frameworks: [String: Framework]
    /// The page's input key, when the last build's page can be reused (see ``AggregateInputs``).
    var keys: AggregateInputs? = nil
    var paths: SitePaths { links.paths }

    func file() -> OutputFile {
        let path = paths.file(for: paths.listFolder(of: .culture))
        return templates.aggregatePage(path, "culture", inputs: keys?.cultureDashboard(content), model)
    }

    func model() -> Page<CultureBody> {
        let folder = paths.listFolder(of: .culture)
        let documents = content.documents(of: .culture).filter { $0.supersededBy == nil || $0.isDraft }
        // One grid per framework in use (most sites only use MaPSaF).
        var grids: [CultureBody.Grid] = []
        let rowsByFramework = Dictionary(grouping: grid.rows) { row -> String in
            if case .culture(let details) = row.latest.details { return details.framework }
            return "mapsaf"
        }
        for key in rowsByFramework.keys.sorted() {
            guard let framework = frameworks[key], let rows = rowsByFramework[key] else { continue }
            grids.append(cultureGrid(framework: framework, key: key, rows: rows, from: folder))
        }
        var body = CultureBody(
            intro: DocumentType.culture.introduction, isEmpty: documents.isEmpty,
            years: links.groupByYear(documents, from: folder),
            grids: grids)
        body.csvLinks = links.csvLinks([("Culture levels per team", CSVExports.cultureCSV)], from: folder)
        return frame.page(
            body, folder: folder, title: DocumentType.culture.pluralName, currentSection: folder,
            breadcrumbs: [("Home", "")])
    }

    func cultureGrid(framework: Framework, key: String, rows: [CultureGrid.Row], from folder: String)
        -> CultureBody.Grid
    {
        CultureBody.Grid(
            id: "grid-\(key)",
            title: framework.title,
            dimensions: framework.dimensions.enumerated().map {
                .init(title: $0.element.title, number: "\($0.offset + 1)")
            },
            levels: framework.levels.map {
                .init(letter: $0, name: framework.levelNames[$0] ?? "", levelClass: "level-\($0.lowercased())")
            },
            rows: rows.map { row in
                let cells = framework.dimensions.map { dimension -> CultureBody.Grid.Cell in
                    let level = row.levels[dimension.slug] ?? "–"
                    var cell = CultureBody.Grid.Cell(
                        level: level, levelName: framework.levelNames[level] ?? "not agreed",
                        levelClass: "level-\(level.lowercased())", dimension: dimension.title)
                    switch row.changes[dimension.slug] ?? .noPrevious {
                    case .up(let from):
                        (cell.changeText, cell.arrow, cell.changeClass) = ("up from \(from)", "▲", "change-up")
                    case .down(let from):
                        (cell.changeText, cell.arrow, cell.changeClass) = ("down from \(from)", "▼", "change-down")
                    case .same, .noPrevious: break
                    }
                    return cell
                }
                return .init(
                    team: links.unitName(row.service), href: paths.href(from: folder, to: paths.folder(of: row.latest)),
                    dateText: row.latest.date?.displayText ?? "", cells: cells,
                    previousText: row.previous.map { "Compared with \($0.date?.displayText ?? $0.id)" }
                        ?? "First assessment",
                    previousHref: row.previous.map { paths.href(from: folder, to: paths.folder(of: $0)) })
            })
    }
}

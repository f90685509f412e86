/// `actions/index.html`: open and overdue actions by service and owner, due soon, "You said, we did",
/// the strength mix and actions not being done.
struct ActionsPage: Sendable {
    let frame: PageFrame
    let templates: TemplateSet
    let links: DocumentLinks
    let figures: FigureBuilder
    let actions: ActionViews
    /// The edition's aggregates: the actions dashboard is read only when the page is built.
    let analysis: EditionAnalysis
    let today: PartialDate
    /// The page's input key, when the last build's page can be reused (see ``AggregateInputs``).
    var keys: AggregateInputs? = nil
    var paths: SitePaths { links.paths }

    func file() -> OutputFile {
        templates.aggregatePage(
            paths.file(for: "actions/"), "actionsdashboard", inputs: keys?.actionsDashboard(), model)
    }

    func model() -> Page<ActionsBody> {
        let folder = "actions/"
        let dashboard = analysis.actions
        let stats = [
            LabelledCount(label: "Open or in progress", text: "\(dashboard.open.count)", href: "#by-service-heading"),
            LabelledCount(
                label: "Overdue", text: "\(dashboard.overdue.count)", href: "#overdue-heading",
                isAlert: !dashboard.overdue.isEmpty),
            LabelledCount(
                label: "Due in the next \(ActionsDashboard.dueSoonDays) days", text: "\(dashboard.dueSoon.count)",
                href: "#due-soon-heading"),
            LabelledCount(
                label: "Completed in the last \(ActionsDashboard.completedMonths) months",
                text: "\(dashboard.recentlyCompleted.count)",
                href: "#you-said-heading"),
            LabelledCount(label: "Not being done", text: "\(dashboard.notDoing.count)", href: "#not-doing-heading"),
        ]
        var view = ActionsBody(
            intro:
                "Every action from this edition’s incidents, lessons, reviews, external learning and culture assessments, as it stood on \(today.displayText). An action is overdue when it is open or in progress and its due date has passed.",
            stats: stats, isEmpty: dashboard.total == 0)
        let exports = [("Every action", CSVExports.actionsCSV), ("Every incident’s facts", CSVExports.incidentsCSV)]
        view.csvLinks = links.csvLinks(exports, from: folder)
        if !dashboard.overdue.isEmpty {
            view.overdue = actions.lazyActionTable(
                id: "overdue", caption: "Overdue actions, longest overdue first", items: dashboard.overdue, from: folder
            )
        }
        if !dashboard.dueSoon.isEmpty {
            view.dueSoon = actions.lazyActionTable(
                id: "due-soon",
                caption:
                    "Open actions due from \(today.displayText) to \(CalendarDay.adding(ActionsDashboard.dueSoonDays, to: today).displayText)",
                items: dashboard.dueSoon, from: folder)
        }
        if !dashboard.byService.isEmpty {
            let rows = dashboard.byService.map {
                FigureBuilder.FigureRow(
                    label: links.unitName($0.service), href: links.unitHref($0.service, from: folder),
                    cells: [figures.shown($0.open, sensitive: false), figures.shown($0.overdue, sensitive: false)])
            }
            let bars = dashboard.byService.map {
                BarChart.Bar(label: links.unitName($0.service), count: figures.shown($0.open, sensitive: false))
            }
            view.byService = figures.barTableFigure(
                id: "actions-by-service", title: "Open actions by service", bars: bars,
                caption: "Open and overdue actions by service, most overdue first",
                headers: ["Service", "Open", "Overdue"], rows: rows)
            view.byOwner = .init(
                rows: dashboard.byOwner.map {
                    .init(owner: $0.owner, open: "\($0.open)", overdue: "\($0.overdue)", hasOverdue: $0.overdue > 0)
                })
            var groups: [String: [ActionsDashboard.Item]] = [:]
            for item in dashboard.open { groups[item.document.service ?? "", default: []].append(item) }
            view.serviceGroups = dashboard.byService.map { entry in
                let slug = entry.service.isEmpty ? "none" : entry.service
                return .init(
                    title: links.unitName(entry.service), slug: slug,
                    table: actions.lazyActionTable(
                        id: "service-\(slug)", caption: "Open actions of \(links.unitName(entry.service))",
                        items: groups[entry.service] ?? [], from: folder),
                    href: links.unitHref(entry.service, from: folder))
            }
        }
        view.completed = LazyRows(dashboard.recentlyCompleted) { [actions] item in
            var row = actions.actionItem(item, from: folder)
            row.completedText = item.action.completed?.displayText ?? ""
            row.hasEvidence = item.action.evidence != nil
            return row
        }
        let strengths = dashboard.strengthMix.ordered(by: Vocabulary.actionStrength + ["not-stated"])
        if !strengths.isEmpty {
            view.strength = figures.mixFigure(
                id: "actions-strength", title: "Strength of actions (hierarchy of safety actions)",
                entries: strengths.map {
                    (
                        label: $0.key == "not-stated" ? "Not stated" : Vocabulary.label($0.key), href: nil,
                        value: $0.count
                    )
                }, sensitive: false, valueHeading: "Actions", labelHeading: "Strength")
        }
        if !dashboard.notDoing.isEmpty {
            view.notDoing = actions.lazyActionTable(
                id: "not-doing", caption: "Actions the organisation decided not to take, with the reason",
                items: dashboard.notDoing, from: folder)
        }
        return frame.page(
            view, folder: folder, title: "Actions", heading: "Safety actions", currentSection: folder,
            breadcrumbs: [("Home", "")])
    }
}

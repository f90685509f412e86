/// The home page: the latest bulletin, lessons and incidents, the next session, the sections, and the dashboard keys
/// (themes at a glance, action counts, "this time last year", links to the dashboards).
struct HomePage: Sendable {
    let frame: PageFrame
    let templates: TemplateSet
    let links: DocumentLinks
    let figures: FigureBuilder
    let content: EditionContent
    let today: PartialDate
    /// The edition's aggregates: themes, actions and "this time last year" are read only when the page is built.
    let analysis: EditionAnalysis
    /// The page's input key, when the last build's page can be reused (see ``AggregateInputs``).
    var keys: AggregateInputs? = nil
    var paths: SitePaths { links.paths }
    var themes: ThemeAnalysis { analysis.themes }

    func file() -> OutputFile {
        templates.aggregatePage("index.html", "home", inputs: keys?.wholeEdition("home 1"), model)
    }

    func model() -> Page<HomeBody> {
        let folder = ""
        var home = HomeBody()
        let published = content.documents.filter { ($0.date.map { $0 <= today } ?? true) }
        if let bulletin = content.documents(of: .bulletin).first(where: { ($0.date ?? today) <= today }) {
            var issueText: String?
            if case .bulletin(let details) = bulletin.details {
                issueText = "Issue \(details.issue), \(details.covers.displayText)"
            }
            home.latestBulletin = .init(
                title: bulletin.title, href: paths.href(from: folder, to: paths.folder(of: bulletin)),
                dateText: bulletin.date?.displayText ?? "", summary: bulletin.summary, issueText: issueText)
        }
        home.latestLessons = published.filter { $0.type == .lesson && $0.supersededBy == nil }.sorted(
            by: Document.newestFirst
        )
        .prefix(6).map { links.card($0, from: folder) }
        home.recentIncidents = published.filter { $0.type == .incident }.sorted(by: Document.newestFirst).prefix(3).map
        { links.card($0, from: folder) }
        if let next = content.documents(of: .session).filter({ ($0.date ?? today) > today }).last {
            var location: String?
            var formatText: String?
            if case .session(let details) = next.details {
                location = details.location
                formatText = details.format.label
            }
            home.nextSession = .init(
                title: next.title, href: paths.href(from: folder, to: paths.folder(of: next)),
                dateText: next.date?.displayText ?? "", location: location, formatText: formatText)
        }
        home.sections = DocumentType.allCases.filter { $0 != .page }.compactMap { type -> HomeBody.Section? in
            let count = content.documents.filter { $0.type == type }.count
            guard count > 0 else { return nil }
            return .init(
                title: type.pluralName, href: paths.href(from: folder, to: paths.listFolder(of: type)),
                description: type.introduction,
                count: figures.shown(count, sensitive: DocumentLinks.isSensitive(type)).text)
        }
        addHomeDashboard(to: &home, from: folder)
        let title = frame.editionTitle
        return frame.page(home, folder: folder, title: title, currentSection: nil, breadcrumbs: [])
    }

    /// Adds `themesAtAGlance[]`, `actionCounts`, `lastYear`, `dashboards[]` to the home view (see TEMPLATES.md).
    func addHomeDashboard(to view: inout HomeBody, from folder: String) {
        let (actions, thisTimeLastYear) = (analysis.actions, analysis.thisTimeLastYear)
        let labels = themes.axis.labels.map(FigureBuilder.quarterLabel)
        view.themesAtAGlance = themes.byRecentActivity(suppressingBelow: figures.smallNumbers.threshold).filter {
            !$0.documents.isEmpty
        }.prefix(6)
            .map { summary -> HomeBody.ThemeGlance in
                let series = figures.shownRow(summary.incidentsPerQuarter, sensitive: true)
                let spark = Sparkline(
                    id: "home-spark-\(summary.theme.slug)", title: "Incidents per quarter, \(summary.theme.title)",
                    points: zip(labels, series).map { BarChart.Bar(label: $0, count: $1) })
                let lessons = summary.countsByType[.lesson] ?? 0
                return .init(
                    title: summary.theme.title, href: paths.href(from: folder, to: "themes/\(summary.theme.slug)/"),
                    sparklineHTML: HTMLFragment(scanning: spark.svg()),
                    recentText: figures.shown(summary.recentIncidents, sensitive: true).text,
                    lessonsText: lessons == 1 ? "1 lesson" : "\(lessons) lessons")
            }
        view.themesHref = paths.href(from: folder, to: "themes/")
        if actions.total > 0 {
            view.actionCounts = .init(
                open: "\(actions.open.count)", overdue: "\(actions.overdue.count)",
                hasOverdue: !actions.overdue.isEmpty,
                dueSoon: "\(actions.dueSoon.count)", completed: "\(actions.recentlyCompleted.count)",
                href: paths.href(from: folder, to: "actions/"))
        }
        let lastYear = PartialDate(year: today.year - 1, month: today.month)
        view.lastYear = .init(
            monthText: lastYear.displayText, items: thisTimeLastYear.prefix(3).map { links.card($0, from: folder) },
            isEmpty: thisTimeLastYear.isEmpty)
        view.dashboards = [
            ("Themes", "themes/", "Every theme with its trend, services affected and open actions."),
            ("Actions", "actions/", "Open and overdue actions, and what changed: “You said, we did”."),
            ("Sessions", "sessions/", "Upcoming sessions, attendance and feedback."),
            ("Safety culture", "culture/", "Each team’s MaPSaF levels and how they moved."),
            ("Learning Lessons Leads", "leads/", "Who to talk to in each service."),
        ].map { HomeBody.Dashboard(title: $0.0, href: paths.href(from: folder, to: $0.1), description: $0.2) }
    }
}

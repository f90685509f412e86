/// The home page's dashboard keys: themes at a glance, action counts, "this time last year" and links to the dashboards.
extension RenderContext {
    /// Adds `themesAtAGlance[]`, `actionCounts`, `lastYear`, `dashboards[]` to the home view (see TEMPLATES.md).
    func addHomeDashboard(to view: inout HomeBody, from folder: String) {
        let themes = analysis.themes
        let labels = themes.axis.labels.map(Self.quarterLabel)
        view.themesAtAGlance = themes.byRecentActivity(suppressingBelow: smallNumbers.threshold).filter {
            !$0.documents.isEmpty
        }.prefix(6)
            .map { summary -> HomeBody.ThemeGlance in
                let series = shownRow(summary.incidentsPerQuarter, sensitive: true)
                let spark = Sparkline(
                    id: "home-spark-\(summary.theme.slug)", title: "Incidents per quarter, \(summary.theme.title)",
                    points: zip(labels, series).map { BarChart.Bar(label: $0, count: $1) })
                let lessons = summary.countsByType[.lesson] ?? 0
                return .init(
                    title: summary.theme.title, href: paths.href(from: folder, to: "themes/\(summary.theme.slug)/"),
                    sparklineHTML: spark.svg(), recentText: shown(summary.recentIncidents, sensitive: true).text,
                    lessonsText: lessons == 1 ? "1 lesson" : "\(lessons) lessons")
            }
        view.themesHref = paths.href(from: folder, to: "themes/")
        let actions = analysis.actions
        if actions.total > 0 {
            view.actionCounts = .init(
                open: "\(actions.open.count)", overdue: "\(actions.overdue.count)",
                hasOverdue: !actions.overdue.isEmpty,
                dueSoon: "\(actions.dueSoon.count)", completed: "\(actions.recentlyCompleted.count)",
                href: paths.href(from: folder, to: "actions/"))
        }
        let lastYear = PartialDate(year: today.year - 1, month: today.month)
        view.lastYear = .init(
            monthText: lastYear.displayText, items: analysis.thisTimeLastYear.prefix(3).map { card($0, from: folder) },
            isEmpty: analysis.thisTimeLastYear.isEmpty)
        view.dashboards = [
            ("Themes", "themes/", "Every theme with its trend, services affected and open actions."),
            ("Actions", "actions/", "Open and overdue actions, and what changed: “You said, we did”."),
            ("Sessions", "sessions/", "Upcoming sessions, attendance and feedback."),
            ("Safety culture", "culture/", "Each team’s MaPSaF levels and how they moved."),
            ("Learning Lessons Leads", "leads/", "Who to talk to in each service."),
        ].map { HomeBody.Dashboard(title: $0.0, href: paths.href(from: folder, to: $0.1), description: $0.2) }
    }

    /// "Related lessons" on a lesson page, in the same shape as the page's other related groups.
    func relatedLessonsGroup(_ document: Document, from folder: String) -> [RelatedGroup] {
        guard document.type == .lesson else { return [] }
        let items = analysis.relatedLessons.related(to: document).compactMap(content.document).map {
            link($0, from: folder)
        }
        return items.isEmpty ? [] : [RelatedGroup(heading: "Related lessons", items: items)]
    }

    /// The learning-response mix by quarter for `incidents/index.html`: a bar chart of the whole period and a table by quarter.
    func responseMix(from folder: String) -> ResponseMixModel? {
        let mix = analysis.responseMix
        guard !mix.responses.isEmpty else { return nil }
        let labels = mix.axis.labels.map(Self.quarterLabel)
        var columnHasHidden = [Bool](repeating: false, count: mix.responses.count)
        let rows = zip(labels, mix.counts).compactMap { label, counts -> ResponseMixModel.Row? in
            guard counts.contains(where: { $0 > 0 }) else { return nil }
            let shownCounts = shownRow(counts, sensitive: true)
            for (index, count) in shownCounts.enumerated() where count.isSuppressed { columnHasHidden[index] = true }
            return .init(label: label, cells: shownCounts.map(CountCell.init))
        }
        // A column total beside a hidden quarter would reveal it, so such totals are hidden too.
        let totals = zip(shownRow(mix.responses.map { mix.totals[$0] }, sensitive: true), columnHasHidden).map {
            count, hidden in
            hidden && !count.isSuppressed && smallNumbers.threshold != nil
                ? DisplayCount(value: count.value, isSuppressed: true, text: "not shown") : count
        }
        let totalFigure = shownMixFigure(
            id: "response-mix", title: "Learning responses, \(labels.first ?? "") to \(labels.last ?? "")",
            entries: mix.responses.map { (label: Vocabulary.label($0), href: nil) }, counts: totals,
            valueHeading: "Incidents", labelHeading: "Learning response")
        return ResponseMixModel(
            figure: totalFigure, headers: mix.responses.map(Vocabulary.label), rows: rows,
            hasSuppression: smallNumbers.threshold != nil, suppressionNote: suppressionNote)
    }
}

/// The sections of a learning report, each a chart with the same numbers as a table.
extension ReportPages {
    func reportSections(_ report: LearningReport, from folder: String) -> [ReportView.Section] {
        typealias Section = ReportView.Section
        var sections: [Section] = []
        let prefix = "report"

        var lessons = Section(id: "\(prefix)-lessons", heading: "Lessons published")
        if report.lessons.isEmpty { lessons.empty = "No lessons were published in the period." }
        var perMonth: [(String, Int)] = []
        var month = report.period.from.monthOnly
        while month <= report.period.to.monthOnly {
            let current = month
            perMonth.append(
                (FigureBuilder.shortMonth(current), report.lessons.filter { $0.date?.monthOnly == current }.count))
            month = CalendarDay.addingMonths(1, to: month)
        }
        lessons.figures = [
            figures.columnFigure(
                id: "\(prefix)-lessons-per-month", title: "Lessons published per month", labels: perMonth.map(\.0),
                values: perMonth.map(\.1), sensitive: false, valueHeading: "Lessons", labelHeading: "Month")
        ]
        lessons.items = report.lessons.map {
            .init(text: "\($0.id): \($0.title)", href: paths.href(from: folder, to: paths.folder(of: $0)))
        }
        sections.append(lessons)

        var sessions = Section(id: "\(prefix)-sessions", heading: "Sessions and attendances")
        sessions.note =
            "Attendances count people at each session, so someone who came to two sessions counts twice. "
            + "Trust staff and partner agencies are counted apart where the session recorded the split."
        if report.sessions.isEmpty {
            sessions.empty = "No sessions were held in the period."
        } else {
            let labels = report.sessions.map { $0.document.date.map(FigureBuilder.shortMonth) ?? $0.document.id }
            let bars = zip(labels, report.sessions).map {
                BarChart.Bar(label: $0, count: figures.shown($1.attendances ?? 0, sensitive: false))
            }
            let rows = zip(labels, report.sessions).map { label, session in
                FigureBuilder.FigureRow(
                    label: label, href: paths.href(from: folder, to: paths.folder(of: session.document)),
                    cells: [
                        text(session.attendances), text(session.staff), text(session.partners),
                    ])
            }
            sessions.figures.append(
                figures.figure(
                    id: "\(prefix)-attendances", title: "Attendances per session",
                    svg: BarChart(id: "\(prefix)-attendances-chart", title: "Attendances per session", bars: bars)
                        .svg(),
                    caption:
                        "Attendances per session, with Trust staff and partner agencies apart (blank: not recorded)",
                    headers: ["Session", "Attendances", "Trust staff", "Partner agencies"], rows: rows))
            sessions.figures.append(
                figures.mixFigure(
                    id: "\(prefix)-reach", title: "Distinct teams and agencies reached",
                    entries: [
                        (label: "Trust teams", href: nil, value: report.teamsReached.count),
                        (label: "Partner agencies", href: nil, value: report.agencies.count),
                    ], sensitive: false, valueHeading: "Reached", labelHeading: "Who"))
            sessions.items =
                report.teamsReached.map { .init(text: links.unitName($0), href: links.unitHref($0, from: folder)) }
                + report.agencies.map { .init(text: "\(Vocabulary.label($0)) (partner agency)", href: nil) }
        }
        sections.append(sessions)

        var feedback = Section(id: "\(prefix)-feedback", heading: "Feedback")
        let rated = report.sessions.filter { $0.rating != nil }
        if rated.isEmpty {
            feedback.empty = "No feedback was recorded for the period's sessions."
        } else {
            let labels = rated.map { $0.document.date.map(FigureBuilder.shortMonth) ?? $0.document.id }
            let points = zip(labels, rated).compactMap { label, s in
                s.rating.map { LineChart.Point(label: label, value: $0, text: SVGText.number($0)) }
            }
            let rows = zip(labels, rated).map { label, s in
                FigureBuilder.FigureRow(
                    label: label, href: nil,
                    cells: [
                        text(s.responses),
                        DisplayCount(value: 0, isSuppressed: false, text: s.rating.map(SVGText.number) ?? ""),
                    ])
            }
            feedback.figures = [
                figures.figure(
                    id: "\(prefix)-ratings", title: "Mean feedback rating per session (1 to 5)",
                    svg: LineChart(
                        id: "\(prefix)-ratings-chart", title: "Mean feedback rating per session (1 to 5)",
                        points: points, range: 1...5
                    ).svg(),
                    caption: "Feedback responses and mean rating per session",
                    headers: ["Session", "Responses", "Mean rating"], rows: rows)
            ]
            feedback.quotes = report.quotes.prefix(8).map { .init(text: $0.quote, source: $0.session.title) }
        }
        sections.append(feedback)

        sections.append(
            mixSection(
                id: "\(prefix)-debriefs", heading: "Debriefs held", note: nil,
                empty: "No debriefs were recorded in the period.",
                title: "Debriefs by kind", entries: report.debriefsByKind.map { (Vocabulary.label($0.kind), $0.count) },
                sensitive: true, headings: ("Kind", "Debriefs")))
        sections.append(
            mixSection(
                id: "\(prefix)-candour", heading: "Duty of candour",
                note:
                    "Incidents of the period with moderate or worse harm, by where their duty-of-candour notification stands.",
                empty: "No incident of the period needed a duty-of-candour notification.",
                title: "Duty-of-candour notifications",
                entries: report.candour.map { (Vocabulary.label($0.status), $0.count) }, sensitive: true,
                headings: ("Notification", "Incidents")))
        sections.append(
            mixSection(
                id: "\(prefix)-actions", heading: "Safety actions due in the period", note: nil,
                empty: "No safety action fell due in the period.", title: "Actions due in the period, by outcome",
                entries: report.actions.map { ($0.outcome.prefix(1).uppercased() + $0.outcome.dropFirst(), $0.count) },
                sensitive: false, headings: ("Outcome", "Actions")))

        var culture = Section(id: "\(prefix)-culture", heading: "Safety culture: levels that moved")
        culture.note =
            "MaPSaF is for each team's reflection, never for ranking teams: teams are listed in the order of the services list."
        if report.culture.isEmpty {
            culture.empty = "No team repeated its MaPSaF assessment in the period."
        } else {
            let bars = report.culture.map {
                BarChart.Bar(label: links.unitName($0.service), count: figures.shown($0.up, sensitive: false))
            }
            culture.figures = [
                figures.barTableFigure(
                    id: "\(prefix)-culture-moves", chartId: "\(prefix)-culture-chart",
                    title: "Dimensions that moved up, per team", bars: bars,
                    caption: "Dimensions that moved up, down or stayed the same since each team's previous assessment",
                    headers: ["Team", "Moved up", "Moved down", "No change"],
                    rows: report.culture.map { change in
                        FigureBuilder.FigureRow(
                            label: links.unitName(change.service),
                            href: paths.href(from: folder, to: paths.folder(of: change.assessment)),
                            cells: [change.up, change.down, change.same].map { figures.shown($0, sensitive: false) })
                    })
            ]
        }
        sections.append(culture)

        var themes = Section(id: "\(prefix)-themes", heading: "Themes rising and falling")
        themes.note =
            "Incidents per theme in the period against \(report.previousPeriod.displayText). A theme's figures include its sub-themes."
        if report.themes.isEmpty {
            themes.empty = "No incidents in either period."
        } else {
            var rows: [FigureBuilder.FigureRow] = []
            var bars: [BarChart.Bar] = []
            for change in report.themes {
                let cells = figures.smallNumbers.displayRow([change.before, change.now]).cells
                let direction =
                    cells.contains(where: \.isSuppressed)
                    ? "not shown (small numbers)"
                    : change.now > change.before ? "rising" : change.now < change.before ? "falling" : "steady"
                rows.append(
                    FigureBuilder.FigureRow(
                        label: change.theme.title, href: paths.href(from: folder, to: "themes/\(change.theme.slug)/"),
                        cells: cells + [DisplayCount(value: 0, isSuppressed: false, text: direction)]))
                bars.append(BarChart.Bar(label: change.theme.title, count: cells[1]))
            }
            themes.figures = [
                figures.barTableFigure(
                    id: "\(prefix)-themes-change", chartId: "\(prefix)-themes-chart",
                    title: "Incidents per theme in the period", bars: bars,
                    caption: "Incidents per theme: the previous period, this period and the direction",
                    headers: ["Theme", report.previousPeriod.displayText, report.period.displayText, "Direction"],
                    rows: rows)
            ]
        }
        sections.append(themes)
        return sections
    }

    /// A section holding one mix figure, or a sentence when every count is zero.
    private func mixSection(
        id: String, heading: String, note: String?, empty: String, title: String, entries: [(String, Int)],
        sensitive: Bool,
        headings: (label: String, value: String)
    ) -> ReportView.Section {
        var section = ReportView.Section(id: id, heading: heading, note: note)
        if entries.allSatisfy({ $0.1 == 0 }) {
            section.empty = empty
        } else {
            section.figures = [
                figures.mixFigure(
                    id: id + "-figure", title: title, entries: entries.map { (label: $0.0, href: nil, value: $0.1) },
                    sensitive: sensitive, valueHeading: headings.value, labelHeading: headings.label)
            ]
        }
        return section
    }

    /// A plain figure for a table cell; blank when not recorded.
    private func text(_ value: Int?) -> DisplayCount {
        DisplayCount(value: value ?? 0, isSuppressed: false, text: value.map(String.init) ?? "")
    }
}

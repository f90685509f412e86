import Foundation

/// `sessions/index.html`: the next session first, then past sessions with attendances (staff and partners apart), ratings,
/// partner agencies and the themes most discussed.
struct SessionsPage: Sendable {
    let frame: PageFrame
    let templates: TemplateSet
    let links: DocumentLinks
    let figures: FigureBuilder
    let data: SiteData
    let sessions: SessionsAnalysis
    /// The page's input key, when the last build's page can be reused (see ``AggregateInputs``).
    var keys: AggregateInputs? = nil
    var paths: SitePaths { links.paths }

    func file() -> OutputFile {
        let path = paths.file(for: paths.listFolder(of: .session))
        return templates.aggregatePage(path, "sessions", inputs: keys?.sessionsDashboard(links.content), model)
    }

    func model() -> Page<SessionsBody> {
        let folder = paths.listFolder(of: .session)
        var view = SessionsBody(
            intro: DocumentType.session.introduction, isEmpty: sessions.upcoming.isEmpty && sessions.held.isEmpty)
        view.csvLinks = links.csvLinks([("Sessions and attendances", CSVExports.sessionsCSV)], from: folder)
        if let next = sessions.upcoming.first {
            var item = links.card(next, from: folder)
            if case .session(let details) = next.details {
                item.location = details.location
                item.formatText = details.format.label
                item.facilitator = details.facilitator
            }
            view.next = item
        }
        view.laterUpcoming = sessions.upcoming.dropFirst().map { links.card($0, from: folder) }
        if !sessions.held.isEmpty {
            var stats: [LabelledCount] = [
                LabelledCount(
                    label: sessions.held.count == 1 ? "session held" : "sessions held", text: "\(sessions.held.count)"),
                LabelledCount(
                    label: "attendances in total (a person at three sessions counts three times)",
                    text: "\(sessions.totalReached)"),
                LabelledCount(label: "Trust staff attendances", text: "\(sessions.staffAttendances)"),
                LabelledCount(label: "partner-agency attendances", text: "\(sessions.partnerAttendances)"),
            ]
            if sessions.sessionsWithoutSplit > 0 {
                stats.append(
                    LabelledCount(
                        label: sessions.sessionsWithoutSplit == 1
                            ? "session without a staff/partner split" : "sessions without a staff/partner split",
                        text: "\(sessions.sessionsWithoutSplit)"))
            }
            if let mean = sessions.meanRating {
                stats.append(LabelledCount(label: "mean feedback rating out of 5", text: SVGText.number(mean)))
            }
            stats.append(
                LabelledCount(
                    label: sessions.agencies.counts.count == 1
                        ? "partner agency attended" : "partner agencies attended",
                    text: "\(sessions.agencies.counts.count)"))
            view.stats = stats
            view.attendance = attendanceFigure(sessions.held)
        }
        if !sessions.agencies.isEmpty {
            view.agencies = figures.mixFigure(
                id: "sessions-agencies", title: "Partner agencies at our sessions",
                entries: sessions.agencies.ordered(by: Vocabulary.agencies).map {
                    (label: Vocabulary.label($0.key), href: nil, value: $0.count)
                }, sensitive: false, valueHeading: "Sessions attended", labelHeading: "Agency")
        }
        if !sessions.discussedThemes.isEmpty {
            view.themes = figures.mixFigure(
                id: "sessions-themes", title: "Themes most discussed",
                entries: sessions.discussedThemes.ranked.prefix(8).map {
                    (
                        label: data.theme($0.key)?.title ?? $0.key,
                        href: paths.href(from: folder, to: "themes/\($0.key)/"), value: $0.count
                    )
                }, sensitive: false, valueHeading: "Sessions", labelHeading: "Theme")
        }
        let past = sessions.held.map(\.document).filter { $0.supersededBy == nil || $0.isDraft }.sorted(
            by: Document.newestFirst)
        view.years = links.groupByYear(past, from: folder)
        return frame.page(
            view, folder: folder, title: DocumentType.session.pluralName, currentSection: folder,
            breadcrumbs: [("Home", "")])
    }

    /// Attendance bars with the running total and mean rating as lines, and one table holding all three.
    func attendanceFigure(_ held: [SessionsAnalysis.Held]) -> Figure {
        let labels = held.map { session in session.document.date.map(FigureBuilder.shortMonth) ?? session.document.id }
        let bars = zip(labels, held).map {
            BarChart.Bar(label: $0, count: figures.shown($1.attendance ?? 0, sensitive: false))
        }
        var svg =
            "<p class=\"figure__subtitle\">Attendance per session</p>\n"
            + BarChart(id: "sessions-attendance-chart", title: "Attendance per session", bars: bars).svg()
        svg +=
            "\n<p class=\"figure__subtitle\">Attendances so far (running total)</p>\n"
            + LineChart(
                id: "sessions-reach-chart",
                title: "Attendances so far (running total of attendances, not distinct people)",
                points: zip(labels, held).map {
                    LineChart.Point(label: $0, value: Double($1.runningTotal), text: "\($1.runningTotal)")
                }
            ).svg()
        let rated = zip(labels, held).compactMap { label, session in
            session.rating.map { LineChart.Point(label: label, value: $0, text: SVGText.number($0)) }
        }
        if !rated.isEmpty {
            svg +=
                "\n<p class=\"figure__subtitle\">Mean feedback rating, 1 to 5</p>\n"
                + LineChart(
                    id: "sessions-rating-chart", title: "Mean feedback rating (1 to 5)", points: rated, range: 1...5
                ).svg()
        }
        let rows = zip(labels, held).map { label, session in
            FigureBuilder.FigureRow(
                label: label,
                href: paths.href(from: paths.listFolder(of: .session), to: paths.folder(of: session.document)),
                cells: [
                    DisplayCount(
                        value: session.attendance ?? 0, isSuppressed: false,
                        text: session.attendance.map(String.init) ?? "not recorded"),
                    DisplayCount(value: session.runningTotal, isSuppressed: false, text: "\(session.runningTotal)"),
                    DisplayCount(
                        value: 0, isSuppressed: false, text: session.rating.map(SVGText.number) ?? "no feedback"),
                ])
        }
        return figures.figure(
            id: "sessions-attendance", title: "Attendances and feedback per session", svg: svg,
            caption:
                "Attendance, running total of attendances and mean feedback rating for each session held, oldest first",
            headers: ["Session", "Attendances", "Running total of attendances", "Mean rating"], rows: rows)
    }

}

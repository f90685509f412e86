/// `themes/index.html` (every theme with counts and a trend) and one page per theme.
struct ThemePages: Sendable {
    let frame: PageFrame
    let templates: TemplateSet
    let links: DocumentLinks
    let figures: FigureBuilder
    let actions: ActionViews
    let data: SiteData
    let themes: ThemeAnalysis
    /// The pages' input keys, when the last build's pages can be reused (see ``AggregateInputs``).
    var keys: AggregateInputs? = nil
    var paths: SitePaths { links.paths }

    /// Every theme's page, then the index.
    func files() -> [OutputFile] {
        data.themes.map(themePage) + [themesIndex()]
    }

    func themesIndex() -> OutputFile {
        let path = paths.file(for: "themes/")
        guard let keys else { return templates.page(path, "themes", themesIndexModel()) }
        return templates.page(path, "themes", inputs: keys.themesIndex(themes, order: data.themes), themesIndexModel)
    }

    func themesIndexModel() -> Page<ThemesIndexBody> {
        let folder = "themes/"
        let ranked = themes.byRecentActivity(suppressingBelow: figures.smallNumbers.threshold)
        let rank = Dictionary(
            ranked.enumerated().map { ($0.element.theme.slug, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let topLevel = ranked.filter { themes.tree.parent(of: $0.theme.slug) == nil }
        let labels = themes.axis.labels.map(FigureBuilder.quarterLabel)
        func entry(_ summary: ThemeAnalysis.Summary, isChild: Bool) -> ThemesIndexBody.Entry {
            let slug = summary.theme.slug
            let counts = DocumentLinks.groupedTypeOrder.compactMap { type -> LabelledCount? in
                guard let count = summary.countsByType[type], count > 0 else { return nil }
                let display = figures.shown(count, sensitive: DocumentLinks.isSensitive(type))
                return LabelledCount(
                    label: DocumentLinks.countLabel(type, display), text: display.text, typeSlug: type.folder)
            }
            let series = figures.shownRow(summary.incidentsPerQuarter, sensitive: true)
            let spark = Sparkline(
                id: "spark-\(slug)", title: "Incidents per quarter, \(summary.theme.title)",
                points: zip(labels, series).map { BarChart.Bar(label: $0, count: $1) })
            return .init(
                title: summary.theme.title, href: paths.href(from: folder, to: "themes/\(slug)/"), slug: slug,
                counts: counts,
                isChild: isChild, sparklineHTML: HTMLFragment(scanning: spark.svg()),
                recentText: figures.shown(summary.recentIncidents, sensitive: true).text,
                isQuiet: summary.documents.isEmpty, description: summary.theme.description)
        }
        // Every theme below, at any depth: each one's children follow it, ranked among themselves.
        func below(_ slug: String) -> [ThemeAnalysis.Summary] {
            themes.tree.children(of: slug).compactMap { themes[$0] }.sorted {
                (rank[$0.theme.slug] ?? 0) < (rank[$1.theme.slug] ?? 0)
            }
            .flatMap { [$0] + below($0.theme.slug) }
        }
        let entries = topLevel.map { summary -> ThemesIndexBody.Entry in
            var item = entry(summary, isChild: false)
            let children = below(summary.theme.slug)
            if !children.isEmpty {
                item.children = children.map { entry($0, isChild: true) }
                item.hasChildren = true
            }
            return item
        }
        var body = ThemesIndexBody(
            intro:
                "Every theme, most active first: how many documents carry it and the incidents per quarter over the last three years. A theme’s figures include its sub-themes.",
            themes: entries, quarterHeaders: labels,
            trendRows: ranked.map { summary in
                .init(
                    title: summary.theme.title, href: paths.href(from: folder, to: "themes/\(summary.theme.slug)/"),
                    cells: figures.shownRow(summary.incidentsPerQuarter, sensitive: true).map(CountCell.init))
            },
            suppressionNote: figures.suppressionNote, hasSuppression: figures.smallNumbers.threshold != nil)
        body.csvLinks = links.csvLinks([("Incidents per theme per quarter", CSVExports.themesCSV)], from: folder)
        return frame.page(
            body, folder: folder, title: "Themes", currentSection: "themes/", breadcrumbs: [("Home", "")])
    }

    func themePage(_ theme: Theme) -> OutputFile {
        let path = paths.file(for: "themes/\(theme.slug)/")
        guard let keys else { return templates.page(path, "theme", themeModel(theme)) }
        return templates.page(path, "theme", inputs: keys.themePage(theme, summary: themes[theme.slug])) {
            themeModel(theme)
        }
    }

    func themeModel(_ theme: Theme) -> Page<ThemeBody> {
        let folder = "themes/\(theme.slug)/"
        var breadcrumbs = [("Home", ""), ("Themes", "themes/")]
        for parent in themes.tree.ancestors(of: theme.slug).reversed().compactMap(data.theme) {
            breadcrumbs.append((parent.title, "themes/\(parent.slug)/"))
        }
        var body = ThemeBody(intro: theme.description)
        func render() -> Page<ThemeBody> {
            frame.page(body, folder: folder, title: theme.title, currentSection: "themes/", breadcrumbs: breadcrumbs)
        }
        guard let summary = themes[theme.slug] else { return render() }
        let children = themes.tree.children(of: theme.slug).compactMap(data.theme)
        if !children.isEmpty {
            body.children = children.map {
                PageLink(title: $0.title, href: paths.href(from: folder, to: "themes/\($0.slug)/"))
            }
        }
        body.counts = DocumentLinks.groupedTypeOrder.compactMap { type -> LabelledCount? in
            guard let count = summary.countsByType[type], count > 0 else { return nil }
            let display = figures.shown(count, sensitive: DocumentLinks.isSensitive(type))
            return LabelledCount(
                label: DocumentLinks.countLabel(type, display), text: display.text, href: "#type-\(type.folder)")
        }
        body.isEmpty = summary.documents.isEmpty
        let id = "theme-\(theme.slug)"
        if summary.incidentCount > 0 {
            let labels = themes.axis.labels.map(FigureBuilder.quarterLabel)
            body.trend = figures.columnFigure(
                id: "\(id)-quarters", title: "Incidents per quarter, \(labels.first ?? "") to \(labels.last ?? "")",
                labels: labels, values: summary.incidentsPerQuarter, sensitive: true,
                valueHeading: "Incidents", labelHeading: "Quarter")
            var mixes: [Figure] = []
            mixes.append(
                figures.mixFigure(
                    id: "\(id)-harm", title: "Physical harm",
                    entries: summary.harmMix.ordered(by: Vocabulary.harm + ["not-recorded"]).map {
                        (
                            label: $0.key == "not-recorded" ? "Not recorded" : Vocabulary.label($0.key), href: nil,
                            value: $0.count
                        )
                    }, sensitive: true, valueHeading: "Incidents", labelHeading: "Harm"))
            mixes.append(
                figures.mixFigure(
                    id: "\(id)-response", title: "Learning response",
                    entries: summary.responseMix.ordered(by: Vocabulary.responses).map {
                        (label: Vocabulary.label($0.key), href: nil, value: $0.count)
                    }, sensitive: true, valueHeading: "Incidents", labelHeading: "Response"))
            mixes.append(
                figures.mixFigure(
                    id: "\(id)-services", title: "Services most affected",
                    entries: summary.services.ranked.prefix(8).map {
                        (label: links.unitName($0.key), href: links.unitHref($0.key, from: folder), value: $0.count)
                    }, sensitive: true, valueHeading: "Incidents", labelHeading: "Service"))
            if !summary.coOccurring.isEmpty {
                mixes.append(
                    figures.mixFigure(
                        id: "\(id)-cooccurring", title: "Themes on the same incidents",
                        entries: summary.coOccurring.ranked.prefix(8).map {
                            (
                                label: data.theme($0.key)?.title ?? $0.key,
                                href: paths.href(from: folder, to: "themes/\($0.key)/"), value: $0.count
                            )
                        }, sensitive: true, valueHeading: "Incidents also carrying it", labelHeading: "Theme"))
            }
            body.mixes = mixes
            body.suppressionNote = figures.suppressionNote
            body.hasSuppression = figures.smallNumbers.threshold != nil
        }
        body.reviews = summary.reviews.map { links.link($0, from: folder) }
        body.bulletins = summary.spotlightBulletins.map { links.link($0, from: folder) }
        if !summary.openActions.isEmpty {
            body.openActions = actions.actionTable(
                id: "theme-actions",
                caption: "Open and in-progress actions from documents on this theme, soonest due first",
                items: summary.openActions, from: folder)
        }
        body.groups = links.typeGroups(summary.documents, from: folder)
        return render()
    }

}

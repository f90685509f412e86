/// `themes/index.html` (every theme with counts and a trend) and one page per theme.
extension RenderContext {
    /// Types in the order a theme or service page groups its documents: lessons first.
    static let groupedTypeOrder: [DocumentType] = [
        .lesson, .practice, .incident, .review, .debrief, .external, .session, .bulletin, .culture, .page,
    ]

    /// Counts of incidents and debriefs are about people; they follow the small-number rule.
    static func isSensitive(_ type: DocumentType) -> Bool { type == .incident || type == .debrief }

    func themePages() -> [OutputFile] {
        data.themes.map(themePage) + [themesIndex()]
    }

    func themesIndex() -> OutputFile {
        let folder = "themes/"
        let themes = analysis.themes
        let ranked = themes.byRecentActivity(suppressingBelow: smallNumbers.threshold)
        let rank = Dictionary(
            ranked.enumerated().map { ($0.element.theme.slug, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let topLevel = ranked.filter { themes.tree.parent(of: $0.theme.slug) == nil }
        let labels = themes.axis.labels.map(Self.quarterLabel)
        func entry(_ summary: ThemeAnalysis.Summary, isChild: Bool) -> ThemesIndexBody.Entry {
            let slug = summary.theme.slug
            let counts = Self.groupedTypeOrder.compactMap { type -> LabelledCount? in
                guard let count = summary.countsByType[type], count > 0 else { return nil }
                let display = shown(count, sensitive: Self.isSensitive(type))
                return LabelledCount(label: Self.countLabel(type, display), text: display.text, typeSlug: type.folder)
            }
            let series = shownRow(summary.incidentsPerQuarter, sensitive: true)
            let spark = Sparkline(
                id: "spark-\(slug)", title: "Incidents per quarter, \(summary.theme.title)",
                points: zip(labels, series).map { BarChart.Bar(label: $0, count: $1) })
            return .init(
                title: summary.theme.title, href: paths.href(from: folder, to: "themes/\(slug)/"), slug: slug,
                counts: counts,
                isChild: isChild, sparklineHTML: spark.svg(),
                recentText: shown(summary.recentIncidents, sensitive: true).text,
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
                    cells: shownRow(summary.incidentsPerQuarter, sensitive: true).map(CountCell.init))
            },
            suppressionNote: suppressionNote, hasSuppression: smallNumbers.threshold != nil)
        body.csvLinks = csvLinks([("Incidents per theme per quarter", Self.themesCSV)], from: folder)
        let view = page(body, folder: folder, title: "Themes", currentSection: "themes/", breadcrumbs: [("Home", "")])
        return OutputFile(path: paths.file(for: folder), text: templates.render("themes", view))
    }

    func themePage(_ theme: Theme) -> OutputFile {
        let folder = "themes/\(theme.slug)/"
        let themes = analysis.themes
        var breadcrumbs = [("Home", ""), ("Themes", "themes/")]
        for parent in themes.tree.ancestors(of: theme.slug).reversed().compactMap(data.theme) {
            breadcrumbs.append((parent.title, "themes/\(parent.slug)/"))
        }
        var body = ThemeBody(intro: theme.description)
        func render() -> OutputFile {
            let view = page(
                body, folder: folder, title: theme.title, currentSection: "themes/", breadcrumbs: breadcrumbs)
            return OutputFile(path: paths.file(for: folder), text: templates.render("theme", view))
        }
        guard let summary = themes[theme.slug] else { return render() }
        let children = themes.tree.children(of: theme.slug).compactMap(data.theme)
        if !children.isEmpty {
            body.children = children.map {
                PageLink(title: $0.title, href: paths.href(from: folder, to: "themes/\($0.slug)/"))
            }
        }
        body.counts = Self.groupedTypeOrder.compactMap { type -> LabelledCount? in
            guard let count = summary.countsByType[type], count > 0 else { return nil }
            let display = shown(count, sensitive: Self.isSensitive(type))
            return LabelledCount(
                label: Self.countLabel(type, display), text: display.text, href: "#type-\(type.folder)")
        }
        body.isEmpty = summary.documents.isEmpty
        let id = "theme-\(theme.slug)"
        if summary.incidentCount > 0 {
            let labels = themes.axis.labels.map(Self.quarterLabel)
            body.trend = columnFigure(
                id: "\(id)-quarters", title: "Incidents per quarter, \(labels.first ?? "") to \(labels.last ?? "")",
                labels: labels, values: summary.incidentsPerQuarter, sensitive: true,
                valueHeading: "Incidents", labelHeading: "Quarter")
            var mixes: [Figure] = []
            mixes.append(
                mixFigure(
                    id: "\(id)-harm", title: "Physical harm",
                    entries: summary.harmMix.ordered(by: Vocabulary.harm + ["not-recorded"]).map {
                        (
                            label: $0.key == "not-recorded" ? "Not recorded" : Vocabulary.label($0.key), href: nil,
                            value: $0.count
                        )
                    }, sensitive: true, valueHeading: "Incidents", labelHeading: "Harm"))
            mixes.append(
                mixFigure(
                    id: "\(id)-response", title: "Learning response",
                    entries: summary.responseMix.ordered(by: Vocabulary.responses).map {
                        (label: Vocabulary.label($0.key), href: nil, value: $0.count)
                    }, sensitive: true, valueHeading: "Incidents", labelHeading: "Response"))
            mixes.append(
                mixFigure(
                    id: "\(id)-services", title: "Services most affected",
                    entries: summary.services.ranked.prefix(8).map {
                        (label: unitName($0.key), href: unitHref($0.key, from: folder), value: $0.count)
                    }, sensitive: true, valueHeading: "Incidents", labelHeading: "Service"))
            if !summary.coOccurring.isEmpty {
                mixes.append(
                    mixFigure(
                        id: "\(id)-cooccurring", title: "Themes on the same incidents",
                        entries: summary.coOccurring.ranked.prefix(8).map {
                            (
                                label: data.theme($0.key)?.title ?? $0.key,
                                href: paths.href(from: folder, to: "themes/\($0.key)/"), value: $0.count
                            )
                        }, sensitive: true, valueHeading: "Incidents also carrying it", labelHeading: "Theme"))
            }
            body.mixes = mixes
            body.suppressionNote = suppressionNote
            body.hasSuppression = smallNumbers.threshold != nil
        }
        body.reviews = summary.reviews.map { link($0, from: folder) }
        body.bulletins = summary.spotlightBulletins.map { link($0, from: folder) }
        if !summary.openActions.isEmpty {
            body.openActions = actionTable(
                id: "theme-actions",
                caption: "Open and in-progress actions from documents on this theme, soonest due first",
                items: summary.openActions, from: folder)
        }
        body.groups = typeGroups(summary.documents, from: folder)
        return render()
    }

    /// The documents of a theme or service page as cards grouped by type, lessons first.
    func typeGroups(_ documents: [Document], from folder: String) -> [TypeGroup] {
        Self.groupedTypeOrder.compactMap { type -> TypeGroup? in
            let items = documents.filter { $0.type == type && ($0.supersededBy == nil || $0.isDraft) }
            guard !items.isEmpty else { return nil }
            return TypeGroup(title: type.pluralName, slug: type.folder, items: items.map { card($0, from: folder) })
        }
    }

    /// "1 Lesson", "3 Lessons", "fewer than 5 Incidents".
    static func countLabel(_ type: DocumentType, _ count: DisplayCount) -> String {
        guard count.value == 1 && !count.isSuppressed else { return type.pluralName }
        return type == .session ? "Session" : type.displayName
    }

    /// `{ title, href, typeName, dateText }` for short lists of documents.
    func link(_ document: Document, from folder: String) -> DocumentLink {
        DocumentLink(
            title: document.title, href: paths.href(from: folder, to: paths.folder(of: document)),
            typeName: document.type.displayName,
            dateText: document.date?.displayText ?? "")
    }
}

/// `themes/index.html` (every theme with counts and a trend) and one page per theme.
extension RenderContext {
    /// Types in the order a theme or service page groups its documents: lessons first.
    static let groupedTypeOrder: [DocumentType] = [.lesson, .practice, .incident, .review, .debrief, .external, .session, .bulletin, .culture, .page]

    /// Counts of incidents and debriefs are about people; they follow the small-number rule.
    static func isSensitive(_ type: DocumentType) -> Bool { type == .incident || type == .debrief }

    func themePages() -> [OutputFile] {
        data.themes.map(themePage) + [themesIndex()]
    }

    func themesIndex() -> OutputFile {
        let folder = "themes/"
        let themes = analysis.themes
        var view = pageKeys(folder: folder, title: "Themes", heading: "Themes", currentSection: folder, breadcrumbs: [("Home", "")])
        view["intro"] = "Every theme, most active first: how many documents carry it and the incidents per quarter over the last three years. A theme’s figures include its sub-themes."
        let ranked = themes.byRecentActivity(suppressingBelow: smallNumbers.threshold)
        let rank = Dictionary(ranked.enumerated().map { ($0.element.theme.slug, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let topLevel = ranked.filter { themes.tree.parent(of: $0.theme.slug) == nil }
        func entry(_ summary: ThemeAnalysis.Summary, isChild: Bool) -> [String: Any] {
            let slug = summary.theme.slug
            let counts = Self.groupedTypeOrder.compactMap { type -> [String: Any]? in
                guard let count = summary.countsByType[type], count > 0 else { return nil }
                let display = shown(count, sensitive: Self.isSensitive(type))
                return ["label": Self.countLabel(type, display), "text": display.text,
                        "typeSlug": type.folder]
            }
            let series = shownRow(summary.incidentsPerQuarter, sensitive: true)
            let labels = themes.axis.labels.map(Self.quarterLabel)
            let spark = Sparkline(id: "spark-\(slug)", title: "Incidents per quarter, \(summary.theme.title)",
                                  points: zip(labels, series).map { BarChart.Bar(label: $0, count: $1) })
            var item: [String: Any] = [
                "title": summary.theme.title, "href": paths.href(from: folder, to: "themes/\(slug)/"), "slug": slug,
                "counts": counts, "isChild": isChild, "sparklineHTML": spark.svg(),
                "recentText": shown(summary.recentIncidents, sensitive: true).text,
                "isQuiet": summary.documents.isEmpty,
            ]
            item["description"] = summary.theme.description
            return item
        }
        var entries: [[String: Any]] = []
        for summary in topLevel {
            entries.append(entry(summary, isChild: false))
            // Every theme below, at any depth: each one's children follow it, ranked among themselves.
            func below(_ slug: String) -> [ThemeAnalysis.Summary] {
                themes.tree.children(of: slug).compactMap { themes[$0] }.sorted { (rank[$0.theme.slug] ?? 0) < (rank[$1.theme.slug] ?? 0) }
                    .flatMap { [$0] + below($0.theme.slug) }
            }
            let children = below(summary.theme.slug)
            if !children.isEmpty {
                entries[entries.count - 1]["children"] = children.map { entry($0, isChild: true) }
                entries[entries.count - 1]["hasChildren"] = true
            }
        }
        view["themes"] = entries
        view["quarterHeaders"] = themes.axis.labels.map(Self.quarterLabel)
        view["trendRows"] = ranked.map { summary -> [String: Any] in
            ["title": summary.theme.title, "href": paths.href(from: folder, to: "themes/\(summary.theme.slug)/"),
             "cells": shownRow(summary.incidentsPerQuarter, sensitive: true).map { ["text": $0.text, "isSuppressed": $0.isSuppressed] }]
        }
        view["suppressionNote"] = suppressionNote
        view["hasSuppression"] = smallNumbers.threshold != nil
        return OutputFile(path: paths.file(for: folder), text: templates.render("themes", view))
    }

    func themePage(_ theme: Theme) -> OutputFile {
        let folder = "themes/\(theme.slug)/"
        let themes = analysis.themes
        var breadcrumbs = [("Home", ""), ("Themes", "themes/")]
        for parent in themes.tree.ancestors(of: theme.slug).reversed().compactMap(data.theme) {
            breadcrumbs.append((parent.title, "themes/\(parent.slug)/"))
        }
        var view = pageKeys(folder: folder, title: theme.title, heading: theme.title, currentSection: "themes/", breadcrumbs: breadcrumbs)
        view["intro"] = theme.description
        guard let summary = themes[theme.slug] else { return OutputFile(path: paths.file(for: folder), text: templates.render("theme", view)) }
        let children = themes.tree.children(of: theme.slug).compactMap(data.theme)
        if !children.isEmpty {
            view["children"] = children.map { ["title": $0.title, "href": paths.href(from: folder, to: "themes/\($0.slug)/")] }
        }
        view["counts"] = Self.groupedTypeOrder.compactMap { type -> [String: Any]? in
            guard let count = summary.countsByType[type], count > 0 else { return nil }
            let display = shown(count, sensitive: Self.isSensitive(type))
            return ["label": Self.countLabel(type, display), "text": display.text,
                    "href": "#type-\(type.folder)"]
        }
        view["isEmpty"] = summary.documents.isEmpty
        let id = "theme-\(theme.slug)"
        if summary.incidentCount > 0 {
            view["trend"] = columnFigure(id: "\(id)-quarters", title: "Incidents per quarter, \(themes.axis.labels.first.map(Self.quarterLabel) ?? "") to \(themes.axis.labels.last.map(Self.quarterLabel) ?? "")",
                                         labels: themes.axis.labels.map(Self.quarterLabel), values: summary.incidentsPerQuarter, sensitive: true,
                                         valueHeading: "Incidents", labelHeading: "Quarter")
            var mixes: [[String: Any]] = []
            mixes.append(mixFigure(id: "\(id)-harm", title: "Physical harm", entries: summary.harmMix.ordered(by: Vocabulary.harm + ["not-recorded"]).map {
                (label: $0.key == "not-recorded" ? "Not recorded" : Vocabulary.label($0.key), href: nil, value: $0.count)
            }, sensitive: true, valueHeading: "Incidents", labelHeading: "Harm"))
            mixes.append(mixFigure(id: "\(id)-response", title: "Learning response", entries: summary.responseMix.ordered(by: Vocabulary.responses).map {
                (label: Vocabulary.label($0.key), href: nil, value: $0.count)
            }, sensitive: true, valueHeading: "Incidents", labelHeading: "Response"))
            mixes.append(mixFigure(id: "\(id)-services", title: "Services most affected", entries: summary.services.ranked.prefix(8).map {
                (label: unitName($0.key), href: unitHref($0.key, from: folder), value: $0.count)
            }, sensitive: true, valueHeading: "Incidents", labelHeading: "Service"))
            if !summary.coOccurring.isEmpty {
                mixes.append(mixFigure(id: "\(id)-cooccurring", title: "Themes on the same incidents", entries: summary.coOccurring.ranked.prefix(8).map {
                    (label: data.theme($0.key)?.title ?? $0.key, href: paths.href(from: folder, to: "themes/\($0.key)/"), value: $0.count)
                }, sensitive: true, valueHeading: "Incidents also carrying it", labelHeading: "Theme"))
            }
            view["mixes"] = mixes
            view["suppressionNote"] = suppressionNote
            view["hasSuppression"] = smallNumbers.threshold != nil
        }
        view["reviews"] = summary.reviews.map { link($0, from: folder) }
        view["bulletins"] = summary.spotlightBulletins.map { link($0, from: folder) }
        if !summary.openActions.isEmpty {
            view["openActions"] = actionTable(id: "theme-actions", caption: "Open and in-progress actions from documents on this theme, soonest due first",
                                              items: summary.openActions, from: folder)
        }
        view["groups"] = Self.groupedTypeOrder.compactMap { type -> [String: Any]? in
            let items = summary.documents.filter { $0.type == type && ($0.supersededBy == nil || $0.isDraft) }
            guard !items.isEmpty else { return nil }
            return ["title": type.pluralName, "slug": type.folder, "items": items.map { card($0, from: folder) }]
        }
        return OutputFile(path: paths.file(for: folder), text: templates.render("theme", view))
    }

    /// "1 Lesson", "3 Lessons", "fewer than 5 Incidents".
    static func countLabel(_ type: DocumentType, _ count: DisplayCount) -> String {
        guard count.value == 1 && !count.isSuppressed else { return type.pluralName }
        return type == .session ? "Session" : type.displayName
    }

    /// `{ title, href, typeName, dateText }` for short lists of documents.
    func link(_ document: Document, from folder: String) -> [String: String] {
        ["title": document.title, "href": paths.href(from: folder, to: paths.folder(of: document)), "typeName": document.type.displayName,
         "dateText": document.date?.displayText ?? ""]
    }
}

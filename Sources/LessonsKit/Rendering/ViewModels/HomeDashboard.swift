/// The home page's dashboard keys: themes at a glance, action counts, "this time last year" and links to the dashboards.
extension RenderContext {
    /// Adds `themesAtAGlance[]`, `actionCounts`, `lastYear`, `dashboards[]` to the home view (see TEMPLATES.md).
    func addHomeDashboard(to view: inout [String: Any], from folder: String) {
        let themes = analysis.themes
        let labels = themes.axis.labels.map(Self.quarterLabel)
        view["themesAtAGlance"] = themes.byRecentActivity(suppressingBelow: smallNumbers.threshold).filter { !$0.documents.isEmpty }.prefix(6).map { summary -> [String: Any] in
            let series = shownRow(summary.incidentsPerQuarter, sensitive: true)
            let spark = Sparkline(id: "home-spark-\(summary.theme.slug)", title: "Incidents per quarter, \(summary.theme.title)",
                                  points: zip(labels, series).map { BarChart.Bar(label: $0, count: $1) })
            return ["title": summary.theme.title, "href": paths.href(from: folder, to: "themes/\(summary.theme.slug)/"),
                    "sparklineHTML": spark.svg(), "recentText": shown(summary.recentIncidents, sensitive: true).text,
                    "lessonsText": (summary.countsByType[.lesson] ?? 0) == 1 ? "1 lesson" : "\(summary.countsByType[.lesson] ?? 0) lessons"]
        }
        view["themesHref"] = paths.href(from: folder, to: "themes/")
        let actions = analysis.actions
        if actions.total > 0 {
            view["actionCounts"] = ["open": "\(actions.open.count)", "overdue": "\(actions.overdue.count)", "hasOverdue": !actions.overdue.isEmpty,
                                    "dueSoon": "\(actions.dueSoon.count)", "completed": "\(actions.recentlyCompleted.count)",
                                    "href": paths.href(from: folder, to: "actions/")] as [String: Any]
        }
        let lastYear = PartialDate(year: today.year - 1, month: today.month)
        view["lastYear"] = ["monthText": lastYear.displayText, "items": analysis.thisTimeLastYear.prefix(3).map { card($0, from: folder) },
                            "isEmpty": analysis.thisTimeLastYear.isEmpty] as [String: Any]
        view["dashboards"] = [
            ("Themes", "themes/", "Every theme with its trend, services affected and open actions."),
            ("Actions", "actions/", "Open and overdue actions, and what changed: “You said, we did”."),
            ("Sessions", "sessions/", "Upcoming sessions, attendance and feedback."),
            ("Safety culture", "culture/", "Each team’s MaPSaF levels and how they moved."),
            ("Learning Lessons Leads", "leads/", "Who to talk to in each service."),
        ].map { ["title": $0.0, "href": paths.href(from: folder, to: $0.1), "description": $0.2] }
    }

    /// "Related lessons" on a lesson page, in the same shape as the page's other related groups.
    func relatedLessonsGroup(_ document: Document, from folder: String) -> [[String: Any]] {
        guard document.type == .lesson else { return [] }
        let items = analysis.relatedLessons.related(to: document).compactMap(content.document).map { link($0, from: folder) }
        return items.isEmpty ? [] : [["heading": "Related lessons", "items": items]]
    }

    /// The learning-response mix by quarter for `incidents/index.html`: a bar chart of the whole period and a table by quarter.
    func responseMixKeys(from folder: String) -> [String: Any]? {
        let mix = analysis.responseMix
        guard !mix.responses.isEmpty else { return nil }
        let labels = mix.axis.labels.map(Self.quarterLabel)
        var columnHasHidden = [Bool](repeating: false, count: mix.responses.count)
        let rows: [[String: Any]] = zip(labels, mix.counts).compactMap { label, counts in
            guard counts.contains(where: { $0 > 0 }) else { return nil }
            let shownCounts = shownRow(counts, sensitive: true)
            for (index, count) in shownCounts.enumerated() where count.isSuppressed { columnHasHidden[index] = true }
            return ["label": label, "cells": shownCounts.map { ["text": $0.text, "isSuppressed": $0.isSuppressed] }]
        }
        // A column total beside a hidden quarter would reveal it, so such totals are hidden too.
        let totals = zip(shownRow(mix.responses.map { mix.totals[$0] }, sensitive: true), columnHasHidden).map { count, hidden in
            hidden && !count.isSuppressed && smallNumbers.threshold != nil ? DisplayCount(value: count.value, isSuppressed: true, text: "not shown") : count
        }
        let totalFigure = shownMixFigure(id: "response-mix", title: "Learning responses, \(labels.first ?? "") to \(labels.last ?? "")",
                                         entries: mix.responses.map { (label: Vocabulary.label($0), href: nil) }, counts: totals,
                                         valueHeading: "Incidents", labelHeading: "Learning response")
        return ["figure": totalFigure, "headers": mix.responses.map(Vocabulary.label), "rows": rows,
                "hasSuppression": smallNumbers.threshold != nil, "suppressionNote": suppressionNote]
    }
}

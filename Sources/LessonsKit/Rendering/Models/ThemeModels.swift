/// `themes.mustache`: every theme with counts and a trend, sub-themes under their top-level theme.
struct ThemesIndexBody {
    /// A theme with its counts and sparkline (`partials/themeentry.mustache`).
    struct Entry {
        let title: String
        let href: String
        let slug: String
        let counts: [LabelledCount]
        let isChild: Bool
        let sparklineHTML: HTMLFragment
        let recentText: String
        let isQuiet: Bool
        let description: String?
        /// Every theme below a top-level theme, at any depth, each followed by its own sub-themes.
        var children: [Entry]?
        var hasChildren: Bool?
    }

    /// A row of the trend table: a theme and its incidents per quarter.
    struct TrendRow {
        let title: String
        let href: String
        let cells: [CountCell]
    }

    let intro: String
    let themes: [Entry]
    let quarterHeaders: [String]
    let trendRows: [TrendRow]
    let suppressionNote: String
    let hasSuppression: Bool
    var csvLinks: [PageLink] = []
}

/// `theme.mustache`: one theme's page. A parent theme's figures include its descendants'.
struct ThemeBody {
    var intro: String?
    var children: [PageLink]?
    var counts: [LabelledCount]?
    var isEmpty: Bool?
    var trend: Figure?
    var mixes: [Figure]?
    var suppressionNote: String?
    var hasSuppression: Bool?
    var reviews: [DocumentLink]?
    var bulletins: [DocumentLink]?
    var openActions: ActionTable?
    var groups: [TypeGroup]?
}

/// Cards of one document type on a theme or service page.
struct TypeGroup {
    let title: String
    let slug: String
    /// ``Card``s, made as the template reaches them (``LazyRows``): the largest theme's thousands, converted all at
    /// once, took 8.8 MB while its page rendered.
    let items: LazyRows
}

// MARK: - Field lists for Mustache (see `TemplateFields`)

extension ThemesIndexBody: TemplateFields {
    var templateFields: TemplateValue.Fields {
        [
            "intro": intro, "themes": themes, "quarterHeaders": quarterHeaders, "trendRows": trendRows,
            "suppressionNote": suppressionNote, "hasSuppression": hasSuppression, "csvLinks": csvLinks,
        ]
    }
}

extension ThemesIndexBody.Entry: TemplateFields {
    var templateFields: TemplateValue.Fields {
        [
            "title": title, "href": href, "slug": slug, "counts": counts, "isChild": isChild,
            "sparklineHTML": sparklineHTML, "recentText": recentText, "isQuiet": isQuiet, "description": description,
            "children": children, "hasChildren": hasChildren,
        ]
    }
}

extension ThemesIndexBody.TrendRow: TemplateFields {
    var templateFields: TemplateValue.Fields { ["title": title, "href": href, "cells": cells] }
}

extension ThemeBody: TemplateFields {
    var templateFields: TemplateValue.Fields {
        [
            "intro": intro, "children": children, "counts": counts, "isEmpty": isEmpty, "trend": trend, "mixes": mixes,
            "suppressionNote": suppressionNote, "hasSuppression": hasSuppression, "reviews": reviews,
            "bulletins": bulletins, "openActions": openActions, "groups": groups,
        ]
    }
}

extension TypeGroup: TemplateFields {
    var templateFields: TemplateValue.Fields { ["title": title, "slug": slug, "items": items] }
}

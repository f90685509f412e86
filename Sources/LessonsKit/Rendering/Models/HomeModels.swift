/// `home.mustache`: `index.html` of an edition, with the dashboard summary.
struct HomeBody {
    /// The newest published bulletin.
    struct LatestBulletin {
        let title: String
        let href: String
        let dateText: String
        let summary: String?
        let issueText: String?
    }

    /// The next session after the build date.
    struct NextSession {
        let title: String
        let href: String
        let dateText: String
        let location: String?
        let formatText: String?
    }

    /// One document type with documents in the edition.
    struct Section {
        let title: String
        let href: String
        let description: String
        let count: String
    }

    /// A theme in "themes at a glance".
    struct ThemeGlance {
        let title: String
        let href: String
        let sparklineHTML: HTMLFragment
        let recentText: String
        let lessonsText: String
    }

    /// Action counts linking to the actions dashboard.
    struct ActionCounts {
        let open: String
        let overdue: String
        let hasOverdue: Bool
        let dueSoon: String
        let completed: String
        let href: String
    }

    /// "This time last year".
    struct LastYear {
        let monthText: String
        let items: [Card]
        let isEmpty: Bool
    }

    /// A link to a dashboard with what it shows.
    struct Dashboard {
        let title: String
        let href: String
        let description: String
    }

    var latestBulletin: LatestBulletin?
    var latestLessons: [Card] = []
    var recentIncidents: [Card] = []
    var nextSession: NextSession?
    var sections: [Section] = []
    var themesAtAGlance: [ThemeGlance] = []
    var themesHref = ""
    var actionCounts: ActionCounts?
    var lastYear: LastYear?
    var dashboards: [Dashboard] = []
}

// MARK: - Field lists for Mustache (see `TemplateFields`)

extension HomeBody: TemplateFields {
    var templateFields: TemplateValue.Fields {
        [
            "latestBulletin": latestBulletin, "latestLessons": latestLessons, "recentIncidents": recentIncidents,
            "nextSession": nextSession, "sections": sections, "themesAtAGlance": themesAtAGlance,
            "themesHref": themesHref, "actionCounts": actionCounts, "lastYear": lastYear, "dashboards": dashboards,
        ]
    }
}

extension HomeBody.LatestBulletin: TemplateFields {
    var templateFields: TemplateValue.Fields {
        ["title": title, "href": href, "dateText": dateText, "summary": summary, "issueText": issueText]
    }
}

extension HomeBody.NextSession: TemplateFields {
    var templateFields: TemplateValue.Fields {
        ["title": title, "href": href, "dateText": dateText, "location": location, "formatText": formatText]
    }
}

extension HomeBody.Section: TemplateFields {
    var templateFields: TemplateValue.Fields {
        ["title": title, "href": href, "description": description, "count": count]
    }
}

extension HomeBody.ThemeGlance: TemplateFields {
    var templateFields: TemplateValue.Fields {
        [
            "title": title, "href": href, "sparklineHTML": sparklineHTML, "recentText": recentText,
            "lessonsText": lessonsText,
        ]
    }
}

extension HomeBody.ActionCounts: TemplateFields {
    var templateFields: TemplateValue.Fields {
        [
            "open": open, "overdue": overdue, "hasOverdue": hasOverdue, "dueSoon": dueSoon, "completed": completed,
            "href": href,
        ]
    }
}

extension HomeBody.LastYear: TemplateFields {
    var templateFields: TemplateValue.Fields { ["monthText": monthText, "items": items, "isEmpty": isEmpty] }
}

extension HomeBody.Dashboard: TemplateFields {
    var templateFields: TemplateValue.Fields { ["title": title, "href": href, "description": description] }
}

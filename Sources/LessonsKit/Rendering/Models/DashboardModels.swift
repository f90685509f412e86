/// `actionsdashboard.mustache`: open and overdue actions, due soon, "You said, we did", strength and actions not done.
struct ActionsBody {
    /// Open and overdue actions of one owner.
    struct OwnerRow {
        let owner: String
        let open: String
        let overdue: String
        let hasOverdue: Bool
    }

    /// `byOwner.rows`.
    struct ByOwner {
        let rows: [OwnerRow]
    }

    /// A service's open actions.
    struct ServiceGroup {
        let title: String
        let slug: String
        let table: Table
        let href: String?
    }

    /// `{ tableId, caption, items[] }` for `partials/actionlist.mustache`, as ``ActionTable`` but with rows made only
    /// as the template reaches them (``LazyRows``).
    struct Table {
        let tableId: String
        let caption: String
        let items: LazyRows
    }

    let intro: String
    let stats: [LabelledCount]
    let isEmpty: Bool
    var overdue: Table?
    var dueSoon: Table?
    var byService: Figure?
    var byOwner: ByOwner?
    var serviceGroups: [ServiceGroup]?
    /// ``ActionRow``s with their completion date and evidence flag.
    var completed = LazyRows(count: 0) { _ in () }
    var strength: Figure?
    var notDoing: Table?
    /// CSV exports of the figures (`partials/csvlinks.mustache`).
    var csvLinks: [PageLink] = []
}

/// `sessions.mustache`: the next session, later ones, then figures of sessions held and past sessions by year.
struct SessionsBody {
    let intro: String
    let isEmpty: Bool
    var next: Card?
    var laterUpcoming: [Card] = []
    var stats: [LabelledCount]?
    var attendance: Figure?
    var agencies: Figure?
    var themes: Figure?
    var years: [YearGroup] = []
    var csvLinks: [PageLink] = []
}

/// `culture.mustache`: one MaPSaF-style grid per framework in use, then every assessment by year.
struct CultureBody {
    /// A team's latest levels against its previous assessment.
    struct Grid {
        struct Dimension {
            let title: String
            let number: String
        }

        struct Level {
            let letter: String
            let name: String
            let levelClass: String
        }

        struct Row {
            let team: String
            let href: String
            let dateText: String
            let cells: [Cell]
            let previousText: String
            let previousHref: String?
        }

        struct Cell {
            let level: String
            let levelName: String
            let levelClass: String
            let dimension: String
            var changeText: String?
            var arrow: String?
            var changeClass: String?
        }

        let id: String
        let title: String
        let dimensions: [Dimension]
        let levels: [Level]
        let rows: [Row]
    }

    let intro: String
    let isEmpty: Bool
    let years: [YearGroup]
    let grids: [Grid]
    var csvLinks: [PageLink] = []
}

// MARK: - Field lists for Mustache (see `TemplateFields`)

extension ActionsBody: TemplateFields {
    var templateFields: TemplateValue.Fields {
        [
            "intro": intro, "stats": stats, "isEmpty": isEmpty, "overdue": overdue, "dueSoon": dueSoon,
            "byService": byService, "byOwner": byOwner, "serviceGroups": serviceGroups, "completed": completed,
            "strength": strength, "notDoing": notDoing, "csvLinks": csvLinks,
        ]
    }
}

extension ActionsBody.OwnerRow: TemplateFields {
    var templateFields: TemplateValue.Fields {
        ["owner": owner, "open": open, "overdue": overdue, "hasOverdue": hasOverdue]
    }
}

extension ActionsBody.ByOwner: TemplateFields {
    var templateFields: TemplateValue.Fields { ["rows": rows] }
}

extension ActionsBody.ServiceGroup: TemplateFields {
    var templateFields: TemplateValue.Fields { ["title": title, "slug": slug, "table": table, "href": href] }
}

extension ActionsBody.Table: TemplateFields {
    var templateFields: TemplateValue.Fields { ["tableId": tableId, "caption": caption, "items": items] }
}

extension SessionsBody: TemplateFields {
    var templateFields: TemplateValue.Fields {
        [
            "intro": intro, "isEmpty": isEmpty, "next": next, "laterUpcoming": laterUpcoming, "stats": stats,
            "attendance": attendance, "agencies": agencies, "themes": themes, "years": years, "csvLinks": csvLinks,
        ]
    }
}

extension CultureBody: TemplateFields {
    var templateFields: TemplateValue.Fields {
        ["intro": intro, "isEmpty": isEmpty, "years": years, "grids": grids, "csvLinks": csvLinks]
    }
}

extension CultureBody.Grid: TemplateFields {
    var templateFields: TemplateValue.Fields {
        ["id": id, "title": title, "dimensions": dimensions, "levels": levels, "rows": rows]
    }
}

extension CultureBody.Grid.Dimension: TemplateFields {
    var templateFields: TemplateValue.Fields { ["title": title, "number": number] }
}

extension CultureBody.Grid.Level: TemplateFields {
    var templateFields: TemplateValue.Fields { ["letter": letter, "name": name, "levelClass": levelClass] }
}

extension CultureBody.Grid.Row: TemplateFields {
    var templateFields: TemplateValue.Fields {
        [
            "team": team, "href": href, "dateText": dateText, "cells": cells, "previousText": previousText,
            "previousHref": previousHref,
        ]
    }
}

extension CultureBody.Grid.Cell: TemplateFields {
    var templateFields: TemplateValue.Fields {
        [
            "level": level, "levelName": levelName, "levelClass": levelClass, "dimension": dimension,
            "changeText": changeText, "arrow": arrow, "changeClass": changeClass,
        ]
    }
}

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
        let table: ActionTable
        let href: String?
    }

    let intro: String
    let stats: [LabelledCount]
    let isEmpty: Bool
    var overdue: ActionTable?
    var dueSoon: ActionTable?
    var byService: Figure?
    var byOwner: ByOwner?
    var serviceGroups: [ServiceGroup]?
    var completed: [ActionRow] = []
    var strength: Figure?
    var notDoing: ActionTable?
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

/// `unit.mustache`: a directorate's or service's page; a directorate's figures include its services'.
struct UnitBody {
    var intro: String?
    var services: [PageLink]?
    var counts: [LabelledCount]?
    var isEmpty: Bool?
    var trend: Figure?
    var themeMix: Figure?
    var suppressionNote: String?
    var hasSuppression: Bool?
    var openActions: ActionTable?
    var leads: [LeadItem]?
    var uncovered: [PageLink]?
    var hasNoLead: Bool?
    var leadsHref: String?
    var groups: [TypeGroup]?
}

/// A Learning Lessons Lead (`partials/leadcard.mustache`).
struct LeadItem {
    let name: String
    let role: String
    let serviceText: String
    let email: String?
    let sinceText: String?
}

/// `leads.mustache`: the Leads network by directorate and service.
struct LeadsBody {
    /// A directorate, its Leads and its services.
    struct Directorate {
        let title: String
        let slug: String
        let href: String
        let coverageText: String
        let isFullyCovered: Bool
        let leads: [LeadItem]
        let services: [Service]
    }

    /// A service and its Leads.
    struct Service {
        let title: String
        let href: String
        let leads: [LeadItem]
        let hasNoLead: Bool
    }

    let intro: String
    let uncovered: [PageLink]
    let directorates: [Directorate]
}

// MARK: - Field lists for Mustache (see `TemplateFields`)

extension UnitBody: TemplateFields {
    var templateFields: TemplateValue.Fields {
        [
            "intro": intro, "services": services, "counts": counts, "isEmpty": isEmpty, "trend": trend,
            "themeMix": themeMix, "suppressionNote": suppressionNote, "hasSuppression": hasSuppression,
            "openActions": openActions, "leads": leads, "uncovered": uncovered, "hasNoLead": hasNoLead,
            "leadsHref": leadsHref, "groups": groups,
        ]
    }
}

extension LeadItem: TemplateFields {
    var templateFields: TemplateValue.Fields {
        ["name": name, "role": role, "serviceText": serviceText, "email": email, "sinceText": sinceText]
    }
}

extension LeadsBody: TemplateFields {
    var templateFields: TemplateValue.Fields { ["intro": intro, "uncovered": uncovered, "directorates": directorates] }
}

extension LeadsBody.Directorate: TemplateFields {
    var templateFields: TemplateValue.Fields {
        [
            "title": title, "slug": slug, "href": href, "coverageText": coverageText, "isFullyCovered": isFullyCovered,
            "leads": leads, "services": services,
        ]
    }
}

extension LeadsBody.Service: TemplateFields {
    var templateFields: TemplateValue.Fields { ["title": title, "href": href, "leads": leads, "hasNoLead": hasNoLead] }
}

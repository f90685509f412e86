/// A bulletin issue as the web, print and e-mail templates see it (`partials/bulletin-issue.mustache`,
/// `bulletin-email.mustache`); the plain-text e-mail is written from the same model.
struct BulletinModel {
    struct Masthead {
        let organisation: String
        let name: String
        let issueText: String
        let periodText: String
        let dateText: String
        let strapline: String
    }

    /// The other forms of the issue, relative to the page (or absolute in the e-mail).
    struct Formats {
        var printHref: String?
        var pdfHref: String?
        var emailHref: String?
        var emlHref: String?
        var webHref: String?
    }

    /// A lesson, story, session or the next session: what every item has, and what some kinds add.
    struct Item {
        let id: String
        let title: String
        let href: String
        let dateText: String?
        let summary: String?
        let shortURL: String?
        var keyMessages: [String]?
        var serviceText: String?
        var bodyHTML: HTMLFragment?
        var thanksText: String?
        var sourceText: String?
        var attendanceText: String?
        var quote: String?
        var formatText: String?
        var location: String?
    }

    /// "You said, we did": an action completed in the period.
    struct CompletedAction {
        let action: String
        let owner: String
        let documentTitle: String
        let documentId: String
        let href: String
        let completedText: String?
        let evidence: String?
    }

    /// The theme spotlight's chart, sentence and table.
    struct Spotlight {
        struct Row {
            let label: String
            let text: String
            let isSuppressed: Bool
            let barWidth: Int
            let hasBar: Bool
        }

        let themeTitle: String
        let href: String
        let sentence: String
        let chartHTML: HTMLFragment
        let chartAlt: String
        let rows: [Row]
        let totalText: String
        let description: String?
    }

    /// Leads of one directorate, by service.
    struct LeadGroup {
        struct Service {
            let service: String
            let leads: [Lead]
        }

        struct Lead {
            let name: String
            let role: String
            /// The e-mail writes the list inline, so each lead but the last carries its separator.
            let separator: String
            let email: String?
        }

        let title: String
        let services: [Service]
    }

    let id: String
    let title: String
    let masthead: Masthead
    let issueLine: String
    let forewordHTML: HTMLFragment
    let lessons: [Item]
    let practice: [Item]
    let external: [Item]
    let actions: [CompletedAction]
    let sessions: [Item]
    let leadGroups: [LeadGroup]
    var formats: Formats
    var summary: String?
    var lead: Item?
    var spotlight: Spotlight?
    var nextSession: Item?
    var supportHTML: HTMLFragment?
    /// Only in the e-mail, which has no page shell.
    var lang: String?
    var pageTitle: String?
}

/// `bulletin.mustache`: the web form of an issue, in the layout.
struct BulletinWebBody {
    /// The keys of `doc` the page shares with document pages.
    struct Doc {
        let related: [RelatedGroup]
        let typeSlug: String
        let id: String
    }

    let bulletin: BulletinModel
    let doc: Doc
}

/// `bulletin-print.mustache`: the A4 form and source of the PDF.
struct BulletinPrintBody {
    let bulletin: BulletinModel
    let pageStylesheet: String
}

/// `bulletins.mustache`: every issue with links to its forms.
struct BulletinsBody {
    struct Issue {
        let title: String
        let href: String
        let issueLine: String
        let printHref: String
        let isDraft: Bool
        let dateText: String?
        let summary: String?
        var pdfHref: String?
        var emailHref: String?
        var emlHref: String?
    }

    let intro: String
    let isEmpty: Bool
    let issues: [Issue]
}

// MARK: - Field lists for Mustache (see `TemplateFields`)

extension BulletinModel: TemplateFields {
    var templateFields: TemplateValue.Fields {
        [
            "id": id, "title": title, "masthead": masthead, "issueLine": issueLine, "forewordHTML": forewordHTML,
            "lessons": lessons, "practice": practice, "external": external, "actions": actions, "sessions": sessions,
            "leadGroups": leadGroups, "formats": formats, "summary": summary, "lead": lead, "spotlight": spotlight,
            "nextSession": nextSession, "supportHTML": supportHTML, "lang": lang, "pageTitle": pageTitle,
        ]
    }
}

extension BulletinModel.Masthead: TemplateFields {
    var templateFields: TemplateValue.Fields {
        [
            "organisation": organisation, "name": name, "issueText": issueText, "periodText": periodText,
            "dateText": dateText, "strapline": strapline,
        ]
    }
}

extension BulletinModel.Formats: TemplateFields {
    var templateFields: TemplateValue.Fields {
        ["printHref": printHref, "pdfHref": pdfHref, "emailHref": emailHref, "emlHref": emlHref, "webHref": webHref]
    }
}

extension BulletinModel.Item: TemplateFields {
    var templateFields: TemplateValue.Fields {
        [
            "id": id, "title": title, "href": href, "dateText": dateText, "summary": summary, "shortURL": shortURL,
            "keyMessages": keyMessages, "serviceText": serviceText, "bodyHTML": bodyHTML, "thanksText": thanksText,
            "sourceText": sourceText, "attendanceText": attendanceText, "quote": quote, "formatText": formatText,
            "location": location,
        ]
    }
}

extension BulletinModel.CompletedAction: TemplateFields {
    var templateFields: TemplateValue.Fields {
        [
            "action": action, "owner": owner, "documentTitle": documentTitle, "documentId": documentId, "href": href,
            "completedText": completedText, "evidence": evidence,
        ]
    }
}

extension BulletinModel.Spotlight: TemplateFields {
    var templateFields: TemplateValue.Fields {
        [
            "themeTitle": themeTitle, "href": href, "sentence": sentence, "chartHTML": chartHTML, "chartAlt": chartAlt,
            "rows": rows, "totalText": totalText, "description": description,
        ]
    }
}

extension BulletinModel.Spotlight.Row: TemplateFields {
    var templateFields: TemplateValue.Fields {
        ["label": label, "text": text, "isSuppressed": isSuppressed, "barWidth": barWidth, "hasBar": hasBar]
    }
}

extension BulletinModel.LeadGroup: TemplateFields {
    var templateFields: TemplateValue.Fields { ["title": title, "services": services] }
}

extension BulletinModel.LeadGroup.Service: TemplateFields {
    var templateFields: TemplateValue.Fields { ["service": service, "leads": leads] }
}

extension BulletinModel.LeadGroup.Lead: TemplateFields {
    var templateFields: TemplateValue.Fields { ["name": name, "role": role, "separator": separator, "email": email] }
}

extension BulletinWebBody: TemplateFields {
    var templateFields: TemplateValue.Fields { ["bulletin": bulletin, "doc": doc] }
}

extension BulletinWebBody.Doc: TemplateFields {
    var templateFields: TemplateValue.Fields { ["related": related, "typeSlug": typeSlug, "id": id] }
}

extension BulletinPrintBody: TemplateFields {
    var templateFields: TemplateValue.Fields { ["bulletin": bulletin, "pageStylesheet": pageStylesheet] }
}

extension BulletinsBody: TemplateFields {
    var templateFields: TemplateValue.Fields { ["intro": intro, "isEmpty": isEmpty, "issues": issues] }
}

extension BulletinsBody.Issue: TemplateFields {
    var templateFields: TemplateValue.Fields {
        [
            "title": title, "href": href, "issueLine": issueLine, "printHref": printHref, "isDraft": isDraft,
            "dateText": dateText, "summary": summary, "pdfHref": pdfHref, "emailHref": emailHref, "emlHref": emlHref,
        ]
    }
}

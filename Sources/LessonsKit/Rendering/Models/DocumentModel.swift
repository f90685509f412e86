/// `document.mustache`: the page of one document, under the key `doc`.
struct DocumentBody {
    let doc: DocumentModel
}

/// What a document's page shows (see TEMPLATES.md, "document.mustache").
struct DocumentModel {
    var id: String
    var title: String
    var typeName: String
    var typeSlug: String
    var isDraft: Bool
    var facts: [Fact]
    var themes: [ThemeLink]
    var bodyHTML: HTMLFragment
    var related: [RelatedGroup]
    var dateText: String?
    var summary: String?
    var supersededBy: PageLink?
    var reviewNotice: String?
    var hasActions: Bool?
    var actions: [ActionRow]?
    var keyMessages: [String]?
    /// A lesson's noticeboard poster, beside its page.
    var posterHref: String?
    /// Video clips with their captions (`partials/videos.mustache`).
    var videos: [VideoView]?
    var speakers: [Speaker]?
    var quotes: [String]?
    var materials: [Material]?
    var isUpcoming: Bool?
    var levels: CultureLevels?

    /// A session's speaker.
    struct Speaker {
        let name: String
        let role: String
    }

    /// A session's material; `href` is empty when its URL is not safe to link.
    struct Material {
        let title: String
        let href: String
    }
}

/// One entry of a document's definition list: a single `value` or a list of `items`.
struct Fact {
    let label: String
    var value: String? = nil
    var items: [LinkedText]? = nil
}

/// Documents of the edition that point at a document, under one heading ("Lessons from this incident").
struct RelatedGroup {
    let heading: String
    var items: [DocumentLink]
}

/// A culture assessment's levels, one row per dimension, against the previous assessment.
struct CultureLevels {
    struct Row {
        let dimension: String
        let level: String
        let levelName: String
        let levelClass: String
        var changeText: String? = nil
        var spreadText: String? = nil
    }

    /// The previous assessment.
    struct Previous {
        let title: String
        let href: String
        let dateText: String
    }

    let frameworkTitle: String
    let rows: [Row]
    let previous: Previous?
}

/// A row of an actions table: a document's own actions, or (with the document fields) dashboard lists.
struct ActionRow {
    let id: String
    let action: String
    let owner: String
    let dueText: String
    let statusText: String
    let statusClass: String
    let isOverdue: Bool
    var strengthText: String?
    var evidence: String?
    var reason: String?
    var completedText: String?
    var documentId: String? = nil
    var documentTitle: String? = nil
    var documentHref: String? = nil
    var serviceText: String? = nil
    var hasEvidence: Bool? = nil
}

/// `{ tableId, caption, items[] }` for `partials/actionlist.mustache`.
struct ActionTable {
    let tableId: String
    let caption: String
    let items: [ActionRow]
}

// MARK: - Field lists for Mustache (see `TemplateFields`)

extension DocumentBody: TemplateFields {
    var templateFields: TemplateValue.Fields { ["doc": doc] }
}

extension DocumentModel: TemplateFields {
    var templateFields: TemplateValue.Fields {
        [
            "id": id, "title": title, "typeName": typeName, "typeSlug": typeSlug, "isDraft": isDraft, "facts": facts,
            "themes": themes, "bodyHTML": bodyHTML, "related": related, "dateText": dateText, "summary": summary,
            "supersededBy": supersededBy, "reviewNotice": reviewNotice, "hasActions": hasActions, "actions": actions,
            "keyMessages": keyMessages, "posterHref": posterHref, "videos": videos, "speakers": speakers,
            "quotes": quotes, "materials": materials, "isUpcoming": isUpcoming, "levels": levels,
        ]
    }
}

extension DocumentModel.Speaker: TemplateFields {
    var templateFields: TemplateValue.Fields { ["name": name, "role": role] }
}

extension DocumentModel.Material: TemplateFields {
    var templateFields: TemplateValue.Fields { ["title": title, "href": href] }
}

extension Fact: TemplateFields {
    var templateFields: TemplateValue.Fields { ["label": label, "value": value, "items": items] }
}

extension RelatedGroup: TemplateFields {
    var templateFields: TemplateValue.Fields { ["heading": heading, "items": items] }
}

extension CultureLevels: TemplateFields {
    var templateFields: TemplateValue.Fields { ["frameworkTitle": frameworkTitle, "rows": rows, "previous": previous] }
}

extension CultureLevels.Row: TemplateFields {
    var templateFields: TemplateValue.Fields {
        [
            "dimension": dimension, "level": level, "levelName": levelName, "levelClass": levelClass,
            "changeText": changeText, "spreadText": spreadText,
        ]
    }
}

extension CultureLevels.Previous: TemplateFields {
    var templateFields: TemplateValue.Fields { ["title": title, "href": href, "dateText": dateText] }
}

extension ActionRow: TemplateFields {
    var templateFields: TemplateValue.Fields {
        [
            "id": id, "action": action, "owner": owner, "dueText": dueText, "statusText": statusText,
            "statusClass": statusClass, "isOverdue": isOverdue, "strengthText": strengthText, "evidence": evidence,
            "reason": reason, "completedText": completedText, "documentId": documentId, "documentTitle": documentTitle,
            "documentHref": documentHref, "serviceText": serviceText, "hasEvidence": hasEvidence,
        ]
    }
}

extension ActionTable: TemplateFields {
    var templateFields: TemplateValue.Fields { ["tableId": tableId, "caption": caption, "items": items] }
}

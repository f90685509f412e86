/// A document as a card on the home page, list pages, theme and service pages (`partials/card.mustache`).
struct Card {
    /// `{ label, value }` under the card, e.g. the service.
    struct Meta {
        let label: String
        let value: String
    }

    var title: String
    var href: String
    var typeName: String
    var isDraft: Bool
    var themes: [ThemeLink]
    var meta: [Meta]
    var dateText: String?
    var summary: String?
    /// A lesson's key messages: the card ends in "What this means for you".
    var keyMessages: [String]?
    /// Only on the sessions page's next session.
    var location: String? = nil
    var formatText: String? = nil
    var facilitator: String? = nil
}

/// A theme a document carries.
struct ThemeLink {
    let title: String
    let href: String
    let slug: String
}

/// `{ title, href, typeName, dateText }` for short lists of documents (related documents, reviews, bulletins).
struct DocumentLink {
    let title: String
    let href: String
    let typeName: String
    let dateText: String
}

/// `{ text, href? }`: a value of a fact, linked when it names a document of the edition.
struct LinkedText {
    let text: String
    var href: String? = nil
}

/// `{ label, text }` with an optional link: counts on dashboards and theme pages.
struct LabelledCount {
    let label: String
    let text: String
    var href: String? = nil
    var typeSlug: String? = nil
    var isAlert: Bool? = nil
}

// MARK: - Field lists for Mustache (see `TemplateFields`)

extension Card: TemplateFields {
    var templateFields: TemplateValue.Fields {
        [
            "title": title, "href": href, "typeName": typeName, "isDraft": isDraft, "themes": themes, "meta": meta,
            "dateText": dateText, "summary": summary, "keyMessages": keyMessages, "location": location,
            "formatText": formatText, "facilitator": facilitator,
        ]
    }
}

extension Card: FragmentKeyed {
    func appendFragmentKey(to key: inout [UInt8]) {
        assert(
            Mirror(reflecting: self).children.map { $0.label ?? "" } == templateFields.map(\.key),
            "Card's fragment key must hold every field")
        FragmentKeyBytes.text("card 1", to: &key)
        FragmentKeyBytes.text(title, to: &key)
        FragmentKeyBytes.text(href, to: &key)
        FragmentKeyBytes.text(typeName, to: &key)
        FragmentKeyBytes.flag(isDraft, to: &key)
        FragmentKeyBytes.count(themes.count, to: &key)
        for theme in themes {
            assert(Mirror(reflecting: theme).children.count == 3, "ThemeLink's fields in Card's fragment key")
            FragmentKeyBytes.text(theme.title, to: &key)
            FragmentKeyBytes.text(theme.href, to: &key)
            FragmentKeyBytes.text(theme.slug, to: &key)
        }
        FragmentKeyBytes.count(meta.count, to: &key)
        for item in meta {
            assert(Mirror(reflecting: item).children.count == 2, "Card.Meta's fields in Card's fragment key")
            FragmentKeyBytes.text(item.label, to: &key)
            FragmentKeyBytes.text(item.value, to: &key)
        }
        FragmentKeyBytes.text(dateText, to: &key)
        FragmentKeyBytes.text(summary, to: &key)
        FragmentKeyBytes.texts(keyMessages, to: &key)
        FragmentKeyBytes.text(location, to: &key)
        FragmentKeyBytes.text(formatText, to: &key)
        FragmentKeyBytes.text(facilitator, to: &key)
    }
}

extension Card.Meta: TemplateFields {
    var templateFields: TemplateValue.Fields { ["label": label, "value": value] }
}

extension ThemeLink: TemplateFields {
    var templateFields: TemplateValue.Fields { ["title": title, "href": href, "slug": slug] }
}

extension DocumentLink: TemplateFields {
    var templateFields: TemplateValue.Fields {
        ["title": title, "href": href, "typeName": typeName, "dateText": dateText]
    }
}

extension LinkedText: TemplateFields {
    var templateFields: TemplateValue.Fields { ["text": text, "href": href] }
}

extension LabelledCount: TemplateFields {
    var templateFields: TemplateValue.Fields {
        ["label": label, "text": text, "href": href, "typeSlug": typeSlug, "isAlert": isAlert]
    }
}

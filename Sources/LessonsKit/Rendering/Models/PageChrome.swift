/// The keys every page template receives (see themes/default/TEMPLATES.md, "Keys every page has").
struct PageChrome {
    let lang: String
    let csp: String
    let pageTitle: String
    let site: SiteChrome
    /// `stylesheet` and one key per other theme asset (`search.js` → `searchJs`): the theme decides which exist.
    let assets: [String: String]
    let feeds: [PageLink]
    let nav: [NavLink]
    let breadcrumbs: [PageLink]
    let heading: String
    let edition: EditionChrome
    let generatedOn: String
    let isDraftBuild: Bool
}

/// `site.*` of every page.
struct SiteChrome {
    let title: String
    let organisation: String
    let homeHref: String
    let links: [ChromeLink]
    let search: SearchLink
}

/// One of `site.yaml`'s `links`.
struct ChromeLink {
    let title: String
    let href: String
    let isExternal: Bool
}

/// `site.search`: the search page, for the header's search box.
struct SearchLink {
    let href: String
}

/// One entry of the main navigation.
struct NavLink {
    let title: String
    let href: String
    let isCurrent: Bool
}

/// `edition.*` of every page.
struct EditionChrome {
    let name: String
    let title: String
    let isDefault: Bool
}

/// `{ title, href }`: breadcrumbs, feeds, sub-themes, services and other short lists of links.
struct PageLink {
    let title: String
    let href: String
}

// MARK: - Field lists for Mustache (see `TemplateFields`)

extension PageChrome: TemplateFields {
    var templateFields: TemplateValue.Fields {
        [
            "lang": lang, "csp": csp, "pageTitle": pageTitle, "site": site, "assets": assets, "feeds": feeds,
            "nav": nav, "breadcrumbs": breadcrumbs, "heading": heading, "edition": edition, "generatedOn": generatedOn,
            "isDraftBuild": isDraftBuild,
        ]
    }
}

extension SiteChrome: TemplateFields {
    var templateFields: TemplateValue.Fields {
        ["title": title, "organisation": organisation, "homeHref": homeHref, "links": links, "search": search]
    }
}

extension ChromeLink: TemplateFields {
    var templateFields: TemplateValue.Fields { ["title": title, "href": href, "isExternal": isExternal] }
}

extension SearchLink: TemplateFields {
    var templateFields: TemplateValue.Fields { ["href": href] }
}

extension NavLink: TemplateFields {
    var templateFields: TemplateValue.Fields { ["title": title, "href": href, "isCurrent": isCurrent] }
}

extension EditionChrome: TemplateFields {
    var templateFields: TemplateValue.Fields { ["name": name, "title": title, "isDefault": isDefault] }
}

extension PageLink: TemplateFields {
    var templateFields: TemplateValue.Fields { ["title": title, "href": href] }
}

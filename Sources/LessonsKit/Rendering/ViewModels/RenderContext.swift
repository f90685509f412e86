/// Everything page rendering needs for one edition; immutable, so pages can be rendered in parallel.
public struct RenderContext: Sendable {
    public let config: SiteConfig
    public let data: SiteData
    public let content: EditionContent
    public let paths: SitePaths
    public let today: PartialDate
    public let templates: TemplateSet
    /// Output paths of the theme assets by their name in the theme (`style.css` → `assets/style.1a2b….css`).
    public let assetPaths: [String: String]
    /// Non-Markdown files under content/, for attachment links.
    public let attachments: Set<String>
    public let siteDirectory: String
    /// Lower-cased ids of every document of the site, in any edition (to tell unknown ids from unpublished ones).
    public let knownIds: Set<String>
    /// Lower-cased ids of drafts (links from published documents to them are already errors).
    public let draftIds: Set<String>
    /// Main navigation targets (folders), computed once per edition.
    public let navigation: [NavigationItem]
    public let isDraftBuild: Bool
    /// The edition's aggregates (themes, services, actions, sessions, culture, leads), computed once.
    public let analysis: EditionAnalysis

    /// What replaces a link to a document that this edition does not publish: nothing that hints at it.
    public static let unpublishedText = "(not published in this edition)"

    public static let contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"

    /// Sections in the main navigation, in order.
    static let navigationTypes: [DocumentType] = [.lesson, .incident, .bulletin, .session, .practice, .culture]

    var markdownOptions: MarkdownOptions {
        MarkdownOptions(unsafeHTML: config.markdown.unsafeHTML, smartPunctuation: config.markdown.smartPunctuation)
    }

    /// Keys every page template receives (see themes/default/TEMPLATES.md).
    func pageKeys(folder: String, title: String, heading: String, currentSection: String?, breadcrumbs: [(String, String)]) -> [String: Any] {
        let nav: [[String: Any]] = navigation.map { item in
            ["title": item.title, "href": paths.href(from: folder, to: item.folder), "isCurrent": currentSection == item.folder]
        }
        let links: [[String: Any]] = config.links.map { link in
            let isExternal = link.url.contains("://") || link.url.hasPrefix("mailto:")
            return ["title": link.title, "href": isExternal ? link.url : paths.href(from: folder, to: link.url), "isExternal": isExternal]
        }
        let editionTitle = content.edition.title ?? config.title
        return [
            "lang": config.language,
            "csp": Self.contentSecurityPolicy,
            "pageTitle": title == editionTitle ? title : "\(title) — \(editionTitle)",
            "site": ["title": editionTitle, "organisation": config.organisation, "homeHref": paths.href(from: folder, to: ""), "links": links,
                     "search": ["href": paths.href(from: folder, to: Self.searchFolder)]],
            "assets": assetKeys(from: folder),
            "feeds": feedLinks(from: folder),
            "nav": nav,
            "breadcrumbs": breadcrumbs.map { ["title": $0.0, "href": paths.href(from: folder, to: $0.1)] },
            "heading": heading,
            "edition": ["name": content.edition.name, "title": editionTitle, "isDefault": content.edition.name == "staff"],
            "generatedOn": today.displayText,
            "isDraftBuild": isDraftBuild,
        ]
    }

    /// `assets.stylesheet` plus one key per other asset: `search.js` → `assets.searchJs`.
    func assetKeys(from folder: String) -> [String: String] {
        var keys: [String: String] = [:]
        for (name, path) in assetPaths {
            let key = name == "style.css" ? "stylesheet" : Self.assetKey(name)
            keys[key] = paths.href(from: folder, to: path)
        }
        return keys
    }

    /// `bulletin-print.css` → `bulletinPrintCss`; folders are dropped.
    static func assetKey(_ name: String) -> String {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        let words = base.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        guard let first = words.first else { return base }
        return first.lowercased() + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// Pages every edition has, after the document sections: thematic analysis, feedback (actions) and the Leads
    /// network are pillars of the framework, so they are always one click away.
    static let navigationDashboards: [NavigationItem] = [
        NavigationItem(title: "Themes", folder: "themes/"), NavigationItem(title: "Actions", folder: "actions/"),
        NavigationItem(title: "Leads", folder: "leads/"),
    ]

    /// Sections with documents in this edition, the dashboards, then free pages with a `menu` order, in that order.
    static func navigation(for content: EditionContent, paths: SitePaths) -> [NavigationItem] {
        let types = Set(content.documents.map(\.type))
        let sections = navigationTypes.filter { types.contains($0) }.map { NavigationItem(title: $0.pluralName, folder: paths.listFolder(of: $0)) }
            + navigationDashboards
        let pages = content.documents.compactMap { document -> (Int, Document)? in
            guard case .page(let page) = document.details, let order = page.menu else { return nil }
            return (order, document)
        }
        .sorted { ($0.0, $0.1.id) < ($1.0, $1.1.id) }
        .map { NavigationItem(title: $0.1.title, folder: paths.folder(of: $0.1)) }
        return sections + pages
    }

    /// A card for lists and the home page.
    func card(_ document: Document, from folder: String) -> [String: Any] {
        var meta: [[String: String]] = []
        if let service = document.service, let title = data.unitTitle(service) { meta.append(["label": "Service", "value": title]) }
        if case .incident(let incident) = document.details {
            meta.append(["label": "Learning response", "value": Vocabulary.label(incident.response)])
        }
        var card: [String: Any] = [
            "title": document.title,
            "href": paths.href(from: folder, to: paths.folder(of: document)),
            "typeName": document.type.displayName,
            "isDraft": document.isDraft,
            "themes": themeLinks(document, from: folder),
            "meta": meta,
        ]
        card["dateText"] = document.date?.displayText
        card["summary"] = document.summary
        if case .lesson(let lesson) = document.details { card["keyMessages"] = lesson.keyMessages }
        return card
    }

    func themeLinks(_ document: Document, from folder: String) -> [[String: String]] {
        document.themes.compactMap { slug in
            guard let theme = data.theme(slug) else { return nil }
            return ["title": theme.title, "href": paths.href(from: folder, to: "themes/\(slug)/"), "slug": slug]
        }
    }
}

/// One entry of the main navigation.
public struct NavigationItem: Sendable, Hashable {
    public let title: String
    public let folder: String
}

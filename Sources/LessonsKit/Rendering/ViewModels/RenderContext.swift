/// Everything page rendering needs for one edition; immutable, so pages can be rendered in parallel.
public struct RenderContext: Sendable {
    let config: SiteConfig
    let data: SiteData
    let content: EditionContent
    let paths: SitePaths
    let today: PartialDate
    let templates: TemplateSet
    /// Output paths of the theme assets by their name in the theme (`style.css` → `assets/style.1a2b….css`).
    let assetPaths: [String: String]
    /// Non-Markdown files under content/, for attachment links.
    let attachments: Set<String>
    let siteDirectory: String
    /// Lower-cased ids of every document of the site, in any edition (to tell unknown ids from unpublished ones).
    let knownIds: Set<String>
    /// Lower-cased ids of drafts (links from published documents to them are already errors).
    let draftIds: Set<String>
    /// Main navigation targets (folders), computed once per edition.
    let navigation: [NavigationItem]
    let isDraftBuild: Bool
    /// The edition's aggregates (themes, services, actions, sessions, culture, leads), computed once.
    let analysis: EditionAnalysis
    /// First-published and last-updated dates of content files from git (empty outside git or in a shallow clone).
    var gitHistory: GitHistory = .none

    /// What replaces a link to a document that this edition does not publish: nothing that hints at it.
    static let unpublishedText = "(not published in this edition)"

    /// The Content-Security-Policy every page declares (and `lessons serve` sends).
    public static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"

    /// Sections in the main navigation, in order.
    static let navigationTypes: [DocumentType] = [.lesson, .incident, .bulletin, .session, .practice, .culture]

    var markdownOptions: MarkdownOptions {
        MarkdownOptions(unsafeHTML: config.markdown.unsafeHTML, smartPunctuation: config.markdown.smartPunctuation)
    }

    /// Keys every page template receives (see themes/default/TEMPLATES.md). With `root`, every link starts from that
    /// absolute path instead of being relative to `folder` (the 404 page is served at any depth).
    func pageChrome(
        folder: String, title: String, heading: String, currentSection: String?, breadcrumbs: [(String, String)],
        root: String? = nil
    ) -> PageChrome {
        func link(_ target: String) -> String {
            let href = paths.href(from: folder, to: target)
            guard let root, !href.contains("://"), !href.hasPrefix("/"), !href.hasPrefix("mailto:") else { return href }
            return root + (href == "./" ? "" : href)
        }
        let nav = navigation.map {
            NavLink(title: $0.title, href: link($0.folder), isCurrent: currentSection == $0.folder)
        }
        let links = config.links.map { item in
            let isExternal = item.url.contains("://") || item.url.hasPrefix("mailto:")
            return ChromeLink(title: item.title, href: isExternal ? item.url : link(item.url), isExternal: isExternal)
        }
        let editionTitle = content.edition.title ?? config.title
        var assets: [String: String] = [:]
        for (name, path) in assetPaths { assets[name == "style.css" ? "stylesheet" : Self.assetKey(name)] = link(path) }
        return PageChrome(
            lang: config.language,
            csp: Self.contentSecurityPolicy,
            pageTitle: title == editionTitle ? title : "\(title) — \(editionTitle)",
            site: SiteChrome(
                title: editionTitle, organisation: config.organisation, homeHref: link(""), links: links,
                search: SearchLink(href: link(Self.searchFolder))),
            assets: assets,
            feeds: feedLinks(from: folder).map { PageLink(title: $0.title, href: link($0.target)) },
            nav: nav,
            breadcrumbs: breadcrumbs.map { PageLink(title: $0.0, href: link($0.1)) },
            heading: heading,
            edition: EditionChrome(
                name: content.edition.name, title: editionTitle, isDefault: content.edition.name == "staff"),
            generatedOn: today.displayText,
            isDraftBuild: isDraftBuild)
    }

    /// A page of the theme: the common keys and the page's own model.
    func page<Body>(
        _ body: Body, folder: String, title: String, heading: String? = nil, currentSection: String?,
        breadcrumbs: [(String, String)]
    ) -> Page<Body> {
        Page(
            chrome: pageChrome(
                folder: folder, title: title, heading: heading ?? title, currentSection: currentSection,
                breadcrumbs: breadcrumbs), body: body)
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
        let sections =
            navigationTypes.filter { types.contains($0) }.map {
                NavigationItem(title: $0.pluralName, folder: paths.listFolder(of: $0))
            }
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
    func card(_ document: Document, from folder: String) -> Card {
        var meta: [Card.Meta] = []
        if let service = document.service, let title = data.unitTitle(service) {
            meta.append(.init(label: "Service", value: title))
        }
        if case .incident(let incident) = document.details {
            meta.append(.init(label: "Learning response", value: incident.response.label))
        }
        var keyMessages: [String]?
        if case .lesson(let lesson) = document.details { keyMessages = lesson.keyMessages }
        return Card(
            title: document.title, href: paths.href(from: folder, to: paths.folder(of: document)),
            typeName: document.type.displayName,
            isDraft: document.isDraft, themes: themeLinks(document, from: folder), meta: meta,
            dateText: document.date?.displayText,
            summary: document.summary, keyMessages: keyMessages)
    }

    func themeLinks(_ document: Document, from folder: String) -> [ThemeLink] {
        document.themes.compactMap { slug in
            guard let theme = data.theme(slug) else { return nil }
            return ThemeLink(title: theme.title, href: paths.href(from: folder, to: "themes/\(slug)/"), slug: slug)
        }
    }
}

/// One entry of the main navigation.
struct NavigationItem: Sendable, Hashable {
    let title: String
    let folder: String
}

/// The frame every page shares (see themes/default/TEMPLATES.md, "Every page"): title, site links, navigation,
/// hashed asset paths, feed links, breadcrumbs and the edition. Built once per edition; immutable.
public struct PageFrame: Sendable {
    let paths: SitePaths
    let language: String
    let organisation: String
    /// The edition's title (its own, or the site's).
    let editionTitle: String
    let editionName: String
    /// `links:` of site.yaml, shown in the header.
    let links: [SiteLink]
    /// Main navigation targets (folders), computed once per edition.
    let navigation: [NavigationItem]
    /// Output paths of the theme assets by their name in the theme (`style.css` → `assets/style.1a2b….css`).
    let assetPaths: [String: String]
    /// `<link rel="alternate">` targets by page folder.
    let feeds: FeedCatalog
    let generatedOn: String
    let isDraftBuild: Bool
    /// The template key of each asset (`stylesheet`, `searchJs`…) and its output path, worked out once per edition.
    private let assetKeys: [(key: String, path: String)]

    init(
        paths: SitePaths, language: String, organisation: String, editionTitle: String, editionName: String,
        links: [SiteLink], navigation: [NavigationItem], assetPaths: [String: String], feeds: FeedCatalog,
        generatedOn: String, isDraftBuild: Bool
    ) {
        self.paths = paths
        self.language = language
        self.organisation = organisation
        self.editionTitle = editionTitle
        self.editionName = editionName
        self.links = links
        self.navigation = navigation
        self.assetPaths = assetPaths
        self.feeds = feeds
        self.generatedOn = generatedOn
        self.isDraftBuild = isDraftBuild
        assetKeys = assetPaths.map {
            (key: $0.key == "style.css" ? "stylesheet" : Self.assetKey($0.key), path: $0.value)
        }
    }

    /// The Content-Security-Policy of every page (also used by `lessons serve`'s error page).
    public static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"

    /// Sections in the main navigation, in order.
    static let navigationTypes: [DocumentType] = [.lesson, .incident, .bulletin, .session, .practice, .culture]

    /// Keys every page template receives (see themes/default/TEMPLATES.md). With `root`, every link starts from that
    /// absolute path instead of being relative to `folder` (the 404 page is served at any depth).
    func chrome(
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
        let siteLinks = links.map { item in
            let isExternal = item.url.contains("://") || item.url.hasPrefix("mailto:")
            return ChromeLink(title: item.title, href: isExternal ? item.url : link(item.url), isExternal: isExternal)
        }
        var assets: [String: String] = [:]
        for (key, path) in assetKeys { assets[key] = link(path) }
        return PageChrome(
            lang: language,
            csp: Self.contentSecurityPolicy,
            pageTitle: title == editionTitle ? title : "\(title) — \(editionTitle)",
            site: SiteChrome(
                title: editionTitle, organisation: organisation, homeHref: link(""), links: siteLinks,
                search: SearchLink(href: link(SearchPages.folder))),
            assets: assets,
            feeds: feeds.links(from: folder).map { PageLink(title: $0.title, href: link($0.target)) },
            nav: nav,
            breadcrumbs: breadcrumbs.map { PageLink(title: $0.0, href: link($0.1)) },
            heading: heading,
            edition: EditionChrome(name: editionName, title: editionTitle, isDefault: editionName == "staff"),
            generatedOn: generatedOn,
            isDraftBuild: isDraftBuild)
    }

    /// A page of the theme: the common keys and the page's own model.
    func page<Body>(
        _ body: Body, folder: String, title: String, heading: String? = nil, currentSection: String?,
        breadcrumbs: [(String, String)]
    ) -> Page<Body> {
        Page(
            chrome: chrome(
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
}

/// One entry of the main navigation.
struct NavigationItem: Sendable, Hashable {
    let title: String
    let folder: String
}

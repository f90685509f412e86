/// The home page, one list page per type and the 404 page (theme and service pages: ThemePages.swift, ServicePages.swift).
extension RenderContext {
    func listPage(_ type: DocumentType) -> OutputFile {
        let folder = paths.listFolder(of: type)
        let documents = content.documents(of: type).filter { $0.supersededBy == nil || $0.isDraft }
        let body = ListBody(
            intro: type.introduction, years: groupByYear(documents, from: folder), isEmpty: documents.isEmpty,
            responseMix: type == .incident ? responseMix(from: folder) : nil)
        let view = page(
            body, folder: folder, title: type.pluralName, currentSection: folder, breadcrumbs: [("Home", "")])
        return OutputFile(path: paths.file(for: folder), text: templates.render("list", view))
    }

    func groupByYear(_ documents: [Document], from folder: String) -> [YearGroup] {
        var groups: [YearGroup] = []
        for document in documents {
            let year = document.date.map { String($0.year) } ?? "Undated"
            if groups.last?.year == year {
                groups[groups.count - 1].items.append(card(document, from: folder))
            } else {
                groups.append(YearGroup(year: year, items: [card(document, from: folder)]))
            }
        }
        return groups
    }

    func homePage() -> OutputFile {
        let folder = ""
        var home = HomeBody()
        let published = content.documents.filter { ($0.date.map { $0 <= today } ?? true) }
        if let bulletin = content.documents(of: .bulletin).first(where: { ($0.date ?? today) <= today }) {
            var issueText: String?
            if case .bulletin(let details) = bulletin.details {
                issueText = "Issue \(details.issue), \(details.covers.displayText)"
            }
            home.latestBulletin = .init(
                title: bulletin.title, href: paths.href(from: folder, to: paths.folder(of: bulletin)),
                dateText: bulletin.date?.displayText ?? "", summary: bulletin.summary, issueText: issueText)
        }
        home.latestLessons = published.filter { $0.type == .lesson && $0.supersededBy == nil }.sorted(
            by: Document.newestFirst
        )
        .prefix(6).map { card($0, from: folder) }
        home.recentIncidents = published.filter { $0.type == .incident }.sorted(by: Document.newestFirst).prefix(3).map
        { card($0, from: folder) }
        if let next = content.documents(of: .session).filter({ ($0.date ?? today) > today }).last {
            var location: String?
            var formatText: String?
            if case .session(let details) = next.details {
                location = details.location
                formatText = details.format.label
            }
            home.nextSession = .init(
                title: next.title, href: paths.href(from: folder, to: paths.folder(of: next)),
                dateText: next.date?.displayText ?? "", location: location, formatText: formatText)
        }
        home.sections = DocumentType.allCases.filter { $0 != .page }.compactMap { type -> HomeBody.Section? in
            let count = content.documents.filter { $0.type == type }.count
            guard count > 0 else { return nil }
            return .init(
                title: type.pluralName, href: paths.href(from: folder, to: paths.listFolder(of: type)),
                description: type.introduction, count: shown(count, sensitive: Self.isSensitive(type)).text)
        }
        addHomeDashboard(to: &home, from: folder)
        let title = content.edition.title ?? config.title
        let view = page(home, folder: folder, title: title, currentSection: nil, breadcrumbs: [])
        return OutputFile(path: "index.html", text: templates.render("home", view))
    }

    /// `404.html` is served at any depth, so its links start from the root of `base_url`'s path.
    func notFoundPage() -> OutputFile {
        let root = config.baseURL.flatMap { URLPath.path(of: $0) } ?? "/"
        let chrome = pageChrome(
            folder: "", title: "Page not found", heading: "Page not found", currentSection: nil, breadcrumbs: [],
            root: root)
        return OutputFile(path: "404.html", text: templates.render("notfound", Page(chrome: chrome, body: NoBody())))
    }
}

/// The path part of a URL, e.g. `/learning/` of `https://intranet.example.nhs.uk/learning/`.
enum URLPath {
    static func path(of url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        let path = String(rest[slash...])
        return path.hasSuffix("/") ? path : path + "/"
    }
}

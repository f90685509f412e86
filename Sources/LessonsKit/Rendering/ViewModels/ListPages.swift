/// The home page, one list page per type and the 404 page (theme and service pages: ThemePages.swift, ServicePages.swift).
extension RenderContext {
    func listPage(_ type: DocumentType) -> OutputFile {
        let folder = paths.listFolder(of: type)
        let documents = content.documents(of: type).filter { $0.supersededBy == nil || $0.isDraft }
        var view = pageKeys(folder: folder, title: type.pluralName, heading: type.pluralName, currentSection: folder,
                            breadcrumbs: [("Home", "")])
        view["intro"] = type.introduction
        view["years"] = groupByYear(documents, from: folder)
        view["isEmpty"] = documents.isEmpty
        if type == .incident, let mix = responseMixKeys(from: folder) { view["responseMix"] = mix }
        return OutputFile(path: paths.file(for: folder), text: templates.render("list", view))
    }

    func groupByYear(_ documents: [Document], from folder: String) -> [[String: Any]] {
        var groups: [(String, [[String: Any]])] = []
        for document in documents {
            let year = document.date.map { String($0.year) } ?? "Undated"
            if groups.last?.0 == year {
                groups[groups.count - 1].1.append(card(document, from: folder))
            } else {
                groups.append((year, [card(document, from: folder)]))
            }
        }
        return groups.map { ["year": $0.0, "items": $0.1] }
    }

    func homePage() -> OutputFile {
        let folder = ""
        var view = pageKeys(folder: folder, title: content.edition.title ?? config.title, heading: content.edition.title ?? config.title,
                            currentSection: nil, breadcrumbs: [])
        let published = content.documents.filter { ($0.date.map { $0 <= today } ?? true) }
        if let bulletin = content.documents(of: .bulletin).first(where: { ($0.date ?? today) <= today }) {
            var latest: [String: Any] = ["title": bulletin.title, "href": paths.href(from: folder, to: paths.folder(of: bulletin)),
                                         "dateText": bulletin.date?.displayText ?? ""]
            latest["summary"] = bulletin.summary
            if case .bulletin(let details) = bulletin.details { latest["issueText"] = "Issue \(details.issue), \(details.covers.displayText)" }
            view["latestBulletin"] = latest
        }
        view["latestLessons"] = published.filter { $0.type == .lesson && $0.supersededBy == nil }.sorted(by: Document.newestFirst)
            .prefix(6).map { card($0, from: folder) }
        view["recentIncidents"] = published.filter { $0.type == .incident }.sorted(by: Document.newestFirst).prefix(3).map { card($0, from: folder) }
        if let next = content.documents(of: .session).filter({ ($0.date ?? today) > today }).last {
            var session: [String: Any] = ["title": next.title, "href": paths.href(from: folder, to: paths.folder(of: next)),
                                          "dateText": next.date?.displayText ?? ""]
            if case .session(let details) = next.details {
                session["location"] = details.location
                session["formatText"] = Vocabulary.label(details.format)
            }
            view["nextSession"] = session
        }
        view["sections"] = DocumentType.allCases.filter { $0 != .page }.compactMap { type -> [String: Any]? in
            let count = content.documents.filter { $0.type == type }.count
            guard count > 0 else { return nil }
            return ["title": type.pluralName, "href": paths.href(from: folder, to: paths.listFolder(of: type)),
                    "description": type.introduction, "count": shown(count, sensitive: Self.isSensitive(type)).text]
        }
        addHomeDashboard(to: &view, from: folder)
        return OutputFile(path: "index.html", text: templates.render("home", view))
    }

    /// `404.html` is served at any depth, so its links start from the root of `base_url`'s path.
    func notFoundPage() -> OutputFile {
        var view = pageKeys(folder: "", title: "Page not found", heading: "Page not found", currentSection: nil, breadcrumbs: [])
        let root = config.baseURL.flatMap { URLPath.path(of: $0) } ?? "/"
        view = Self.rebase(view, root: root)
        return OutputFile(path: "404.html", text: templates.render("notfound", view))
    }

    /// Prefixes every relative `href` in a view model with `root`.
    static func rebase(_ value: [String: Any], root: String) -> [String: Any] {
        value.mapValues { rebaseValue($0, root: root) }
    }

    private static func rebaseValue(_ value: Any, root: String) -> Any {
        if let dictionary = value as? [String: Any] {
            var result = dictionary.mapValues { rebaseValue($0, root: root) }
            for key in ["href", "homeHref", "stylesheet"] {
                if let href = dictionary[key] as? String, !href.contains("://"), !href.hasPrefix("/"), !href.hasPrefix("mailto:") {
                    result[key] = root + (href == "./" ? "" : href)
                }
            }
            return result
        }
        if let array = value as? [Any] { return array.map { rebaseValue($0, root: root) } }
        return value
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

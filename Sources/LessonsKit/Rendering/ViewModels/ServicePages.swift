/// `services/<slug>/index.html` for every directorate and service; a directorate's page rolls up its services.
extension RenderContext {
    func servicePages() -> [OutputFile] {
        data.directorates.flatMap { directorate in
            [unitPage(slug: directorate.slug, title: directorate.title, directorate: directorate, parent: nil)]
                + directorate.services.map { unitPage(slug: $0.slug, title: $0.title, directorate: nil, parent: directorate) }
        }
    }

    /// One service (`parent` set) or directorate (`directorate` set) page.
    func unitPage(slug: String, title: String, directorate: Directorate?, parent: Directorate?) -> OutputFile {
        let folder = "services/\(slug)/"
        var breadcrumbs = [("Home", ""), ("Leads", "leads/")]
        if let parent { breadcrumbs.append((parent.title, "services/\(parent.slug)/")) }
        var view = pageKeys(folder: folder, title: title, heading: title, currentSection: nil, breadcrumbs: breadcrumbs)
        if let parent {
            view["intro"] = "A service of the \(parent.title) directorate."
        } else if let directorate {
            view["intro"] = "A directorate. Its figures include all of its services."
            view["services"] = directorate.services.map { ["title": $0.title, "href": paths.href(from: folder, to: "services/\($0.slug)/")] }
        }
        guard let summary = analysis.units[slug] else { return OutputFile(path: paths.file(for: folder), text: templates.render("unit", view)) }
        var counts: [DocumentType: Int] = [:]
        for document in summary.documents { counts[document.type, default: 0] += 1 }
        view["counts"] = Self.groupedTypeOrder.compactMap { type -> [String: Any]? in
            guard let count = counts[type], count > 0 else { return nil }
            let display = shown(count, sensitive: Self.isSensitive(type))
            return ["label": Self.countLabel(type, display), "text": display.text, "href": "#type-\(type.folder)"]
        }
        view["isEmpty"] = summary.documents.isEmpty
        let id = "unit-\(slug)"
        if summary.incidentCount > 0 {
            let labels = analysis.axis.labels.map(Self.quarterLabel)
            view["trend"] = columnFigure(id: "\(id)-quarters", title: "Incidents per quarter, \(labels.first ?? "") to \(labels.last ?? "")",
                                         labels: labels, values: summary.incidentsPerQuarter, sensitive: true,
                                         valueHeading: "Incidents", labelHeading: "Quarter")
            view["themeMix"] = mixFigure(id: "\(id)-themes", title: "Themes of these incidents", entries: summary.incidentThemes.ranked.prefix(8).map {
                (label: data.theme($0.key)?.title ?? $0.key, href: paths.href(from: folder, to: "themes/\($0.key)/"), value: $0.count)
            }, sensitive: true, valueHeading: "Incidents", labelHeading: "Theme")
            view["suppressionNote"] = suppressionNote
            view["hasSuppression"] = smallNumbers.threshold != nil
        }
        if !summary.openActions.isEmpty {
            view["openActions"] = actionTable(id: "unit-actions", caption: "Open and in-progress actions of \(title), soonest due first",
                                              items: summary.openActions, from: folder)
        }
        let units = directorate.map { $0.services.map(\.slug) } ?? [slug]
        let leads = units.flatMap { unit in data.leads.filter { $0.service == unit } } + (directorate.map { d in data.leads.filter { $0.service == d.slug } } ?? [])
        view["leads"] = leads.map { leadItem($0) }
        view["uncovered"] = (directorate?.services ?? []).filter { service in !data.leads.contains { $0.service == service.slug } }
            .map { ["title": $0.title, "href": paths.href(from: folder, to: "services/\($0.slug)/")] }
        view["hasNoLead"] = leads.isEmpty
        view["leadsHref"] = paths.href(from: folder, to: "leads/")
        view["groups"] = Self.groupedTypeOrder.compactMap { type -> [String: Any]? in
            let items = summary.documents.filter { $0.type == type && ($0.supersededBy == nil || $0.isDraft) }
            guard !items.isEmpty else { return nil }
            return ["title": type.pluralName, "slug": type.folder, "items": items.map { card($0, from: folder) }]
        }
        return OutputFile(path: paths.file(for: folder), text: templates.render("unit", view))
    }

    /// `{ name, role, serviceText, email?, sinceText? }`
    func leadItem(_ lead: Lead) -> [String: Any] {
        var item: [String: Any] = ["name": lead.name, "role": lead.role, "serviceText": unitName(lead.service)]
        item["email"] = lead.email
        item["sinceText"] = lead.since.map { "Lead since \(PartialDate(year: $0.year, month: $0.month).displayText)" }
        return item
    }
}

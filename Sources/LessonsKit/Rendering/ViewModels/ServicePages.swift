/// `services/<slug>/index.html` for every directorate and service; a directorate's page rolls up its services.
struct ServicePages: Sendable {
    let frame: PageFrame
    let templates: TemplateSet
    let links: DocumentLinks
    let figures: FigureBuilder
    let actions: ActionViews
    let data: SiteData
    let units: UnitAnalysis
    let axis: QuarterAxis
    /// The pages' input keys, when the last build's pages can be reused (see ``AggregateInputs``).
    var keys: AggregateInputs? = nil
    var paths: SitePaths { links.paths }

    /// Each directorate's page, then its services' (the renderer makes them as separate tasks, see ``pageUnits``).
    func files() -> [OutputFile] {
        pageUnits.map(unitPage)
    }

    /// A directorate's or service's page to make (see ``unitPage(slug:title:directorate:parent:)``).
    struct Unit: Sendable {
        let slug: String
        let title: String
        let directorate: Directorate?
        let parent: Directorate?
    }

    /// Every directorate's page, each followed by its services' pages.
    var pageUnits: [Unit] {
        data.directorates.flatMap { directorate in
            [Unit(slug: directorate.slug, title: directorate.title, directorate: directorate, parent: nil)]
                + directorate.services.map {
                    Unit(slug: $0.slug, title: $0.title, directorate: nil, parent: directorate)
                }
        }
    }

    func unitPage(_ unit: Unit) -> OutputFile {
        unitPage(slug: unit.slug, title: unit.title, directorate: unit.directorate, parent: unit.parent)
    }

    /// One service (`parent` set) or directorate (`directorate` set) page.
    func unitPage(slug: String, title: String, directorate: Directorate?, parent: Directorate?) -> OutputFile {
        let path = paths.file(for: "services/\(slug)/")
        func model() -> Page<UnitBody> { unitModel(slug: slug, title: title, directorate: directorate, parent: parent) }
        guard let keys else { return templates.page(path, "unit", model()) }
        return templates.page(
            path, "unit", inputs: keys.unitPage(slug: slug, title: title, summary: units[slug]), model)
    }

    func unitModel(slug: String, title: String, directorate: Directorate?, parent: Directorate?) -> Page<UnitBody> {
        let folder = "services/\(slug)/"
        var breadcrumbs = [("Home", ""), ("Leads", "leads/")]
        if let parent { breadcrumbs.append((parent.title, "services/\(parent.slug)/")) }
        var view = UnitBody()
        func render() -> Page<UnitBody> {
            frame.page(view, folder: folder, title: title, currentSection: nil, breadcrumbs: breadcrumbs)
        }
        if let parent {
            view.intro = "A service of the \(parent.title) directorate."
        } else if let directorate {
            view.intro = "A directorate. Its figures include all of its services."
            view.services = directorate.services.map {
                PageLink(title: $0.title, href: paths.href(from: folder, to: "services/\($0.slug)/"))
            }
        }
        guard let summary = units[slug] else { return render() }
        var counts: [DocumentType: Int] = [:]
        for document in summary.documents { counts[document.type, default: 0] += 1 }
        view.counts = DocumentLinks.groupedTypeOrder.compactMap { type -> LabelledCount? in
            guard let count = counts[type], count > 0 else { return nil }
            let display = figures.shown(count, sensitive: DocumentLinks.isSensitive(type))
            return LabelledCount(
                label: DocumentLinks.countLabel(type, display), text: display.text, href: "#type-\(type.folder)")
        }
        view.isEmpty = summary.documents.isEmpty
        let id = "unit-\(slug)"
        if summary.incidentCount > 0 {
            let labels = axis.labels.map(FigureBuilder.quarterLabel)
            view.trend = figures.columnFigure(
                id: "\(id)-quarters", title: "Incidents per quarter, \(labels.first ?? "") to \(labels.last ?? "")",
                labels: labels, values: summary.incidentsPerQuarter, sensitive: true,
                valueHeading: "Incidents", labelHeading: "Quarter")
            view.themeMix = figures.mixFigure(
                id: "\(id)-themes", title: "Themes of these incidents",
                entries: summary.incidentThemes.ranked.prefix(8).map {
                    (
                        label: data.theme($0.key)?.title ?? $0.key,
                        href: paths.href(from: folder, to: "themes/\($0.key)/"), value: $0.count
                    )
                }, sensitive: true, valueHeading: "Incidents", labelHeading: "Theme")
            view.suppressionNote = figures.suppressionNote
            view.hasSuppression = figures.smallNumbers.threshold != nil
        }
        if !summary.openActions.isEmpty {
            view.openActions = actions.actionTable(
                id: "unit-actions", caption: "Open and in-progress actions of \(title), soonest due first",
                items: summary.openActions, from: folder)
        }
        let unitSlugs = directorate.map { $0.services.map(\.slug) } ?? [slug]
        let leads =
            unitSlugs.flatMap { unit in data.leads.filter { $0.service == unit } }
            + (directorate.map { d in data.leads.filter { $0.service == d.slug } } ?? [])
        view.leads = leads.map { links.leadItem($0) }
        view.uncovered = (directorate?.services ?? []).filter { service in
            !data.leads.contains { $0.service == service.slug }
        }
        .map { PageLink(title: $0.title, href: paths.href(from: folder, to: "services/\($0.slug)/")) }
        view.hasNoLead = leads.isEmpty
        view.leadsHref = paths.href(from: folder, to: "leads/")
        view.groups = links.typeGroups(summary.documents, from: folder)
        return render()
    }

}

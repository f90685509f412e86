/// `leads/index.html`: the Learning Lessons Leads network by directorate and service, and which services have no lead.
struct LeadsPage: Sendable {
    let frame: PageFrame
    let templates: TemplateSet
    let links: DocumentLinks
    let coverage: LeadsCoverage
    /// The page's input key, when the last build's page can be reused (see ``AggregateInputs``).
    var keys: AggregateInputs? = nil
    var paths: SitePaths { links.paths }

    func file() -> OutputFile {
        // The page shows the data files only (leads, directorates, services).
        templates.aggregatePage(paths.file(for: "leads/"), "leads", inputs: keys?.inputs("leads 1"), model)
    }

    func model() -> Page<LeadsBody> {
        let folder = "leads/"
        let covered = coverage.serviceCount - coverage.uncovered.count
        let body = LeadsBody(
            intro:
                "Leads share learning in their teams and bring their teams’ learning to the sessions. \(coverage.leadCount) \(coverage.leadCount == 1 ? "Lead covers" : "Leads cover") \(covered) of \(coverage.serviceCount) services.",
            uncovered: coverage.uncovered.map {
                PageLink(title: $0.title, href: paths.href(from: folder, to: "services/\($0.slug)/"))
            },
            directorates: coverage.directorates.map { entry in
                .init(
                    title: entry.directorate.title, slug: entry.directorate.slug,
                    href: paths.href(from: folder, to: "services/\(entry.directorate.slug)/"),
                    coverageText: "\(entry.covered) of \(entry.services.count) services have a Lead",
                    isFullyCovered: entry.covered == entry.services.count,
                    leads: entry.leads.map(links.leadItem),
                    services: entry.services.map { service in
                        .init(
                            title: service.service.title,
                            href: paths.href(from: folder, to: "services/\(service.service.slug)/"),
                            leads: service.leads.map(links.leadItem), hasNoLead: service.leads.isEmpty)
                    })
            })
        return frame.page(
            body, folder: folder, title: "Learning Lessons Leads", currentSection: folder, breadcrumbs: [("Home", "")])
    }
}

/// Links from a page to the documents, themes and services of its edition: cards, short links, link items that turn
/// into plain text for documents the edition does not publish, and the grouping lists and dashboards share.
struct DocumentLinks: Sendable {
    let content: EditionContent
    let data: SiteData
    let paths: SitePaths

    /// What replaces a link to a document that this edition does not publish: nothing that hints at it.
    static let unpublishedText = "(not published in this edition)"

    /// Types in the order a theme or service page groups its documents: lessons first.
    static let groupedTypeOrder: [DocumentType] = [
        .lesson, .practice, .incident, .review, .debrief, .external, .session, .bulletin, .culture, .page,
    ]

    /// Counts of incidents and debriefs are about people; they follow the small-number rule.
    static func isSensitive(_ type: DocumentType) -> Bool { type == .incident || type == .debrief }

    /// "1 Lesson", "3 Lessons", "fewer than 5 Incidents".
    static func countLabel(_ type: DocumentType, _ count: DisplayCount) -> String {
        guard count.value == 1 && !count.isSuppressed else { return type.pluralName }
        return type == .session ? "Session" : type.displayName
    }

    /// A relative link from the page in `folder` to a site folder or file.
    func href(from folder: String, to target: String) -> String { paths.href(from: folder, to: target) }

    /// A relative link from the page in `folder` to a document's page.
    func href(from folder: String, to document: Document) -> String {
        paths.href(from: folder, to: paths.folder(of: document))
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
            title: document.title, href: href(from: folder, to: document),
            typeName: document.type.displayName,
            isDraft: document.isDraft, themes: themeLinks(document, from: folder), meta: meta,
            dateText: document.date?.displayText,
            summary: document.summary, keyMessages: keyMessages)
    }

    func themeLinks(_ document: Document, from folder: String) -> [ThemeLink] {
        document.themes.compactMap { slug in
            guard let theme = data.theme(slug) else { return nil }
            return ThemeLink(title: theme.title, href: href(from: folder, to: "themes/\(slug)/"), slug: slug)
        }
    }

    /// `{ title, href, typeName, dateText }` for short lists of documents.
    func link(_ document: Document, from folder: String) -> DocumentLink {
        DocumentLink(
            title: document.title, href: href(from: folder, to: document),
            typeName: document.type.displayName,
            dateText: document.date?.displayText ?? "")
    }

    /// A link to another document of this edition, or plain text when it is not published here.
    func linkItem(_ id: String, from folder: String) -> LinkedText {
        guard let target = content.document(id) else { return LinkedText(text: Self.unpublishedText) }
        return LinkedText(text: "\(target.title) (\(target.id))", href: href(from: folder, to: target))
    }

    /// `service` slug → title, with a readable fallback for documents without a service.
    func unitName(_ slug: String) -> String {
        slug.isEmpty ? "No service recorded" : data.unitTitle(slug) ?? slug
    }

    func unitHref(_ slug: String, from folder: String) -> String? {
        slug.isEmpty || data.unitTitle(slug) == nil ? nil : href(from: folder, to: "services/\(slug)/")
    }

    /// Links from a dashboard to its CSV exports.
    func csvLinks(_ links: [(title: String, path: String)], from folder: String) -> [PageLink] {
        links.map { PageLink(title: $0.title, href: href(from: folder, to: $0.path)) }
    }

    /// The documents of a theme or service page as cards grouped by type, lessons first.
    func typeGroups(_ documents: [Document], from folder: String) -> [TypeGroup] {
        Self.groupedTypeOrder.compactMap { type -> TypeGroup? in
            let items = documents.filter { $0.type == type && ($0.supersededBy == nil || $0.isDraft) }
            guard !items.isEmpty else { return nil }
            return TypeGroup(
                title: type.pluralName, slug: type.folder,
                items: LazyRows(items, keepsFragments: true) { card($0, from: folder) })
        }
    }

    /// Cards grouped by year, in the documents' order.
    func groupByYear(_ documents: [Document], from folder: String) -> [YearGroup] {
        var groups: [(year: String, documents: [Document])] = []
        for document in documents {
            let year = document.date.map { String($0.year) } ?? "Undated"
            if groups.last?.year == year {
                groups[groups.count - 1].documents.append(document)
            } else {
                groups.append((year, [document]))
            }
        }
        return groups.map { group in
            YearGroup(
                year: group.year,
                items: LazyRows(group.documents, keepsFragments: true) { card($0, from: folder) })
        }
    }

    /// Derived links: documents of this edition that point at this one, grouped by how they point.
    func related(_ document: Document, from folder: String) -> [RelatedGroup] {
        var groups: [RelatedGroup] = []
        for backlink in content.graph.backlinks(to: document.id) {
            guard let source = content.document(backlink.source) else { continue }
            let heading = Self.backlinkHeading(source: source.type, field: backlink.field, target: document.type)
            let item = link(source, from: folder)
            if let index = groups.firstIndex(where: { $0.heading == heading }) {
                if !groups[index].items.contains(where: { $0.href == item.href }) { groups[index].items.append(item) }
            } else {
                groups.append(RelatedGroup(heading: heading, items: [item]))
            }
        }
        return groups
    }

    static func backlinkHeading(source: DocumentType, field: String, target: DocumentType) -> String {
        switch (source, field) {
        case (.lesson, "sources"): target == .incident ? "Lessons from this incident" : "Lessons drawing on this"
        case (.session, "discussed"): "Discussed at"
        case (.bulletin, _): "Featured in"
        case (.debrief, "incident"): "Debriefs after this incident"
        case (.review, "incidents"): "Thematic reviews"
        case (.culture, "previous"): "Later assessment"
        case (_, "superseded_by"): "Replaces"
        default: "Mentioned in"
        }
    }

    /// `{ name, role, serviceText, email?, sinceText? }`
    func leadItem(_ lead: Lead) -> LeadItem {
        LeadItem(
            name: lead.name, role: lead.role, serviceText: unitName(lead.service), email: lead.email,
            sinceText: lead.since.map { "Lead since \(PartialDate(year: $0.year, month: $0.month).displayText)" })
    }
}

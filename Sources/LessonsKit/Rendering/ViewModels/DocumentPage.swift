/// Builds the page of one document: view model, rendered body, attachments to copy and the problems found.
extension RenderContext {
    struct RenderedPage: Sendable {
        var files: [OutputFile]
        var diagnostics: [Diagnostic]
    }

    func documentPage(_ document: Document) -> RenderedPage {
        let folder = paths.folder(of: document)
        var diagnostics: [Diagnostic] = []
        var files: [OutputFile] = []
        let body = renderBody(document, folder: folder, diagnostics: &diagnostics, copiedFiles: &files)
        let videos = videoViews(document, folder: folder, diagnostics: &diagnostics, copiedFiles: &files)
        var doc = DocumentModel(
            id: document.id, title: document.title, typeName: document.type.displayName, typeSlug: document.type.folder,
            isDraft: document.isDraft, facts: facts(document, from: folder), themes: themeLinks(document, from: folder),
            bodyHTML: body,
            related: related(document, from: folder) + relatedLessonsGroup(document, from: folder),
            dateText: document.date?.displayText, summary: document.summary)
        doc.videos = videos.isEmpty ? nil : videos
        for reference in document.frontMatterReferences
        where content.document(reference.id.value) == nil && knownIds.contains(reference.id.value.lowercased()) {
            if let warning = outsideEditionWarning(reference.id.value, at: reference.id.location) {
                diagnostics.append(warning)
            }
        }
        if let replacement = document.supersededBy, content.document(replacement.value) != nil {
            let item = linkItem(replacement.value, from: folder)
            doc.supersededBy = PageLink(title: item.text, href: item.href ?? "")
        }
        if let reviewBy = document.reviewBy, reviewBy < today {
            doc.reviewNotice =
                "This guidance was due for review on \(reviewBy.displayText). Check with the patient safety team that it is still current."
        }
        if !document.actions.isEmpty {
            doc.hasActions = true
            doc.actions = document.actions.map(actionRow)
        }
        switch document.details {
        case .lesson(let lesson):
            doc.keyMessages = lesson.keyMessages
            if templates.has("poster") {
                files.append(posterPage(document, keyMessages: lesson.keyMessages, bodyHTML: body))
                doc.posterHref = "poster.html"
            }
        case .session(let session):
            doc.speakers = session.speakers.map { .init(name: $0.name ?? "", role: $0.role ?? "") }
            doc.quotes = session.quotes
            doc.materials = session.materials.map {
                .init(title: $0.title, href: ExternalURL.isSafe($0.url) ? $0.url : "")
            }
            if let date = document.date, date > today { doc.isUpcoming = true }
        case .culture(let culture):
            doc.levels = levels(culture, document: document, from: folder)
        default:
            break
        }
        var breadcrumbs = [("Home", "")]
        if document.type != .page {
            breadcrumbs.append((document.type.pluralName, paths.listFolder(of: document.type)))
        }
        let view = page(
            DocumentBody(doc: doc), folder: folder, title: document.title,
            currentSection: document.type == .page
                ? folder : paths.listFolder(of: document.type), breadcrumbs: breadcrumbs)
        files.append(OutputFile(path: paths.file(for: folder), text: templates.render("document", view)))
        return RenderedPage(files: files, diagnostics: diagnostics)
    }

    func actionRow(_ action: Action) -> ActionRow {
        ActionRow(
            id: action.id, action: action.action, owner: action.owner, dueText: action.due.displayText,
            statusText: action.status.label, statusClass: "status-\(action.status.rawValue)",
            isOverdue: action.isOverdue(on: today),
            strengthText: action.strength.map(Vocabulary.label), evidence: action.evidence, reason: action.reason,
            completedText: action.completed?.displayText)
    }

    func levels(_ culture: CultureDetails, document: Document, from folder: String) -> CultureLevels? {
        guard let framework = config.frameworks[culture.framework] else { return nil }
        var previousLevels: [String: String] = [:]
        var previousLink: CultureLevels.Previous?
        if let previousId = culture.previous?.value, let previous = content.document(previousId),
            case .culture(let earlier) = previous.details
        {
            previousLevels = earlier.levels
            previousLink = .init(
                title: previous.title, href: paths.href(from: folder, to: paths.folder(of: previous)),
                dateText: previous.date?.displayText ?? "")
        }
        let rows = framework.dimensions.map { dimension -> CultureLevels.Row in
            let level = culture.levels[dimension.slug] ?? "–"
            var row = CultureLevels.Row(
                dimension: dimension.title, level: level, levelName: framework.levelNames[level] ?? "",
                levelClass: "level-\(level.lowercased())")
            if let before = previousLevels[dimension.slug], before != level {
                let order = framework.levels
                let direction = (order.firstIndex(of: level) ?? 0) > (order.firstIndex(of: before) ?? 0) ? "up" : "down"
                row.changeText = "\(direction == "up" ? "Moved up" : "Moved down") from \(before)"
            } else if previousLevels[dimension.slug] != nil {
                row.changeText = "No change"
            }
            if content.edition.includesGovernance, let spread = culture.spread[dimension.slug] {
                row.spreadText = framework.levels.map { "\($0): \(spread[$0] ?? 0)" }.joined(separator: ", ")
            }
            return row
        }
        return CultureLevels(frameworkTitle: framework.title, rows: rows, previous: previousLink)
    }

    /// Derived links: documents of this edition that point at this one, grouped by how they point.
    func related(_ document: Document, from folder: String) -> [RelatedGroup] {
        var groups: [RelatedGroup] = []
        for link in content.graph.backlinks(to: document.id) {
            guard let source = content.document(link.source) else { continue }
            let heading = backlinkHeading(source: source.type, field: link.field, target: document.type)
            let item = self.link(source, from: folder)
            if let index = groups.firstIndex(where: { $0.heading == heading }) {
                if !groups[index].items.contains(where: { $0.href == item.href }) { groups[index].items.append(item) }
            } else {
                groups.append(RelatedGroup(heading: heading, items: [item]))
            }
        }
        return groups
    }

    func backlinkHeading(source: DocumentType, field: String, target: DocumentType) -> String {
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
}

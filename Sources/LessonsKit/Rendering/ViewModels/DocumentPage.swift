/// Builds the page of one document: view model, rendered body, attachments to copy and the problems found.
struct DocumentPages: Sendable {
    let frame: PageFrame
    let templates: TemplateSet
    let links: DocumentLinks
    let actions: ActionViews
    let bodies: BodyRenderer
    let facts: DocumentFacts
    /// Lesson posters, when the theme has a poster template.
    let posters: PosterPages?
    let relatedLessons: RelatedLessons
    let frameworks: [String: Framework]
    let includesGovernance: Bool
    let today: PartialDate
    /// ``reuseBaseInputs(sources:)`` for the build's sources, made once per edition.
    var reuseBase: PageInputs?
    var paths: SitePaths { links.paths }
    var content: EditionContent { links.content }

    func page(_ document: Document) -> RenderedPage {
        // A page made from the same inputs as in the last build is taken from it as it is, with its problems.
        let inputs = templates.reuse?.sources.flatMap { reuseInputs(document, sources: $0) }
        let path = paths.file(for: paths.folder(of: document))
        if let inputs, let reused = templates.reuse?.reusedDocument(path: path, inputs: inputs) { return reused }
        let built = build(document)
        if let inputs, let reuse = templates.reuse { reuse.record(built, path: path, inputs: inputs) }
        return built
    }

    private func build(_ document: Document) -> RenderedPage {
        let folder = paths.folder(of: document)
        var diagnostics: [Diagnostic] = []
        var files: [OutputFile] = []
        let body = bodies.renderBody(document, folder: folder, diagnostics: &diagnostics, copiedFiles: &files)
        let videos = bodies.videoViews(document, folder: folder, diagnostics: &diagnostics, copiedFiles: &files)
        var doc = DocumentModel(
            id: document.id, title: document.title, typeName: document.type.displayName, typeSlug: document.type.folder,
            isDraft: document.isDraft, facts: facts.list(document, from: folder),
            themes: links.themeLinks(document, from: folder),
            bodyHTML: body,
            related: links.related(document, from: folder) + relatedLessonsGroup(document, from: folder),
            dateText: document.date?.displayText, summary: document.summary)
        doc.videos = videos.isEmpty ? nil : videos
        for reference in document.frontMatterReferences
        where content.document(reference.id.value) == nil && bodies.knownIds.contains(reference.id.value.lowercased()) {
            if let warning = bodies.outsideEditionWarning(reference.id.value, at: reference.id.location) {
                diagnostics.append(warning)
            }
        }
        if let replacement = document.supersededBy, content.document(replacement.value) != nil {
            let item = links.linkItem(replacement.value, from: folder)
            doc.supersededBy = PageLink(title: item.text, href: item.href ?? "")
        }
        if let reviewBy = document.reviewBy, reviewBy < today {
            doc.reviewNotice =
                "This guidance was due for review on \(reviewBy.displayText). Check with the patient safety team that it is still current."
        }
        if !document.actions.isEmpty {
            doc.hasActions = true
            doc.actions = document.actions.map(actions.actionRow)
        }
        switch document.details {
        case .lesson(let lesson):
            doc.keyMessages = lesson.keyMessages
            if let posters {
                files.append(posters.page(document, keyMessages: lesson.keyMessages, bodyHTML: body.html))
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
        let view = frame.page(
            DocumentBody(doc: doc), folder: folder, title: document.title,
            currentSection: document.type == .page
                ? folder : paths.listFolder(of: document.type), breadcrumbs: breadcrumbs)
        files.append(templates.page(paths.file(for: folder), "document", view))
        return RenderedPage(files: files, diagnostics: diagnostics)
    }

    func levels(_ culture: CultureDetails, document: Document, from folder: String) -> CultureLevels? {
        guard let framework = frameworks[culture.framework] else { return nil }
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
            if includesGovernance, let spread = culture.spread[dimension.slug] {
                row.spreadText = framework.levels.map { "\($0): \(spread[$0] ?? 0)" }.joined(separator: ", ")
            }
            return row
        }
        return CultureLevels(frameworkTitle: framework.title, rows: rows, previous: previousLink)
    }

    /// "Related lessons" on a lesson page, in the same shape as the page's other related groups.
    func relatedLessonsGroup(_ document: Document, from folder: String) -> [RelatedGroup] {
        guard document.type == .lesson else { return [] }
        let items = relatedLessons.related(to: document).compactMap(content.document).map {
            links.link($0, from: folder)
        }
        return items.isEmpty ? [] : [RelatedGroup(heading: "Related lessons", items: items)]
    }
}

/// The files of a page (the page, its attachments, a poster) and the problems found while rendering it.
struct RenderedPage: Sendable {
    var files: [OutputFile]
    var diagnostics: [Diagnostic]
}

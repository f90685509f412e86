/// One list page per type (with the learning-response mix on the incidents list) and the 404 page.
struct ListPages: Sendable {
    let frame: PageFrame
    let templates: TemplateSet
    let links: DocumentLinks
    let figures: FigureBuilder
    let content: EditionContent
    /// The edition's aggregates: the response mix is read only when the incidents list is built.
    let analysis: EditionAnalysis
    /// The path part of `base_url` (`/` without one): the 404 page's links start there.
    let rootPath: String
    /// The pages' input keys, when the last build's pages can be reused (see ``AggregateInputs``).
    var keys: AggregateInputs? = nil
    var paths: SitePaths { links.paths }

    func listPage(_ type: DocumentType) -> OutputFile {
        let path = paths.file(for: paths.listFolder(of: type))
        guard let keys else { return templates.page(path, "list", listModel(type)) }
        return templates.page(path, "list", inputs: keys.listPage(type, documents: content.documents(of: type))) {
            listModel(type)
        }
    }

    func listModel(_ type: DocumentType) -> Page<ListBody> {
        let folder = paths.listFolder(of: type)
        let documents = content.documents(of: type).filter { $0.supersededBy == nil || $0.isDraft }
        let body = ListBody(
            intro: type.introduction, years: links.groupByYear(documents, from: folder), isEmpty: documents.isEmpty,
            responseMix: type == .incident ? responseMixModel(from: folder) : nil)
        return frame.page(
            body, folder: folder, title: type.pluralName, currentSection: folder, breadcrumbs: [("Home", "")])
    }

    /// The learning-response mix by quarter for `incidents/index.html`: a bar chart of the whole period and a table by quarter.
    func responseMixModel(from folder: String) -> ResponseMixModel? {
        let mix = analysis.responseMix
        guard !mix.responses.isEmpty else { return nil }
        let labels = mix.axis.labels.map(FigureBuilder.quarterLabel)
        var columnHasHidden = [Bool](repeating: false, count: mix.responses.count)
        let rows = zip(labels, mix.counts).compactMap { label, counts -> ResponseMixModel.Row? in
            guard counts.contains(where: { $0 > 0 }) else { return nil }
            let shownCounts = figures.shownRow(counts, sensitive: true)
            for (index, count) in shownCounts.enumerated() where count.isSuppressed { columnHasHidden[index] = true }
            return .init(label: label, cells: shownCounts.map(CountCell.init))
        }
        // A column total beside a hidden quarter would reveal it, so such totals are hidden too.
        let totals = zip(figures.shownRow(mix.responses.map { mix.totals[$0] }, sensitive: true), columnHasHidden).map {
            count, hidden in
            hidden && !count.isSuppressed && figures.smallNumbers.threshold != nil
                ? DisplayCount(value: count.value, isSuppressed: true, text: "not shown") : count
        }
        let totalFigure = figures.shownMixFigure(
            id: "response-mix", title: "Learning responses, \(labels.first ?? "") to \(labels.last ?? "")",
            entries: mix.responses.map { (label: Vocabulary.label($0), href: nil) }, counts: totals,
            valueHeading: "Incidents", labelHeading: "Learning response")
        return ResponseMixModel(
            figure: totalFigure, headers: mix.responses.map(Vocabulary.label), rows: rows,
            hasSuppression: figures.smallNumbers.threshold != nil, suppressionNote: figures.suppressionNote)
    }

    /// `404.html` is served at any depth, so its links start from the root of `base_url`'s path.
    func notFoundPage() -> OutputFile {
        let chrome = frame.chrome(
            folder: "", title: "Page not found", heading: "Page not found", currentSection: nil, breadcrumbs: [],
            root: rootPath)
        return OutputFile(path: "404.html", html: templates.render("notfound", Page(chrome: chrome, body: NoBody())))
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

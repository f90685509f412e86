import Crypto

/// The input keys of an edition's aggregate pages (theme, service, list and dashboard pages, the home page), with which
/// ``PageReuse`` takes such a page from the last build without even building its model (see
/// ``TemplateSet/page(_:_:inputs:_:)``).
///
/// Every key starts with what all of them read: the page frame, the site's inputs that are not documents (settings,
/// `site.yaml`, data files, theme, static files, attachments: ``ReuseSources/site``) and today. Then each page adds the
/// documents it shows, each by its listing digest (``DocumentListing``: every field but the body), in the order the
/// page's analysis gives them, and whatever figures it shows that are not one of its documents' fields. So a body edit
/// reaches no aggregate page, and a title, theme or action change reaches exactly the pages listing that document.
struct AggregateInputs: Sendable {
    /// The kind every aggregate page's inputs start with.
    static let kind = "aggregate 1"
    private let base: PageInputs
    /// Each document's listing digest, by path.
    private let listings: [String: Digest32]
    /// The digest of every document's listing, in the edition's order: pages that read the whole edition use it.
    private let edition: [UInt8]
    /// What a list of actions shows of every document with actions, in the edition's order
    /// (``DocumentListing/actionsDigest(_:)``), worked out once for the two keys that read it (the actions dashboard and
    /// `data/actions.csv`), and only when one of them is asked for.
    private let actionDigests: Deferred<[Digest32]>

    /// The keys of `content`'s aggregate pages, given the listing digest (``DocumentListing/digest(_:)``) of each of
    /// its documents in order, worked out beforehand in pieces (see ``listingPieces(_:size:)``), and how to have a
    /// document's actions digest (``DocumentListing/actionsDigest(_:)``, or as the cache stored it).
    init(
        frame: PageFrame, sources: ReuseSources, today: PartialDate, content: EditionContent,
        listings digests: [Digest32],
        actionDigests actionDigest: @escaping @Sendable (Document) -> Digest32 = DocumentListing.actionsDigest
    ) {
        var base = PageInputs(kind: Self.kind)
        base.add(frame: frame)
        base.add(bytes: sources.site)
        DocumentListing.add(today, to: &base)
        self.base = base
        var listings: [String: Digest32] = [:]
        listings.reserveCapacity(content.documents.count)
        var edition = PageInputs(kind: "edition 1")
        edition.add(content.documents.count)
        for (document, digest) in zip(content.documents, digests) {
            listings[document.path] = digest
            edition.add(digest: digest)
        }
        self.listings = listings
        self.edition = Array(SHA256.hash(data: edition.bytes))
        let documents = content.documents
        actionDigests = Deferred { documents.filter { !$0.actions.isEmpty }.map(actionDigest) }
    }

    /// The edition's documents cut into pieces of about `size`, whose listing digests can be worked out apart and
    /// joined in order for ``init(frame:sources:today:content:listings:)``.
    static func listingPieces(_ content: EditionContent, size: Int = 1000) -> [Range<Int>] {
        let count = content.documents.count
        return stride(from: 0, to: count, by: max(size, 1)).map { $0..<min($0 + max(size, 1), count) }
    }

    /// The key's start for a page of `kind` (a name and a version, e.g. `"theme 1"`).
    func inputs(_ kind: String) -> PageInputs {
        var inputs = base
        inputs.add(kind)
        return inputs
    }

    /// The key of a page that reads (or may read) any document of the edition: the home page, learning reports.
    func wholeEdition(_ kind: String) -> PageInputs {
        var inputs = inputs(kind)
        inputs.add(bytes: edition)
        return inputs
    }

    /// Adds `documents` in order, each by its listing digest.
    func add(_ documents: [Document], to inputs: inout PageInputs) {
        inputs.add(documents.count)
        for document in documents {
            // Every document of the edition has a digest; one from elsewhere counts by its own listing.
            inputs.add(digest: listings[document.path] ?? DocumentListing.digest(document))
        }
    }
}

extension AggregateInputs {
    /// A theme's page: the theme, and the documents, reviews and spotlight bulletins its analysis gives it (the page's
    /// counts, trend, mixes and open actions are all made from those documents' fields; titles, the theme tree and the
    /// services' names come from the data files, in the site's digest).
    func themePage(_ theme: Theme, summary: ThemeAnalysis.Summary?) -> PageInputs {
        var inputs = inputs("theme 1")
        inputs.add([theme.slug, theme.title])
        inputs.add(summary != nil)
        if let summary {
            add(summary.documents, to: &inputs)
            add(summary.reviews, to: &inputs)
            add(summary.spotlightBulletins, to: &inputs)
        }
        return inputs
    }

    /// `themes/index.html`: each theme's counts by type, incidents per quarter and latest activity (its ranking).
    func themesIndex(_ themes: ThemeAnalysis, order: [Theme]) -> PageInputs {
        var inputs = inputs("themes 1")
        inputs.add(order.count)
        for theme in order {
            inputs.add(theme.slug)
            guard let summary = themes[theme.slug] else {
                inputs.add(false)
                continue
            }
            inputs.add(true)
            inputs.add(summary.documents.isEmpty)
            inputs.add(DocumentType.allCases.map { String(summary.countsByType[$0] ?? 0) })
            inputs.add(summary.incidentsPerQuarter.map(String.init))
            DocumentListing.add(summary.latestActivity, to: &inputs)
        }
        return inputs
    }

    /// A service's or directorate's page: the unit and the documents its analysis gives it.
    func unitPage(slug: String, title: String, summary: UnitAnalysis.Summary?) -> PageInputs {
        var inputs = inputs("unit 1")
        inputs.add([slug, title])
        inputs.add(summary != nil)
        if let summary { add(summary.documents, to: &inputs) }
        return inputs
    }

    /// A type's list page: every document of the type, newest first (the incidents' response mix is made from them).
    func listPage(_ type: DocumentType, documents: [Document]) -> PageInputs {
        var inputs = inputs("list 1")
        inputs.add(type.rawValue)
        add(documents, to: &inputs)
        return inputs
    }

    /// A learning report: it reads any document of the edition, for its period, and links to its PDF or not.
    func reportPage(_ period: MonthPeriod, hasPDF: Bool) -> PageInputs {
        var inputs = wholeEdition("report 1")
        DocumentListing.add(period.from, to: &inputs)
        DocumentListing.add(period.to, to: &inputs)
        inputs.add(hasPDF)
        return inputs
    }

    /// `sessions/index.html`: every session, and the themes of each document a session discussed.
    func sessionsDashboard(_ content: EditionContent) -> PageInputs {
        var inputs = inputs("sessions 1")
        let sessions = content.documents(of: .session)
        add(sessions, to: &inputs)
        for session in sessions {
            guard case .session(let details) = session.details else { continue }
            for id in details.discussed {
                let themes = content.document(id.value)?.themes
                inputs.add(themes != nil)
                inputs.add(themes ?? [])
            }
        }
        return inputs
    }

    /// `culture/index.html`: every culture assessment (a `previous` that is not one counts as none).
    func cultureDashboard(_ content: EditionContent) -> PageInputs {
        var inputs = inputs("culture 1")
        add(content.documents(of: .culture), to: &inputs)
        return inputs
    }

    /// `actions/index.html`: what the dashboard shows of every document with actions (``DocumentListing/actionsDigest(_:)``).
    func actionsDashboard() -> PageInputs {
        var inputs = inputs("actions 1")
        addActions(to: &inputs)
        return inputs
    }

    /// Adds what a list of actions shows of every document with actions (``DocumentListing/actionsDigest(_:)``).
    private func addActions(to inputs: inout PageInputs) {
        for digest in actionDigests.value { inputs.add(digest: digest) }
    }
}

extension AggregateInputs {
    /// `data/actions.csv`: each document with actions, its id, title and service, and every action (the overdue column
    /// reads today, in every key).
    func actionsTable() -> PageInputs {
        var inputs = inputs("actions table 1")
        addActions(to: &inputs)
        return inputs
    }

    /// `data/incidents.csv`: every incident of the edition.
    func incidentsTable(_ content: EditionContent) -> PageInputs {
        var inputs = inputs("incidents table 1")
        add(content.documents(of: .incident), to: &inputs)
        return inputs
    }

    /// `data/incidents-by-theme.csv`: each theme's incidents per quarter (its title comes from the data files, the
    /// quarters' labels from today and the suppression from the edition's settings, all in every key).
    func themesTable(_ themes: ThemeAnalysis, order: [Theme]) -> PageInputs {
        var inputs = inputs("themes table 1")
        inputs.add(order.count)
        for theme in order {
            inputs.add(theme.slug)
            let summary = themes[theme.slug]
            inputs.add(summary != nil)
            inputs.add(summary?.incidentsPerQuarter.map(String.init) ?? [])
        }
        return inputs
    }

    /// `data/sessions.csv`: every session (held ones are those dated up to today).
    func sessionsTable(_ content: EditionContent) -> PageInputs {
        var inputs = inputs("sessions table 1")
        add(content.documents(of: .session), to: &inputs)
        return inputs
    }

    /// `data/culture.csv`: every culture assessment (a `previous` that is not one counts as none).
    func cultureTable(_ content: EditionContent) -> PageInputs {
        var inputs = inputs("culture table 1")
        add(content.documents(of: .culture), to: &inputs)
        return inputs
    }
}

extension TemplateSet {
    /// A dashboard or home page: through its input key when `inputs` is given (see ``page(_:_:inputs:_:)``), else
    /// rendered from its model.
    func aggregatePage<Model>(_ path: String, _ template: String, inputs: PageInputs?, _ model: () -> Model)
        -> OutputFile
    {
        guard let inputs else { return OutputFile(page: path, html: render(template, model())) }
        return page(path, template, inputs: inputs, model)
    }
}

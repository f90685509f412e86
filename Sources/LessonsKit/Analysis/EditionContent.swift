/// The documents one edition publishes, with lookups and the link graph computed from them alone.
///
/// Everything derived for an edition (lists, backlinks, counts) starts here, so nothing outside it can leak in.
struct EditionContent: Sendable {
    let edition: Edition
    let documents: [Document]
    let graph: LinkGraph
    private let byId: [String: Document]
    /// Each type's documents, newest first, sorted once per edition.
    private let byType: [DocumentType: [Document]]

    /// Selects the documents of `corpus` whose audience the edition includes; drafts only when `includeDrafts`.
    init(corpus: Corpus, edition: Edition, includeDrafts: Bool) {
        self.edition = edition
        var seen: Set<String> = []
        let selected = corpus.documents.filter { document in
            edition.audiences.contains(document.audience) && (includeDrafts || !document.isDraft)
                && seen.insert(document.slug).inserted
        }
        self.documents = selected
        self.byId = Dictionary(selected.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        self.graph = LinkGraph(documents: selected)
        self.byType = Dictionary(grouping: selected, by: \.type).mapValues { $0.sorted(by: Document.newestFirst) }
    }

    func document(_ id: String) -> Document? { byId[id.lowercased()] }

    /// Documents of one type, newest first (then by id), as lists show them.
    func documents(of type: DocumentType) -> [Document] {
        byType[type] ?? []
    }
}

extension Document {
    /// Newest first; undated documents last; ties broken by id so order never depends on the file system.
    static func newestFirst(_ a: Document, _ b: Document) -> Bool {
        switch (a.date, b.date) {
        case (let x?, let y?) where x != y: return x > y
        case (nil, _?): return false
        case (_?, nil): return true
        default: return a.id < b.id
        }
    }
}

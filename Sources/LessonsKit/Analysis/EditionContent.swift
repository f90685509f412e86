/// The documents one edition publishes, with lookups and the link graph computed from them alone.
///
/// Everything derived for an edition (lists, backlinks, counts) starts here, so nothing outside it can leak in.
struct EditionContent: Sendable {
    let edition: Edition
    let documents: [Document]
    private let deferredGraph: Deferred<LinkGraph>
    private let byId: [String: Document]
    /// The documents newest first, and each type's, sorted once per edition when first read.
    private let sorted: Deferred<NewestFirst>
    /// The open actions, soonest due first, sorted once per edition when first read.
    private let deferredOpenActions: Deferred<[ActionItem]>
    /// The completed actions with their dates, most recently completed first, sorted once per edition when first read.
    private let deferredCompletedActions: Deferred<[ActionItem]>

    /// A document with one of its actions.
    typealias ActionItem = (document: Document, action: Action)

    private struct NewestFirst: Sendable {
        let all: [Document]
        let byType: [DocumentType: [Document]]
    }

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
        deferredGraph = Deferred { LinkGraph(documents: selected) }
        sorted = Deferred {
            let all = selected.sortedNewestFirst()
            return NewestFirst(all: all, byType: Dictionary(grouping: all, by: \.type))
        }
        deferredOpenActions = Deferred {
            Self.actions(of: selected, where: \.isOpen).sorted(onKey: Self.dueKey, by: <)
        }
        deferredCompletedActions = Deferred {
            Self.actions(of: selected) { $0.status == .completed && $0.completed != nil }
                .sorted(onKey: Self.completedKey, by: Self.completedFirst)
        }
    }

    /// Each action of `documents` that satisfies `include`, with its document, in the documents' order.
    private static func actions(of documents: [Document], where include: (Action) -> Bool) -> [ActionItem] {
        var items: [ActionItem] = []
        for document in documents {
            for action in document.actions where include(action) { items.append((document, action)) }
        }
        return items
    }

    /// The links between the edition's documents, worked out when first read: only document and bulletin pages need
    /// them, so the renderer has them made beside the edition's analysis rather than before it.
    var graph: LinkGraph { deferredGraph.value }

    /// The edition's documents, newest first (``Document/newestFirst(_:_:)``): a list built by walking these in order
    /// and picking some comes out in the same order as sorting the picked ones would give.
    var newestFirst: [Document] { sorted.value.all }

    /// Open or in-progress actions of the edition's documents, soonest due first, then by document id and action id
    /// (``dueKey(_:)``). Picking some of them in this order gives what sorting the picked ones would,
    /// documents' own order breaking any tie, as a stable sort of them in document order does.
    var openActions: [ActionItem] { deferredOpenActions.value }

    /// Completed actions that have their completion date, most recently completed first, then by document id and action
    /// id (``completedFirst(_:_:)``): the actions dashboard and every bulletin pick from these.
    var completedActions: [ActionItem] { deferredCompletedActions.value }

    /// The date an action is ordered by, then its document's id and its own.
    typealias ActionKey = (date: PartialDate, document: String, action: String)

    /// An action's place soonest due first (compared with `<`).
    static func dueKey(_ item: ActionItem) -> ActionKey {
        (item.action.due, item.document.id, item.action.id)
    }

    /// An action's place most recently completed first (an action without its completion date by its due date).
    static func completedKey(_ item: ActionItem) -> ActionKey {
        (item.action.completed ?? item.action.due, item.document.id, item.action.id)
    }

    /// Newest date first, then by document id, then by action id.
    static func completedFirst(_ a: ActionKey, _ b: ActionKey) -> Bool {
        (b.date, a.document, a.action) < (a.date, b.document, b.action)
    }

    func document(_ id: String) -> Document? { byId[id.lowercased()] }

    /// Documents of one type, newest first (then by id), as lists show them.
    func documents(of type: DocumentType) -> [Document] {
        sorted.value.byType[type] ?? []
    }
}

extension Document {
    /// Newest first; undated documents last; ties broken by id so order never depends on the file system.
    static func newestFirst(_ a: Document, _ b: Document) -> Bool {
        newestFirst((a.date, a.id), (b.date, b.id))
    }

    /// ``newestFirst(_:_:)`` on a document's date and id.
    fileprivate static func newestFirst(_ a: (date: PartialDate?, id: String), _ b: (date: PartialDate?, id: String))
        -> Bool
    {
        switch (a.date, b.date) {
        case (let x?, let y?) where x != y: return x > y
        case (nil, _?): return false
        case (_?, nil): return true
        default: return a.id < b.id
        }
    }
}

extension Sequence<Document> {
    /// The documents in ``Document/newestFirst(_:_:)`` order, each date and id read once rather than at every
    /// comparison (an edition's ten thousand documents are sorted so on every build).
    func sortedNewestFirst() -> [Document] {
        sorted(onKey: { (date: $0.date, id: $0.id) }, by: Document.newestFirst)
    }
}

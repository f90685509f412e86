/// Every document of the site (all audiences, drafts included), in path order, with lookup by id.
struct Corpus: Sendable {
    let documents: [Document]
    private let indexById: [String: Int]
    /// Lower-cased ids of files that declare an id but could not be decoded; references to them are not errors of their own.
    let unavailableIds: Set<String>

    /// True when some content could not be read at all, so any id might belong to it: unknown references are then
    /// consequences of that error, not problems of their own.
    let isIncomplete: Bool

    init(documents: [Document], unavailableIds: Set<String> = [], isIncomplete: Bool = false) {
        self.unavailableIds = unavailableIds
        self.isIncomplete = isIncomplete
        self.documents = documents.sorted { $0.path < $1.path }
        var index: [String: Int] = [:]
        for (position, document) in self.documents.enumerated() where index[document.slug] == nil {
            index[document.slug] = position
        }
        self.indexById = index
    }

    /// The document with this id, ignoring case (the first one by path if the id is duplicated).
    func document(_ id: String) -> Document? {
        indexById[id.lowercased()].map { documents[$0] }
    }

    var ids: [String] { documents.map(\.id) }

    /// The same documents without what only validation reads (see ``Document/withoutValidationInputs()``), for the
    /// stages after validation.
    func withoutValidationInputs() -> Corpus {
        Corpus(
            documents: documents.map { $0.withoutValidationInputs() }, unavailableIds: unavailableIds,
            isIncomplete: isIncomplete)
    }
}

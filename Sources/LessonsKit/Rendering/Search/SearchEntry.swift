/// One document as the search index holds it: what a result shows, what filters test and the weighted text to match.
struct SearchEntry: Sendable, Hashable {
    /// A piece of the document's text and how much a match in it counts.
    struct Field: Sendable, Hashable {
        let weight: Int
        let text: String

        init(_ weight: Int, _ text: String) {
            self.weight = weight
            self.text = text
        }
    }

    let title: String
    /// The page's folder relative to the site root (`lessons/ll-2026-001/`).
    let folder: String
    let type: DocumentType
    let dateText: String
    let summary: String
    /// Filter keys the document belongs to (`type-lessons`, `theme-falls`, `service-ward-1`, `year-2025`).
    let facets: [String]
    /// The weighted text (empty once an index has scored it: ``SearchIndex`` keeps only what the files show).
    var fields: [Field]

    /// Lets go of the weighted text, once scored.
    mutating func dropFields() {
        fields = []
    }

}

/// How much a match counts, by where it is: title over summary over the rest, so ties fall back to recency.
enum SearchWeight {
    static let title = 8
    static let summary = 4
    static let label = 2
    static let body = 1
}

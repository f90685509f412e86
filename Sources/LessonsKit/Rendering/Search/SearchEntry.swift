/// One document as the search index holds it: what a result shows, what filters test and the weighted text to match.
public struct SearchEntry: Sendable, Hashable {
    /// A piece of the document's text and how much a match in it counts.
    public struct Field: Sendable, Hashable {
        public let weight: Int
        public let text: String

        public init(_ weight: Int, _ text: String) {
            self.weight = weight
            self.text = text
        }
    }

    public let title: String
    /// The page's folder relative to the site root (`lessons/ll-2026-001/`).
    public let folder: String
    public let type: DocumentType
    public let dateText: String
    public let summary: String
    /// Filter keys the document belongs to (`type-lessons`, `theme-falls`, `service-ward-1`, `year-2025`).
    public let facets: [String]
    public let fields: [Field]

    public init(
        title: String, folder: String, type: DocumentType, dateText: String, summary: String, facets: [String],
        fields: [Field]
    ) {
        self.title = title
        self.folder = folder
        self.type = type
        self.dateText = dateText
        self.summary = summary
        self.facets = facets
        self.fields = fields
    }
}

/// How much a match counts, by where it is: title over summary over the rest, so ties fall back to recency.
public enum SearchWeight {
    public static let title = 8
    public static let summary = 4
    public static let label = 2
    public static let body = 1
}

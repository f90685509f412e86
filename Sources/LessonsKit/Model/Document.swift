/// One published piece of content, typed and validated, with the location of each field for later diagnostics.
///
/// A document has many fields and is copied often (sorted, filtered, grouped by theme and service, paired with its
/// actions), so its fields live in one shared, immutable box: a copy is one reference, not one per field. It is
/// still a value: nothing can change a document's fields after it is made, except `videos`, stored beside the box.
struct Document: Sendable, Hashable {
    private let storage: SharedFields<Fields>
    /// Video clips beside the document (`videos:`), each with captions.
    var videos: [Video]

    init(
        id: String, type: DocumentType, title: String, date: PartialDate?, summary: String?, themes: [String],
        service: String?, audience: String, isDraft: Bool, privacy: PrivacyReview?, governance: [GovernanceField],
        actions: [Action], reviewBy: PartialDate?, supersededBy: Located<String>?, details: DocumentDetails,
        body: String, bodyFirstLine: Int, path: String, fieldLocations: FieldLocations,
        bodyReferences: [Located<String>], frontMatter: YAMLNode, videos: [Video] = []
    ) {
        storage = SharedFields(
            fields: Fields(
                id: id, slug: id.lowercased(), type: type, title: title, date: date, summary: summary, themes: themes,
                service: service, audience: audience, isDraft: isDraft, privacy: privacy, governance: governance,
                actions: actions, reviewBy: reviewBy, supersededBy: supersededBy, details: details, body: body,
                bodyFirstLine: bodyFirstLine, path: path, fieldLocations: fieldLocations,
                bodyReferences: bodyReferences, frontMatter: frontMatter))
        self.videos = videos
    }

    private init(storage: SharedFields<Fields>, videos: [Video]) {
        self.storage = storage
        self.videos = videos
    }

    /// The same document without what only validation reads: its front-matter tree and its Markdown source (`body`
    /// becomes empty). Once the site is validated, pages are rendered from the body's one parse (`LoadedSite.bodies`),
    /// and a problem found later that needs the source reads the file again (see ``LinkCheckStage/sourceBody(of:site:)``).
    func withoutValidationInputs() -> Document {
        var fields = storage.fields
        fields.frontMatter = YAMLNode(.mapping([]), at: SourceLocation(file: fields.path))
        fields.body = ""
        return Document(storage: SharedFields(fields: fields), videos: videos)
    }

    var id: String { storage.fields.id }
    var type: DocumentType { storage.fields.type }
    var title: String { storage.fields.title }
    var date: PartialDate? { storage.fields.date }
    var summary: String? { storage.fields.summary }
    var themes: [String] { storage.fields.themes }
    var service: String? { storage.fields.service }
    var audience: String { storage.fields.audience }
    var isDraft: Bool { storage.fields.isDraft }
    var privacy: PrivacyReview? { storage.fields.privacy }
    var governance: [GovernanceField] { storage.fields.governance }
    var actions: [Action] { storage.fields.actions }
    var reviewBy: PartialDate? { storage.fields.reviewBy }
    var supersededBy: Located<String>? { storage.fields.supersededBy }
    var details: DocumentDetails { storage.fields.details }
    /// The Markdown body.
    var body: String { storage.fields.body }
    /// The line of the file on which the body starts.
    var bodyFirstLine: Int { storage.fields.bodyFirstLine }
    /// The site-relative path of the file.
    var path: String { storage.fields.path }
    /// Where each front-matter field was written, by key.
    var fieldLocations: [String: SourceLocation] { storage.fields.fieldLocations.all(file: path) }
    /// Ids named in the body with `[[ID]]` or `[text](ID)`, located in the file.
    var bodyReferences: [Located<String>] { storage.fields.bodyReferences }
    /// The front matter as parsed, with every value's location (for checks that look at every string, such as privacy).
    var frontMatter: YAMLNode { storage.fields.frontMatter }

    static func == (lhs: Document, rhs: Document) -> Bool {
        (lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields) && lhs.videos == rhs.videos
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(storage.fields)
        hasher.combine(videos)
    }

    /// Every field but `videos`.
    private struct Fields: Sendable, Hashable {
        let id: String
        /// `id` in lower case, worked out once: lists, lookups and links ask for it many times over.
        let slug: String
        let type: DocumentType
        let title: String
        let date: PartialDate?
        let summary: String?
        let themes: [String]
        let service: String?
        let audience: String
        let isDraft: Bool
        let privacy: PrivacyReview?
        let governance: [GovernanceField]
        let actions: [Action]
        let reviewBy: PartialDate?
        let supersededBy: Located<String>?
        let details: DocumentDetails
        var body: String
        let bodyFirstLine: Int
        let path: String
        let fieldLocations: FieldLocations
        let bodyReferences: [Located<String>]
        var frontMatter: YAMLNode
    }

    /// The id as used in paths and URLs.
    var slug: String { storage.fields.slug }

    /// Location of a field, or nil when the document has no such field.
    func location(ofField field: String) -> SourceLocation? {
        storage.fields.fieldLocations.location(of: field, file: path)
    }

    /// Location of a field, or of the file's start when the field is absent.
    func location(of field: String) -> SourceLocation {
        location(ofField: field) ?? SourceLocation(file: path)
    }

    /// Every id this document names in its front matter, with the field it came from and the types allowed there.
    var frontMatterReferences: [FrontMatterReference] {
        var refs: [FrontMatterReference] = []
        func add(_ items: [Located<String>], _ field: String, _ types: [DocumentType]) {
            refs += items.map { FrontMatterReference(id: $0, field: field, allowedTypes: types) }
        }
        if let supersededBy { add([supersededBy], "superseded_by", [type]) }
        switch details {
        case .lesson(let d): add(d.sources, "sources", [.incident, .debrief, .review, .external, .practice])
        case .session(let d):
            add(d.discussed, "discussed", [.lesson, .incident, .review, .external, .practice, .debrief])
        case .bulletin(let d):
            add(d.lead.map { [$0] } ?? [], "lead", [.lesson])
            add(d.lessons, "lessons", [.lesson])
            add(d.practice, "practice", [.practice])
            add(d.external, "external", [.external])
        case .debrief(let d): add(d.incident.map { [$0] } ?? [], "incident", [.incident])
        case .review(let d): add(d.incidents, "incidents", [.incident])
        case .culture(let d): add(d.previous.map { [$0] } ?? [], "previous", [.culture])
        case .incident, .practice, .external, .page: break
        }
        return refs
    }
}

/// An id named in a front-matter field.
struct FrontMatterReference: Sendable, Hashable {
    let id: Located<String>
    let field: String
    let allowedTypes: [DocumentType]
}

/// Who checked the document for identifying details, and when.
struct PrivacyReview: Sendable, Hashable {
    let reviewedBy: String
    let reviewedOn: PartialDate?
    /// Exact text exempt from privacy checks in this document.
    let allow: [String]
}

/// A field under `governance:`, shown only in editions that include the governance audience.
struct GovernanceField: Sendable, Hashable {
    let key: String
    let value: String
}

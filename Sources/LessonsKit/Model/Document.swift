/// One published piece of content, typed and validated, with the location of each field for later diagnostics.
struct Document: Sendable, Hashable {
    let id: String
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
    /// The Markdown body.
    let body: String
    /// The line of the file on which the body starts.
    let bodyFirstLine: Int
    /// The site-relative path of the file.
    let path: String
    /// Where each front-matter field was written, by key.
    let fieldLocations: [String: SourceLocation]
    /// Ids named in the body with `[[ID]]` or `[text](ID)`, located in the file.
    let bodyReferences: [Located<String>]
    /// The front matter as parsed, with every value's location (for checks that look at every string, such as privacy).
    let frontMatter: YAMLNode
    /// The body's text without markup (links left as written), from the one cmark parse at decoding: search and
    /// feed summaries use it, so they never parse the body again.
    let bodyText: String
    /// Video clips beside the document (`videos:`), each with captions.
    var videos: [Video] = []

    /// The id as used in paths and URLs.
    var slug: String { id.lowercased() }

    /// Location of a field, or of the file's start when the field is absent.
    func location(of field: String) -> SourceLocation {
        fieldLocations[field] ?? SourceLocation(file: path)
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

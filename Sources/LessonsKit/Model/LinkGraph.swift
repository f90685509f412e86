/// The references between a set of documents, and the reverse links derived from them.
///
/// References are written in one direction only; the generator derives the reverse ("Lessons from this incident").
struct LinkGraph: Sendable {
    /// A reference from one document to another, by the field that names it (`body` for links in the Markdown).
    struct Link: Sendable, Hashable {
        let source: String
        let target: String
        let field: String
    }

    /// Links pointing at each document, by lower-cased target id, in source order.
    private let incoming: [String: [Link]]

    /// Builds the graph over `documents`, keeping only references whose target is among them.
    init(documents: [Document]) {
        let known = Set(documents.map(\.slug))
        var incoming: [String: [Link]] = [:]
        for document in documents {
            var seen: Set<String> = []
            let named =
                document.frontMatterReferences.map { ($0.id.value, $0.field) }
                + document.bodyReferences.map { ($0.value, "body") }
            for (target, field) in named {
                let key = target.lowercased()
                guard known.contains(key), key != document.slug, seen.insert(key + "|" + field).inserted else {
                    continue
                }
                incoming[key, default: []].append(Link(source: document.slug, target: key, field: field))
            }
        }
        self.incoming = incoming
    }

    /// Links that point at the document with this id.
    func backlinks(to id: String) -> [Link] {
        incoming[id.lowercased()] ?? []
    }
}

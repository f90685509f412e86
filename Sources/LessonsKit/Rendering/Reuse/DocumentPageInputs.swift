import Crypto

extension DocumentPages {
    /// Everything a document's page (and its poster) is made from, for ``PageReuse/reusedDocument(path:inputs:)``:
    /// the frame, the site's other inputs (settings, site.yaml, data, theme, static files, attachments: see
    /// ``ReuseSources``), today, the document's own file and git dates, and for every document it names, that names it
    /// or that it lists as a related lesson, that document's file — or, for an id the edition does not publish, whether
    /// the site knows it and whether it is a draft. Nil when a file's digest is unknown: the page is then built.
    func reuseInputs(_ document: Document, sources: ReuseSources) -> PageInputs? {
        var inputs = reuseBase ?? reuseBaseInputs(sources: sources)
        guard let own = sources.files[document.path] else { return nil }
        inputs.add(document.path)
        inputs.add(own)
        let history = facts.gitHistory[document.path]
        inputs.add(history.map { "\($0.firstPublished.displayText) \($0.lastUpdated.displayText)" })
        func addDocument(_ id: String) -> Bool {
            inputs.add(id)
            guard let target = content.document(id) else {
                inputs.add(false)
                inputs.add(bodies.knownIds.contains(id.lowercased()))
                inputs.add(bodies.draftIds.contains(id.lowercased()))
                return true
            }
            guard let digest = sources.files[target.path] else { return false }
            inputs.add(true)
            inputs.add(target.path)
            inputs.add(digest)
            return true
        }
        let named =
            document.frontMatterReferences.map { ($0.id.value, $0.field) }
            + document.bodyReferences.map { ($0.value, "body") }
        inputs.add(named.count)
        for (id, field) in named {
            inputs.add(field)
            guard addDocument(id) else { return nil }
        }
        let backlinks = content.graph.backlinks(to: document.id)
        inputs.add(backlinks.count)
        for backlink in backlinks {
            inputs.add(backlink.field)
            guard addDocument(backlink.source) else { return nil }
        }
        let related = document.type == .lesson ? relatedLessons.related(to: document) : []
        inputs.add(related.count)
        for id in related {
            guard addDocument(id) else { return nil }
        }
        return inputs
    }

    /// What every document page's inputs start with: the SHA-256 of the frame, the site's other inputs, today and
    /// whether the edition shows governance (kept in ``reuseBase`` once per edition). Those are kilobytes, the same for
    /// every page: each page's key hashes their digest, not them again.
    func reuseBaseInputs(sources: ReuseSources) -> PageInputs {
        var shared = PageInputs(kind: "document base 1")
        shared.add(frame: frame)
        shared.add(bytes: sources.site)
        shared.add("\(today.year)-\(today.month)-\(today.day ?? 0)")
        shared.add(includesGovernance)
        var inputs = PageInputs(kind: "document 2")
        inputs.add(bytes: Array(SHA256.hash(data: shared.bytes)))
        return inputs
    }
}

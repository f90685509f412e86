extension BulletinPages {
    /// The kind of a bulletin form's inputs.
    static let inputsKind = "bulletin 1"

    /// Everything a bulletin's web, print and e-mail forms (and its `.eml`) are made from, for their input keys (see
    /// ``PageInputs``), so that an unchanged bulletin's forms are taken from the last build without building their
    /// models: the frame, the site's other inputs (settings, site.yaml, data, theme, static files, attachments: see
    /// ``ReuseSources``), today, whether the PDF is linked, the foreword and the lead's body as rendered, the spotlight's
    /// figures, and the file of the bulletin and of every document the issue shows (lead, lessons, practice, external,
    /// completed actions, sessions held, next session) and of every document linking to it, in order. Nil when a file's
    /// digest is unknown: the forms are then built and compared by model digest.
    func reuseInputs(
        _ issue: BulletinIssue, forewordHTML: HTMLFragment, hasPDF: Bool, sources: ReuseSources
    ) -> PageInputs? {
        var inputs = PageInputs(kind: Self.inputsKind)
        inputs.add(frame: frame)
        inputs.add(bytes: sources.site)
        inputs.add("\(today.year)-\(today.month)-\(today.day ?? 0)")
        inputs.add(hasPDF)
        inputs.add(forewordHTML.html)
        // The print and e-mail forms render the foreword again, where an id the edition does not publish shows as text.
        let relative = BulletinLinks(paths: paths, folder: paths.folder(of: issue.bulletin), base: nil)
        inputs.add(bodies.bulletinBodyHTML(issue.bulletin, links: relative, headingShift: 0).html)
        func addDocument(_ document: Document) -> Bool {
            guard let digest = sources.files[document.path] else { return false }
            inputs.add(document.path)
            inputs.add(digest)
            return true
        }
        guard addDocument(issue.bulletin) else { return nil }
        inputs.add(issue.lead != nil)
        if let lead = issue.lead {
            guard addDocument(lead) else { return nil }
            // The lead's body as the forms show it: it depends on the documents its references name.
            inputs.add(bodies.bulletinBodyHTML(lead, links: relative, headingShift: 1).html)
        }
        for group in [issue.lessons, issue.practice, issue.external, issue.sessions.map(\.document)] {
            inputs.add(group.count)
            for document in group {
                guard addDocument(document) else { return nil }
            }
        }
        inputs.add(issue.completedActions.count)
        for entry in issue.completedActions {
            guard addDocument(entry.document) else { return nil }
            inputs.add(entry.action.id)
            inputs.add(entry.action.action)
        }
        inputs.add(issue.nextSession != nil)
        if let next = issue.nextSession {
            guard addDocument(next) else { return nil }
        }
        inputs.add(issue.spotlight != nil)
        if let spotlight = issue.spotlight {
            // Its theme's title and description come from the data files (in the site's digest); its counts from the
            // whole edition.
            inputs.add(spotlight.theme.slug)
            for count in spotlight.quarters.map(\.count) + [spotlight.total] {
                inputs.add(count.value)
                inputs.add(count.isSuppressed)
                inputs.add(count.text)
            }
            inputs.add(spotlight.quarters.map(\.label))
        }
        // The web form's "Featured in" and other related links.
        let backlinks = content.graph.backlinks(to: issue.bulletin.id)
        inputs.add(backlinks.count)
        for backlink in backlinks {
            inputs.add(backlink.field)
            inputs.add(backlink.source)
            let source = content.document(backlink.source)
            inputs.add(source != nil)
            if let source {
                guard addDocument(source) else { return nil }
            }
        }
        return inputs
    }
}

/// Markdown of a bulletin's parts (foreword, lead lesson body, support text) rendered with the bulletin's own links.
extension BodyRenderer {
    /// Renders a document's body for a bulletin form: references link to their pages, attachments to their copies beside
    /// the document's page; diagnostics are left to the document's own page. `headingShift` demotes headings (h2 → h3).
    func bulletinBodyHTML(_ document: Document, links: BulletinLinks, headingShift: Int) -> HTMLFragment {
        let documentFolder = document.path.split(separator: "/").dropLast().joined(separator: "/")
        let rendered = preparedBody(document).render { request in
            switch request {
            case .reference(let id):
                if let target = content.document(id) {
                    return .link(href: links.href(paths.folder(of: target)), title: target.title)
                }
                return knownIds.contains(id.lowercased()) ? .plainText(title: id) : .unresolved
            case .relativePath(let path):
                guard
                    let source = Self.normalise(
                        documentFolder + "/" + (path.split(separator: "#").first.map(String.init) ?? path)),
                    attachments.contains(source)
                else { return .unresolved }
                let name = Self.attachmentName(source: source, documentFolder: documentFolder)
                return .link(href: links.href(paths.folder(of: document) + name), title: "")
            }
        }
        let fragment = HTMLFragment(rendered)
        return HTMLFragment(html: Self.shiftingHeadings(fragment.html, by: headingShift), links: fragment.links)
    }

    /// Renders free Markdown (the support text from site.yaml) without document references.
    func bulletinMarkdownHTML(_ markdown: String) -> String {
        MarkdownRenderer.render(markdown, options: options) { _ in .keep }.html
    }

    /// `<h2>` → `<h3>` and so on (at most `<h6>`), so a lesson's sections sit under the bulletin's own headings.
    static func shiftingHeadings(_ html: String, by shift: Int) -> String {
        guard shift > 0 else { return html }
        var result = html
        for level in stride(from: 5, through: 1, by: -1) {
            let target = min(level + shift, 6)
            result = result.replacingOccurrences(of: "<h\(level)", with: "<h\(target)").replacingOccurrences(
                of: "</h\(level)>", with: "</h\(target)>")
        }
        return result
    }
}

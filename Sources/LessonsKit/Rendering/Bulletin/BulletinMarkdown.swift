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
        // One pass over the bytes: each `<hN` and `</hN>` (N from 1 to 5) becomes level min(N + shift, 6), as replacing
        // them level by level from 5 down would.
        var bytes = Array(html.utf8)
        for start in bytes.indices where bytes[start] == UInt8(ascii: "<") {
            let closing = start + 1 < bytes.count && bytes[start + 1] == UInt8(ascii: "/")
            let letter = start + (closing ? 2 : 1)
            let digit = letter + 1
            guard digit < bytes.count, bytes[letter] == UInt8(ascii: "h"),
                (UInt8(ascii: "1")...UInt8(ascii: "5")).contains(bytes[digit]),
                !closing || (digit + 1 < bytes.count && bytes[digit + 1] == UInt8(ascii: ">"))
            else { continue }
            bytes[digit] = UInt8(ascii: "0") + UInt8(min(Int(bytes[digit] - UInt8(ascii: "0")) + shift, 6))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

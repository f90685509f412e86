/// Renders a document's Markdown body with its references resolved within the edition and attachments copied beside the page.
struct BodyRenderer: Sendable {
    let options: MarkdownOptions
    let content: EditionContent
    let paths: SitePaths
    /// Non-Markdown files under content/, for attachment links.
    let attachments: Set<String>
    let siteDirectory: String
    /// Lower-cased ids of every document of the site, in any edition (to tell unknown ids from unpublished ones).
    let knownIds: Set<String>
    /// Lower-cased ids of drafts (links from published documents to them are already errors).
    let draftIds: Set<String>
    let isDraftBuild: Bool
    /// The language of video captions that do not name one.
    let language: String
    /// Each document's body as parsed once when decoded, by content path, until its page is made.
    let prepared: PreparedBodies

    /// The body's one parse (parsed here only for a document that did not come through the decoder, as in tests).
    func preparedBody(_ document: Document) -> PreparedMarkdown {
        prepared[document.path] ?? PreparedMarkdown(document.body, options: options)
    }

    func renderBody(
        _ document: Document, folder: String, diagnostics: inout [Diagnostic], copiedFiles: inout [OutputFile]
    ) -> HTMLFragment {
        var copies: [String: String] = [:]
        let documentFolder = document.path.split(separator: "/").dropLast().joined(separator: "/")
        let rendered = preparedBody(document).render { request in
            switch request {
            case .reference(let id):
                if let target = content.document(id) {
                    return .link(href: paths.href(from: folder, to: paths.folder(of: target)), title: target.title)
                }
                return knownIds.contains(id.lowercased())
                    ? .plainText(title: DocumentLinks.unpublishedText) : .unresolved
            case .relativePath(let path):
                guard
                    let source = Self.normalise(
                        documentFolder + "/" + (path.split(separator: "#").first.map(String.init) ?? path)),
                    self.attachments.contains(source)
                else { return .unresolved }
                let name = Self.attachmentName(source: source, documentFolder: documentFolder)
                copies[name] = source
                return .link(href: name, title: "")
            }
        }
        for problem in rendered.problems {
            let location = SourceLocation(
                file: document.path, line: problem.line + document.bodyFirstLine - 1, column: problem.column)
            if let diagnostic = diagnostic(for: problem.kind, at: location) { diagnostics.append(diagnostic) }
        }
        for (name, source) in copies.sorted(by: { $0.key < $1.key }) {
            copiedFiles.append(OutputFile(path: folder + name, contents: .copy(from: siteDirectory + "/" + source)))
        }
        return HTMLFragment(rendered)
    }

    func diagnostic(for kind: MarkdownProblem.Kind, at location: SourceLocation) -> Diagnostic? {
        switch kind {
        case .unresolvedReference:
            // The reference rule reports unknown ids once, for every edition.
            return nil
        case .linkOutsideEdition(let id):
            return outsideEditionWarning(id, at: location)
        case .unresolvedPath(let path):
            return .error(
                .missingAttachment, "attachment '\(path)' not found beside the document", at: location,
                hint: "put the file in the same folder as the document, or fix the file name")
        case .unsafeLinkScheme(let url):
            return .warning(
                .unsafeLink, "link '\(url)' was removed: only web, e-mail and relative links are allowed", at: location)
        case .imageWithoutAlt(let source):
            return .warning(
                .imageWithoutAlt, "image '\(source)' has no alt text", at: location,
                hint: "describe the image for people who cannot see it: ![what it shows](\(source))")
        case .malformedTable(let reason):
            return .error(
                .malformedTable, "table block cannot be read: \(reason)", at: location,
                hint: "a table block needs a header row, a separator row such as |---|---| and body rows")
        }
    }

    /// The warning for a link to a document this edition leaves out (none for drafts: linking to one is already an error).
    func outsideEditionWarning(_ id: String, at location: SourceLocation) -> Diagnostic? {
        guard !draftIds.contains(id.lowercased()) || isDraftBuild else { return nil }
        return .warning(
            .linkOutsideEdition,
            "link to \(id), which the \(content.edition.name) edition does not publish; shown as plain text",
            at: location, hint: "readers of this edition cannot open \(id); check the documents' audience")
    }

    /// Resolves `.` and `..` in a site-relative path; nil when it climbs out of the site or out of `content/`.
    static func normalise(_ path: String) -> String? {
        guard let joined = RelativePath.join(path, to: ""), joined.hasPrefix("content/") else { return nil }
        return joined
    }
}

/// Checks the planned output of an edition the way the writer will, so that `check` refuses what `build` would, and
/// a content mistake behind it is located at its source instead of failing the write as an internal error.
///
/// A copied attachment or static file that lands on a generated page (`index.html` beside a lesson,
/// `static/index.html` over the home page), two files on one path, a file where a folder must go, or a name the
/// file system cannot hold are errors at the file's link or source.
enum OutputCollisionStage {
    static func check(_ files: [OutputFile], site: LoadedSite) -> [Diagnostic] {
        check(
            entries: files.map { OutputEntry(path: $0.path, copiedFrom: $0.copiedFrom, isPage: $0.isPage, links: nil) },
            site: site)
    }

    /// The same, from what was kept of each file (``OutputEntry``) once its bytes were written. `recorded` lists the
    /// paths the last successful build of the edition wrote (its ``LinkCheckRecord``): when every path is one of them,
    /// in their order, or one added that nothing can collide with (``AddedPaths``), there is nothing to find, since the
    /// problems depend on the paths alone and that build had none.
    static func check(entries files: [OutputEntry], site: LoadedSite, recorded: [String]? = nil) -> [Diagnostic] {
        if let recorded, AddedPaths.safelyAdded(files.map(\.path), recorded: recorded) != nil { return [] }
        let paths = SitePaths(portable: site.config.portable)
        var documentsByFolder: [String: Document] = [:]
        for document in site.corpus.documents { documentsByFolder[paths.folder(of: document)] = document }
        let siteRoot = site.reader.siteDirectory + "/"

        var byPath: [String: [OutputEntry]] = [:]
        var folders: Set<String> = []
        for file in files {
            byPath[file.path, default: []].append(file)
            var prefix = ""
            for component in file.path.split(separator: "/").dropLast() {
                prefix += (prefix.isEmpty ? "" : "/") + component
                folders.insert(prefix)
            }
        }
        var diagnostics: [Diagnostic] = []
        for (path, sharing) in byPath.sorted(by: { $0.key < $1.key }) {
            let copies = sharing.compactMap { file -> String? in
                guard let from = file.copiedFrom, from.hasPrefix(siteRoot) else { return nil }
                return String(from.dropFirst(siteRoot.count))
            }
            let problem: String?
            if sharing.count > 1 {
                problem =
                    copies.count == sharing.count
                    ? "is copied to \(path) together with another file" : "would overwrite the generated file \(path)"
            } else if folders.contains(path) {
                problem = "would take the name of the generated folder \(path)/"
            } else if (try? OutputPathValidator.checkSyntax(path)) == nil {
                problem = "cannot be written: its output name \(path) is not one a file system accepts"
            } else {
                problem = nil
            }
            guard let problem else { continue }
            for source in Set(copies).sorted() {
                diagnostics.append(
                    diagnostic(
                        source: source, problem: problem, path: path, documentsByFolder: documentsByFolder, site: site))
            }
        }
        return diagnostics
    }

    /// The error for one copied file: at the link to it in its document's body when there is one, else at the file.
    private static func diagnostic(
        source: String, problem: String, path: String, documentsByFolder: [String: Document], site: LoadedSite
    ) -> Diagnostic {
        let name = source.split(separator: "/").last.map(String.init) ?? source
        let hint =
            source.hasPrefix("static/")
            ? "rename or move the file in static/: generated pages take precedence"
            : "rename the attachment (and the link to it), or move it into a sub-folder"
        // The document whose page folder holds the path most closely (attachments may sit in sub-folders of it).
        let document = documentsByFolder.filter { path.hasPrefix($0.key) }.max { $0.key.count < $1.key.count }?.value
        if let document, !source.hasPrefix("static/"), let link = location(of: name, in: document, site: site) {
            return .error(.attachmentCollision, "attachment '\(source)' \(problem)", at: link, hint: hint)
        }
        return .error(.attachmentCollision, "'\(source)' \(problem)", at: SourceLocation(file: source), hint: hint)
    }

    /// Where `name` is first written as a link destination (`(name` or `(…/name`) in the document's body.
    private static func location(of name: String, in document: Document, site: LoadedSite) -> SourceLocation? {
        guard let source = LinkCheckStage.sourceBody(of: document, site: site) else { return nil }
        for (index, line) in source.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let range = line.range(of: name), line[..<range.lowerBound].contains("(") else { continue }
            let start = line[..<range.lowerBound].lastIndex(of: "(").map { line.index(after: $0) } ?? range.lowerBound
            return SourceLocation(
                file: document.path, line: source.firstLine + index,
                column: line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: start) + 1)
        }
        return nil
    }
}

import Foundation

/// Makes each bulletin's PDF from its print page with headless Chromium, then re-renders the pages that link to the PDFs.
///
/// Only the writer touches the output folder, so the print pages and the files they use are written to a temporary
/// folder of this stage's own; Chromium prints there and the PDF's bytes come back as ordinary output files.
struct BulletinPDFStage: Sendable {
    /// What the stage produced.
    struct Outcome: Sendable {
        var files: [OutputFile]
        var diagnostics: [Diagnostic] = []
        /// Said once to the editor, not warnings (e.g. "PDFs skipped: Chromium not found").
        var notes: [String] = []
    }

    let mode: BulletinSettings.PDFMode
    let jobs: Int?
    /// The build cache of printed PDFs, or nil to print every PDF.
    var cache: PDFCache?
    /// Told how many PDFs are ready (the terminal's progress line).
    var progress: (@Sendable (BuildProgress) -> Void)?
    var environment: [String: String] = ProcessInfo.processInfo.environment

    /// Seconds one PDF may take (`LESSONS_PDF_TIMEOUT` overrides the default of 90).
    var timeoutSeconds: Int { environment["LESSONS_PDF_TIMEOUT"].flatMap(Int.init).map { max($0, 1) } ?? 90 }

    /// At most three Chromium processes at once: each one is heavy, and two cores are common.
    var concurrency: Int { min(3, max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)) }

    /// Prints the edition's bulletins; `pages` renders again the pages that link to the PDFs made.
    func run(files: [OutputFile], pages: BulletinPages) async -> Outcome {
        let bulletins = pages.content.documents(of: .bulletin)
        guard !bulletins.isEmpty else { return Outcome(files: files) }
        // Without base_url an e-mail's links could not work, so the e-mail forms are left out (see BulletinPages).
        let emailNotes =
            pages.config.baseURL == nil
            ? ["Bulletin e-mails skipped: set base_url in site.yaml (or pass --base-url) so that their links work."]
            : []
        var outcome = await makePDFs(bulletins, files: files, pages: pages)
        outcome.notes = emailNotes + outcome.notes
        return outcome
    }

    private func makePDFs(_ bulletins: [Document], files: [OutputFile], pages: BulletinPages) async -> Outcome {
        guard mode != .off else { return Outcome(files: files) }
        guard let chromium = Chromium.locate(environment: environment) else {
            let how =
                "install Chromium (Debian: apt-get install chromium) or set LESSONS_CHROME to a Chrome or Chromium binary"
            if mode == .required {
                return Outcome(
                    files: files,
                    diagnostics: [
                        .error(
                            .bulletinPDF, "bulletin PDFs are required but Chromium was not found",
                            at: SourceLocation(file: "site.yaml"), hint: how)
                    ])
            }
            return Outcome(files: files, notes: ["Bulletin PDFs skipped: Chromium was not found (\(how))."])
        }
        let printer = PDFPrinter(
            chromium: chromium, concurrency: concurrency, timeoutSeconds: timeoutSeconds, cache: cache,
            progress: progress)
        let jobs = bulletins.map {
            PDFPrinter.Job(
                kind: "bulletin", name: $0.slug, page: BulletinPages.bulletinPrintPath($0.slug),
                date: $0.date ?? PartialDate(year: 2000, month: 1, day: 1))
        }
        let printed: [Result<[UInt8], Chromium.Failure>]
        do {
            printed = try await printer.print(jobs, from: files)
        } catch {
            return Outcome(
                files: files, diagnostics: [failure(bulletins[0], "could not prepare the print pages: \(error)")])
        }
        let results = Array(zip(bulletins, printed))

        var outcome = Outcome(files: files)
        var made: Set<String> = []
        for (bulletin, result) in results {
            switch result {
            case .failure(let reason):
                outcome.diagnostics.append(failure(bulletin, "the PDF of \(bulletin.id) could not be made: \(reason)"))
            case .success(let bytes):
                outcome.files.append(
                    OutputFile(path: BulletinPages.bulletinPDFPath(bulletin.slug), contents: .bytes(bytes)))
                made.insert(bulletin.slug)
                if case .bulletin(let details) = bulletin.details {
                    let pages = PDFFile.pageCount(bytes)
                    if pages > details.maxPages {
                        outcome.diagnostics.append(
                            .warning(
                                .bulletinTooLong,
                                "the print edition of \(bulletin.id) has \(pages) A4 pages, more than max_pages (\(details.maxPages))",
                                at: bulletin.fieldLocations["max_pages"] ?? bulletin.location(of: "id"),
                                hint: "shorten the foreword or the lead lesson, name fewer lessons, or raise max_pages")
                        )
                    }
                }
            }
        }
        guard !made.isEmpty else { return outcome }
        // The web pages and the list were rendered before the PDFs existed: render them again with their PDF links.
        let relinked = Dictionary(
            pages.pagesLinkingPDFs(made).map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        outcome.files = outcome.files.map { relinked[$0.path] ?? $0 }
        return outcome
    }

    private func failure(_ bulletin: Document, _ message: String) -> Diagnostic {
        let hint =
            "check that Chromium runs (set LESSONS_CHROME to another binary if needed), or set bulletin.pdf: auto to publish without it"
        return mode == .required
            ? .error(.bulletinPDF, message, at: bulletin.location(of: "id"), hint: hint)
            : .warning(.bulletinPDF, message, at: bulletin.location(of: "id"), hint: hint)
    }

    /// Each print page and the files it refers to (`href` of style sheets, `src` of images), by path.
    static func printPages(of bulletins: [Document], from files: [OutputFile]) -> [OutputFile] {
        printPages(bulletins.map { BulletinPages.bulletinPrintPath($0.slug) }, from: files)
    }

    /// The pages at `pagePaths` and the files they refer to (`href` of style sheets, `src` of images), by path.
    static func printPages(_ pagePaths: [String], from files: [OutputFile]) -> [OutputFile] {
        printPages(pagePaths, in: Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first }))
    }

    /// The same, from the output files by path (built once by callers that ask for many pages).
    static func printPages(_ pagePaths: [String], in byPath: [String: OutputFile]) -> [OutputFile] {
        var needed: Set<String> = []
        for path in pagePaths {
            guard let page = byPath[path], case .bytes(let bytes) = page.contents else { continue }
            needed.insert(path)
            let base = path.split(separator: "/").dropLast().map(String.init)
            for reference in referencedPaths(String(decoding: bytes, as: UTF8.self)) {
                if let resolved = resolve(reference, from: base), byPath[resolved] != nil { needed.insert(resolved) }
            }
        }
        return needed.sorted().compactMap { byPath[$0] }
    }

    /// Relative `href="…"` and `src="…"` values of a page (no scheme, not `#`, `mailto:` or absolute).
    static func referencedPaths(_ html: String) -> [String] {
        var found: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = Substring(html)
            while let start = rest.range(of: attribute) {
                let value = rest[start.upperBound...].prefix { $0 != "\"" }
                rest = rest[start.upperBound...]
                let path = value.split(separator: "#").first.map(String.init) ?? ""
                if !path.isEmpty, !path.contains(":"), !path.hasPrefix("/") { found.append(path) }
            }
        }
        return found
    }

    static func resolve(_ reference: String, from base: [String]) -> String? {
        RelativePath.join(reference, to: base.joined(separator: "/"))
    }
}

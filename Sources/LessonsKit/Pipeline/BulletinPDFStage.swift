import Foundation

/// Makes each bulletin's PDF from its print page with headless Chromium.
///
/// The bulletin pages were rendered linking to the PDFs planned (``BulletinPages/plannedPDFs``: every bulletin when
/// PDFs are on and Chromium is found), so a build where every PDF is made renders nothing again; a PDF that could not
/// be made has the pages linking to it rendered again without the link.
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

    /// At most three Chromium processes at once: each one is heavy. A print spends about a third of its time waiting
    /// (starting up, loading, writing), so without `--jobs` one more process than there are cores keeps them busy: three
    /// on two cores.
    var concurrency: Int { min(3, max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount + 1)) }

    /// The Chromium that will print, when PDFs are on and one is found: then bulletin pages are rendered linking to
    /// their PDFs.
    var chromiumToPrint: Chromium? {
        mode == .off ? nil : Chromium.locate(environment: environment)
    }

    /// Prints the edition's bulletins; `pages` renders again the pages linking to a planned PDF that was not made.
    func run(files: [OutputFile], pages: BulletinPages) async -> Outcome {
        let bulletins = pages.content.documents(of: .bulletin)
        guard !bulletins.isEmpty else { return Outcome(files: files) }
        // Without base_url an e-mail's links could not work, so the e-mail forms are left out (see BulletinPages).
        let emailNotes =
            pages.config.baseURL == nil
            ? ["Bulletin e-mails skipped: set base_url in site.yaml (or pass --base-url) so that their links work."]
            : []
        var (outcome, made) = await makePDFs(bulletins, files: files)
        outcome.notes = emailNotes + outcome.notes
        outcome.files = Self.linking(made, in: outcome.files, pages: pages)
        return outcome
    }

    /// `files` with the bulletin pages linking to exactly the PDFs `made`: the pages are rendered again only when
    /// those are not the PDFs they were rendered for (a print failed, or no PDF was printed at all).
    static func linking(_ made: Set<String>, in files: [OutputFile], pages: BulletinPages) -> [OutputFile] {
        guard made != pages.plannedPDFs else { return files }
        let relinked = Dictionary(
            pages.pagesLinkingPDFs(made).map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        return files.map { relinked[$0.path] ?? $0 }
    }

    /// The PDFs printed or taken from the cache, and the slugs of the bulletins they belong to.
    private func makePDFs(_ bulletins: [Document], files: [OutputFile]) async -> (Outcome, made: Set<String>) {
        guard mode != .off else { return (Outcome(files: files), []) }
        guard let chromium = chromiumToPrint else {
            let how =
                "install Chromium (Debian: apt-get install chromium) or set LESSONS_CHROME to a Chrome or Chromium binary"
            if mode == .required {
                return (
                    Outcome(
                        files: files,
                        diagnostics: [
                            .error(
                                .bulletinPDF, "bulletin PDFs are required but Chromium was not found",
                                at: SourceLocation(file: "site.yaml"), hint: how)
                        ]), []
                )
            }
            return (Outcome(files: files, notes: ["Bulletin PDFs skipped: Chromium was not found (\(how))."]), [])
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
            let message = "could not prepare the print pages: \(error)"
            return (Outcome(files: files, diagnostics: [failure(bulletins[0], message)]), [])
        }

        var outcome = Outcome(files: files)
        var made: Set<String> = []
        for (bulletin, result) in zip(bulletins, printed) {
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
                                at: bulletin.location(ofField: "max_pages") ?? bulletin.location(of: "id"),
                                hint: "shorten the foreword or the lead lesson, name fewer lessons, or raise max_pages")
                        )
                    }
                }
            }
        }
        return (outcome, made)
    }

    private func failure(_ bulletin: Document, _ message: String) -> Diagnostic {
        let hint =
            "check that Chromium runs (set LESSONS_CHROME to another binary if needed), or set bulletin.pdf: auto to publish without it"
        return mode == .required
            ? .error(.bulletinPDF, message, at: bulletin.location(of: "id"), hint: hint)
            : .warning(.bulletinPDF, message, at: bulletin.location(of: "id"), hint: hint)
    }
}

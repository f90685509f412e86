import Foundation

/// Prints each lesson's page and noticeboard poster, and each learning report, with headless Chromium, as bulletin
/// PDFs are printed: a lesson whose page or poster needs more than one A4 page is a warning located at the lesson
/// ("lesson on a page"); each poster's PDF joins the output as `lessons/<id>/poster.pdf`, each report's beside it.
struct LessonPrintStage: Sendable {
    let mode: BulletinSettings.PDFMode
    let jobs: Int?
    /// The build cache of printed PDFs, or nil to print every PDF.
    var cache: PDFCache?
    /// Told how many PDFs are ready (the terminal's progress line).
    var progress: (@Sendable (BuildProgress) -> Void)?
    var environment: [String: String] = ProcessInfo.processInfo.environment

    fileprivate enum Kind: Sendable {
        case page, poster
        case report(MonthPeriod)
    }

    /// Prints `lessons`' pages and posters and the learning reports; `reportPages` renders the reports again with
    /// their PDF links.
    func run(files: [OutputFile], lessons: [Document], reportPages: ReportPages) async -> BulletinPDFStage.Outcome {
        guard mode != .off else { return BulletinPDFStage.Outcome(files: files) }
        let sitePaths = reportPages.paths
        let paths = Set(files.map(\.path))
        let reports = reportPages.periods.filter {
            paths.contains(sitePaths.file(for: ReportPages.reportFolder($0)))
        }
        guard mode != .off, !lessons.isEmpty || !reports.isEmpty else { return BulletinPDFStage.Outcome(files: files) }
        guard let chromium = Chromium.locate(environment: environment) else {
            return BulletinPDFStage.Outcome(
                files: files, notes: ["Poster PDFs and the lesson-on-a-page check skipped: Chromium was not found."])
        }
        let bulletinStage = BulletinPDFStage(mode: mode, jobs: jobs, environment: environment)
        var jobsToRun: [(Document?, Kind, String)] = []
        for period in reports {
            jobsToRun.append((nil, .report(period), sitePaths.file(for: ReportPages.reportFolder(period))))
        }
        for lesson in lessons {
            let page = sitePaths.file(for: sitePaths.folder(of: lesson))
            if paths.contains(page) { jobsToRun.append((lesson, .page, page)) }
            let poster = PosterPages.posterPath(lesson.slug)
            if paths.contains(poster) { jobsToRun.append((lesson, .poster, poster)) }
        }
        let printer = PDFPrinter(
            chromium: chromium, concurrency: bulletinStage.concurrency, timeoutSeconds: bulletinStage.timeoutSeconds,
            cache: cache, progress: progress)
        let printJobs = jobsToRun.map { job -> PDFPrinter.Job in
            let undated = PartialDate(year: 2000, month: 1, day: 1)
            switch job.1 {
            case .page:
                return PDFPrinter.Job(
                    kind: "lesson page", name: "\(job.0?.slug ?? "")-page", page: job.2, date: job.0?.date ?? undated)
            case .poster:
                return PDFPrinter.Job(
                    kind: "poster", name: "\(job.0?.slug ?? "")-poster", page: job.2, date: job.0?.date ?? undated)
            case .report(let period):
                return PDFPrinter.Job(
                    kind: "report", name: "report-\(period.from)-\(period.to)", page: job.2, date: reportPages.today)
            }
        }
        let results: [Result<[UInt8], Chromium.Failure>]
        do {
            results = try await printer.print(printJobs, from: files)
        } catch {
            return BulletinPDFStage.Outcome(files: files, notes: ["Lesson pages could not be printed: \(error)"])
        }
        var outcome = BulletinPDFStage.Outcome(files: files)
        var reportPDFs: Set<String> = []
        for (job, result) in zip(jobsToRun, results) {
            let (document, kind, _) = job
            if case .report(let period) = kind {
                switch result {
                case .failure(let reason):
                    outcome.notes.append(
                        "The learning report for \(period.displayText) could not be printed: \(reason)")
                case .success(let bytes):
                    outcome.files.append(OutputFile(path: ReportPages.reportPDFPath(period), contents: .bytes(bytes)))
                    reportPDFs.insert(ReportPages.reportPDFPath(period))
                }
                continue
            }
            guard let lesson = document else { continue }
            switch result {
            case .failure(let reason):
                outcome.diagnostics.append(
                    .warning(
                        .bulletinPDF,
                        "the \(kind.isPage ? "print page" : "poster") of \(lesson.id) could not be printed: \(reason)",
                        at: lesson.location(of: "id")))
            case .success(let bytes):
                let pages = PDFFile.pageCount(bytes)
                if pages > 1 {
                    outcome.diagnostics.append(
                        kind.isPage
                            ? .warning(
                                .lessonTooLong, "lesson \(lesson.id) prints on \(pages) A4 pages, not one",
                                at: lesson.location(of: "id"),
                                hint:
                                    "a lesson is a lesson on a page: shorten the body, the summary or the key messages, or make pictures smaller"
                            )
                            : .warning(
                                .posterTooLong, "the poster of \(lesson.id) needs \(pages) A4 pages, not one",
                                at: lesson.location(of: "key_messages"),
                                hint: "shorten the title or the key messages"))
                }
                guard !kind.isPage else { continue }
                outcome.files.append(
                    OutputFile(path: PosterPages.posterPDFPath(lesson.slug), contents: .bytes(bytes)))
            }
        }
        // The report pages were rendered before their PDFs existed: render them again with the PDF link.
        if !reportPDFs.isEmpty {
            let relinked = Dictionary(
                reportPages.files(pdfs: reportPDFs).map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
            outcome.files = outcome.files.map { relinked[$0.path] ?? $0 }
        }
        return outcome
    }
}

extension LessonPrintStage.Kind {
    var isPage: Bool {
        if case .page = self { return true }
        return false
    }
}

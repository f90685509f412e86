import Foundation

/// Prints each lesson's page and noticeboard poster with headless Chromium, as bulletin PDFs are printed: a lesson
/// whose page or poster needs more than one A4 page is a warning located at the lesson ("lesson on a page"), and each
/// poster's PDF joins the output as `lessons/<id>/poster.pdf`.
struct LessonPrintStage: Sendable {
    let mode: BulletinSettings.PDFMode
    let jobs: Int?
    var environment: [String: String] = ProcessInfo.processInfo.environment

    private enum Kind: Sendable { case page, poster }

    func run(files: [OutputFile], context: RenderContext) async -> BulletinPDFStage.Outcome {
        let lessons = context.content.documents(of: .lesson)
        let paths = Set(files.map(\.path))
        guard mode != .off, !lessons.isEmpty else { return BulletinPDFStage.Outcome(files: files) }
        guard let chromium = Chromium.locate(environment: environment) else {
            return BulletinPDFStage.Outcome(files: files, notes: ["Poster PDFs and the lesson-on-a-page check skipped: Chromium was not found."])
        }
        let bulletinStage = BulletinPDFStage(mode: mode, jobs: jobs, environment: environment)
        var jobsToRun: [(Document, Kind, String)] = []
        for lesson in lessons {
            let page = context.paths.file(for: context.paths.folder(of: lesson))
            if paths.contains(page) { jobsToRun.append((lesson, .page, page)) }
            let poster = RenderContext.posterPath(lesson.slug)
            if paths.contains(poster) { jobsToRun.append((lesson, .poster, poster)) }
        }
        let scratch = PrintScratchFolder.make()
        let folder = scratch.path
        defer { scratch.remove() }
        do {
            try scratch.write(BulletinPDFStage.printPages(jobsToRun.map(\.2), from: files))
        } catch {
            return BulletinPDFStage.Outcome(files: files, notes: ["Lesson pages could not be printed: \(error)"])
        }
        let timeout = bulletinStage.timeoutSeconds
        let results = await BulletinPDFStage.boundedMap(jobsToRun, limit: bulletinStage.concurrency) { job -> Result<[UInt8], Chromium.Failure> in
            let name = "\(job.0.slug)-\(job.1 == .page ? "page" : "poster")"
            return await chromium.printPDF(page: folder + "/" + job.2, output: folder + "/pdf-\(name).pdf",
                                           profile: folder + "/profile-\(name)", timeoutSeconds: timeout)
        }
        var outcome = BulletinPDFStage.Outcome(files: files)
        for (job, result) in zip(jobsToRun, results) {
            let (lesson, kind, _) = job
            switch result {
            case .failure(let reason):
                outcome.diagnostics.append(.warning(.bulletinPDF, "the \(kind == .page ? "print page" : "poster") of \(lesson.id) could not be printed: \(reason)",
                                                    at: lesson.location(of: "id")))
            case .success(let bytes):
                let pages = PDFFile.pageCount(bytes)
                if pages > 1 {
                    outcome.diagnostics.append(kind == .page
                        ? .warning(.lessonTooLong, "lesson \(lesson.id) prints on \(pages) A4 pages, not one", at: lesson.location(of: "id"),
                                   hint: "a lesson is a lesson on a page: shorten the body, the summary or the key messages, or make pictures smaller")
                        : .warning(.posterTooLong, "the poster of \(lesson.id) needs \(pages) A4 pages, not one", at: lesson.location(of: "key_messages"),
                                   hint: "shorten the title or the key messages"))
                }
                guard kind == .poster else { continue }
                let date = lesson.date ?? PartialDate(year: 2000, month: 1, day: 1)
                let fixed = PDFFile.replacingSameLength(folder, with: BulletinPDFStage.stableFolderName(folder), in: PDFFile.reproducible(bytes, date: date))
                outcome.files.append(OutputFile(path: RenderContext.posterPDFPath(lesson.slug), contents: .bytes(fixed)))
            }
        }
        return outcome
    }
}

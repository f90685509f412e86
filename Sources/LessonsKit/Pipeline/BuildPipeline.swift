import Foundation

/// The orchestrator: reads as a table of contents of the stages, each timed for `--verbose`.
public enum BuildPipeline {
    /// Validates the site for every edition and writes nothing.
    public static func check(_ options: BuildOptions) async -> BuildReport {
        await run(options, write: false)
    }

    /// Validates, renders and writes the requested edition(s); a failed build leaves the previous output untouched.
    public static func build(_ options: BuildOptions) async -> BuildReport {
        // Two builds of one site take turns (see BuildLock).
        let cache = cacheFolder(options)
        let progress = options.progress
        let lock = await BuildLock.acquire(folder: cache) {
            progress?(BuildProgress(stage: "waiting for another build of this site"))
        }
        defer { lock?.release() }
        return await run(options, write: true)
    }

    /// The build cache folder of the site `options` build.
    private static func cacheFolder(_ options: BuildOptions) -> BuildCacheFolder {
        BuildCacheFolder(
            siteDirectory: SiteReader(siteDirectory: options.siteDirectory).siteDirectory,
            directory: options.cacheDirectory)
    }

    private static func run(_ options: BuildOptions, write: Bool) async -> BuildReport {
        // A build that decodes and renders everything (a first build, `--clean`, `check`) keeps its peak memory down
        // from the start (see MemoryRelease); a rebuild, which holds the last build's tables and renders a few pages,
        // lets the allocator keep what it takes and runs faster.
        let boundsPeakMemory = !write || options.ignoreCache || !cacheFolder(options).holdsRecord
        if boundsPeakMemory { MemoryRelease.configure() } else { MemoryRelease.favourSpeed() }
        var report = BuildReport()
        var clock = StageClock()
        let reader = SiteReader(siteDirectory: options.siteDirectory)

        // 1. Configuration and data files: problems here make the site unusable (exit 2).
        let (loadedConfig, data, configDiagnostics) = LoadedSite.loadConfiguration(reader: reader)
        report.diagnostics += configDiagnostics
        guard var config = loadedConfig else {
            report.documentCount = reader.listContent().documents.count
            return finish(report, status: .unusableConfiguration, options: options)
        }
        if let baseURL = options.baseURL { config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
        if let problem = options.sourceDateEpochProblem() {
            report.failure = problem
            return finish(report, status: .unusableConfiguration, options: options)
        }
        guard let today = options.resolveToday(timezone: config.timezone) else {
            report.failure = "--today must be a date written YYYY-MM-DD, not '\(options.today ?? "")'"
            return finish(report, status: .unusableConfiguration, options: options)
        }
        let editions: [Edition]
        switch selectEditions(options, config: config) {
        case .failure(let error):
            report.failure = error.description
            return finish(report, status: .unusableConfiguration, options: options)
        case .success(let selected): editions = write ? selected : config.editions
        }
        clock.lap("configuration")
        // The theme is read and its templates parsed meanwhile, on another thread (taken at step 4).
        let (themeName, themeReader) = (config.theme, reader)
        let themeStage = Task.detached { ThemeStage(name: themeName, reader: themeReader) }
        // So is the content folder listed (taken at step 2; a build that finds nothing changed never takes it).
        let listingStage = Task.detached { themeReader.listContent() }

        // 1a. Builds only: git dates ("first published", "last updated", one `git log` for the whole site), then the
        // key of every input; when the last build had the same key and its output is intact, there is nothing to do.
        var gitHistory = GitHistory.none
        var incremental: IncrementalBuild?
        if write {
            options.progress?(BuildProgress(stage: "git history"))
            gitHistory = GitHistory.read(siteDirectory: reader.siteDirectory, timezone: config.timezone)
            clock.lap("git history")
            options.progress?(BuildProgress(stage: "input hashes"))
            let cache = IncrementalBuild(
                options: options, config: config, editions: editions, today: today, git: gitHistory,
                siteDirectory: reader.siteDirectory, environment: options.environment)
            incremental = cache
            let outputs = editions.map {
                (edition: $0, folder: outputDirectory(for: $0, options: options, siteDirectory: reader.siteDirectory))
            }
            if let record = cache.unchangedReport(outputs: outputs) {
                cache.storeInputStamps()
                clock.lap("input hashes (unchanged)")
                return reused(record, clock: clock)
            }
            clock.lap("input hashes")
        }

        // 2. Load and decode every document (parallel), checking each on its own as it is decoded; a build takes an
        // unchanged file's result from the decoded-document cache instead.
        // The input files' stamps are stored for the next build's hashing meanwhile (done by the end of step 3).
        let stamping = incremental
        let storingStamps = Task.detached { stamping?.storeInputStamps() }
        let listing = await listingStage.value
        options.progress?(BuildProgress(stage: "load and decode", total: listing.documents.count))
        let validation = ValidationContext(config: config, data: data, today: today)
        var decodedCache = await incremental?.decodedDocuments(
            config: config, today: today, jobs: options.jobs, environment: options.environment)
        let loaded = await LoadedSite.loadDecoded(
            reader: reader, listing: listing, config: config, data: data, jobs: options.jobs,
            checks: DocumentChecks(context: validation), cache: decodedCache)
        let corpus = loaded.corpus
        report.diagnostics += loaded.diagnostics
        report.diagnostics += CaptionFiles.check(
            corpus.documents, siteDirectory: reader.siteDirectory, attachments: listing.attachments)
        report.documentCount = listing.documents.count
        var site = LoadedSite(
            config: config, data: data, corpus: consume corpus, attachments: listing.attachments, reader: reader,
            diagnostics: [])
        site.bodies = loaded.bodies
        site.listingDigests = loaded.listings
        site.supportHTML = config.bulletin.support.map {
            MarkdownRenderer.render(
                $0,
                options: MarkdownOptions(
                    unsafeHTML: config.markdown.unsafeHTML, smartPunctuation: config.markdown.smartPunctuation)
            ) { _ in .keep }.html
        }
        clock.lap("load and decode")
        if decodedCache != nil {
            clock.record("  documents decoded \(loaded.files.filter { !$0.isCached }.count)", seconds: 0)
        }

        site.gitHistory = gitHistory
        if let note = gitHistory.note { report.summaries.append(note) }

        // 3. Validate: the rules across documents over the whole corpus, then each document's own problems (found
        // while decoding, or replayed from the cache).
        // A build stores each read file's result for the next build meanwhile (what the closures hold goes with them).
        let (acrossDocuments, _) = concurrently(
            { [corpus = site.corpus] in ValidationRules.validateAcrossDocuments(corpus, in: validation) },
            { [files = loaded.files, listings = loaded.listings, cache = decodedCache, incremental] in
                if let cache, let incremental {
                    incremental.storeDecoded(cache, listing: listing, files: files, listings: listings)
                }
            })
        report.diagnostics += acrossDocuments + loaded.checkDiagnostics
        clock.lap("validate")
        await storingStamps.value
        // The site holds the only copy of the decoded documents and bodies from here (an async function's locals
        // otherwise live to its end), and the last build's shards are no longer needed. A build that bounds its peak
        // frees them before rendering; a rebuild frees them beside it (at 10k documents, ≈15 ms with nothing beside).
        if boundsPeakMemory {
            _ = consume loaded
            decodedCache = nil
            MemoryRelease.returnFreed()
        } else {
            MemoryRelease.inBackground((consume loaded, decodedCache))
            decodedCache = nil
        }

        // 4. Theme templates (parsed since step 1). Named pipes, devices and unreadable folders in the theme or static/
        // are never opened: each is reported.
        let themed = await themeStage.value
        report.diagnostics += themed.diagnostics
        guard let templates = themed.templates else { return finish(report, status: .contentErrors, options: options) }
        let theme = themed.theme
        clock.lap("templates")

        // 5. Render the editions concurrently from the one parse (documents in parallel within each); a build reuses the
        // last build's bytes of each page whose model did not change.
        options.progress?(BuildProgress(stage: "render", total: site.corpus.documents.count))
        // A build that will print bulletin PDFs renders the bulletin pages with their PDF links from the start (see
        // BulletinPDFStage); Chromium's version, part of each cached PDF's key, is asked meanwhile.
        let bulletinStage = BulletinPDFStage(
            mode: options.requirePDF ? .required : (options.skipPDF ? .off : config.bulletin.pdf), jobs: options.jobs,
            progress: options.progress, environment: options.pdfEnvironment)
        let pdfChromium = write ? bulletinStage.chromiumToPrint : nil
        let pdfCache = write ? incremental.map { PDFCache(folder: $0.folder, reads: !options.ignoreCache) } : nil
        if let pdfChromium { pdfCache?.askVersion(of: pdfChromium) }
        let reuse = incremental.map { cache in
            Dictionary(
                uniqueKeysWithValues: editions.map {
                    (
                        $0.name,
                        cache.pageReuse(
                            edition: $0, theme: theme,
                            output: outputDirectory(for: $0, options: options, siteDirectory: reader.siteDirectory),
                            documents: site.corpus.documents.count)
                    )
                })
        }
        let printMode =
            options.requirePDF ? .required : (options.skipPDF ? BulletinSettings.PDFMode.off : config.printPDF)
        // Pages go to each edition's staging folder as they are rendered (`check` writes nothing); what the print
        // stages read is kept. A rebuild with the build cache stages only new and changed files and updates the output
        // in place; a first build or a `--clean` one makes a whole new folder and swaps it in.
        let updatesInPlace = incremental != nil && !options.ignoreCache
        let outputs = editions.map { edition in
            StagedEdition(
                staging: write
                    ? Result { () throws(OutputError) in
                        try StagingFolder(
                            outputDirectory: outputDirectory(
                                for: edition, options: options, siteDirectory: reader.siteDirectory),
                            siteDirectory: reader.siteDirectory, inPlace: updatesInPlace)
                    } : nil,
                keeps: StagedEdition.keepsForPrinting(
                    bulletins: pdfChromium != nil, lessons: write && printMode != .off))
        }
        // The last successful build's link check of each edition (it also vouches for that build's paths) is read while
        // the pages render, not after them: only the link check needs it, and read there it held up a rebuild (≈15 ms at
        // 10k, with nothing beside it).
        let checkKey = LinkCheckStage.recordKey(site: site)
        let cardStores = incremental  // for after the render (the read below is handed `incremental` itself)
        async let previousChecksRead = editions.map { incremental?.linkCheckRecord(edition: $0, key: checkKey) }
        // Each edition lets go of a body once its page is made (PreparedBodies): the site keeps no copy of them.
        let bodies = editions.map { _ in PreparedBodies(site.bodies) }
        site.bodies = [:]
        let rendered = await renderEditions(
            editions, outputs: outputs, site: site, theme: theme, templates: templates, today: today,
            options: options, reuse: reuse, bulletinPDFs: pdfChromium != nil, bodies: bodies,
            boundsPeakMemory: boundsPeakMemory)
        report.diagnostics += rendered.flatMap(\.diagnostics)
        clock.lap("render")
        clock.record("  of which analysis", seconds: rendered.map(\.analysisSeconds).reduce(0, +))
        if let counts = reuse?.values.map(\.counts) {
            // None when the last build's page digests were missing, untrusted or for another folder: every page renders.
            clock.record(
                "  pages the last build recorded \(reuse?.values.map(\.previous.count).reduce(0, +) ?? 0)", seconds: 0)
            let reused = counts.map(\.reused).reduce(0, +)
            clock.record("  pages reused \(reused)/\(reused + counts.map(\.rendered).reduce(0, +))", seconds: 0)
            clock.record(
                "  pages reused unread \(reuse?.values.map(\.unreadCount).reduce(0, +) ?? 0)", seconds: 0)
            clock.record(
                "  documents not rebuilt \(reuse?.values.map(\.unbuiltDocuments).reduce(0, +) ?? 0)", seconds: 0)
            clock.record(
                "  aggregate pages not rebuilt \(reuse?.values.map(\.unbuiltAggregates).reduce(0, +) ?? 0)", seconds: 0)
            clock.record(
                "  bulletin forms not rebuilt \(reuse?.values.map(\.unbuiltBulletinForms).reduce(0, +) ?? 0)",
                seconds: 0)
            let scores = reuse?.values.compactMap { $0.searchScores?.counts } ?? []
            let reusedScores = scores.map(\.reused).reduce(0, +)
            clock.record(
                "  search entries reused \(reusedScores)/\(reusedScores + scores.map(\.scored).reduce(0, +))",
                seconds: 0)
            let related = reuse?.values.compactMap(\.relatedLessons) ?? []
            clock.record("  related lessons reused \(related.filter(\.reused).count)/\(related.count)", seconds: 0)
            let cards = reuse?.values.compactMap { $0.cardFragments?.counts } ?? []
            let reusedCards = cards.map(\.reused).reduce(0, +)
            clock.record(
                "  cards reused \(reusedCards)/\(reusedCards + cards.map(\.rendered).reduce(0, +))", seconds: 0)
        }

        // 5a. Bulletin PDFs (build only, and only when rendering found no error): Chromium prints the print pages in a
        // temporary folder; pages linking to a PDF that could not be made are rendered again without the link, before
        // the link check.
        if write, !(options.strict ? report.diagnostics.strict() : report.diagnostics).hasErrors {
            var bulletinStage = bulletinStage
            bulletinStage.cache = pdfCache
            for index in rendered.indices {
                let outcome = await bulletinStage.run(
                    files: rendered[index].output.printInputs(), pages: rendered[index].bulletinPages)
                report.diagnostics += outcome.diagnostics
                for note in outcome.notes where !report.summaries.contains(note) { report.summaries.append(note) }
                // Lesson on a page, poster and learning-report PDFs, printed the same way.
                let printStage = LessonPrintStage(
                    mode: printMode, jobs: options.jobs, cache: pdfCache, progress: options.progress,
                    environment: options.pdfEnvironment)
                let printed = await printStage.run(
                    files: outcome.files, lessons: rendered[index].lessons, reportPages: rendered[index].reportPages)
                rendered[index].output.update(printed.files)
                report.diagnostics += printed.diagnostics
                for note in printed.notes where !report.summaries.contains(note) { report.summaries.append(note) }
            }
            clock.lap("bulletin PDFs")
        } else if pdfChromium != nil {
            for item in rendered {
                item.output.update(
                    BulletinPDFStage.linking([], in: item.output.printInputs(), pages: item.bulletinPages))
            }
        }

        // The cards to keep for the next build are written now (put in place with the output) and let go of: the link
        // check and the write need not hold them. Beside the link check, which in a rebuild leaves a core idle.
        async let cardFiles = editions.map { edition in
            reuse?[edition.name].flatMap { cardStores?.writeCards($0, edition: edition) }
        }
        // So are the page digests (all but their stamps, which the written output gives): in a rebuild, the link check
        // and the write have little else to do, and the digests are its largest cache file.
        let outputFolders = editions.map {
            outputDirectory(for: $0, options: options, siteDirectory: reader.siteDirectory)
        }
        async let digestFiles = zip(editions, outputFolders).map { edition, output in
            reuse?[edition.name].flatMap { cardStores?.beginPageDigests($0, edition: edition, output: output) }
        }

        // 5b. Every internal link of the generated pages (PDF links included) must resolve to a file of the output.
        let entries = rendered.map(\.output.entries)
        options.progress?(BuildProgress(stage: "link check", total: entries.map(\.count).reduce(0, +)))
        let previousChecksByEdition = zip(editions.map(\.name), await previousChecksRead)
        let previousChecks = rendered.map { item in
            previousChecksByEdition.first { $0.0 == item.edition.name }?.1 ?? nil
        }
        for (item, previous) in zip(entries, previousChecks) {
            report.diagnostics += OutputCollisionStage.check(entries: item, site: site, recorded: previous?.paths)
        }
        var linkRecords: [LinkCheckRecord?] = []
        var linkCounts = (checked: 0, pages: 0)
        for (item, previous) in zip(entries, previousChecks) {
            let outcome = await LinkCheckStage.check(item, site: site, previous: previous, jobs: options.jobs)
            report.diagnostics += outcome.diagnostics
            linkRecords.append(outcome.record)
            linkCounts = (linkCounts.checked + outcome.checked, linkCounts.pages + outcome.pages)
        }
        if write, config.baseURL == nil { report.summaries.append(LinkCheckStage.noBaseURLNote) }
        // What rendering and the link check let go of is handed back before the cache files are encoded.
        if boundsPeakMemory { MemoryRelease.returnFreed() }
        clock.lap("link check")
        if incremental != nil {
            clock.record("  pages link-checked \(linkCounts.checked)/\(linkCounts.pages)", seconds: 0)
        }

        report.diagnostics = deduplicated(report.diagnostics)
        if options.strict { report.diagnostics = report.diagnostics.strict() }
        guard !report.diagnostics.hasErrors else {
            for staged in outputs { staged.discard() }
            return finish(report, status: .contentErrors, options: options, clock: clock)
        }
        guard write else { return finish(report, status: .success, options: options, clock: clock) }

        // 6. Publish each edition's staging folder; only this stage touches the output folder. The previous output is
        // removed while the edition's link check, search scores and card fragments are stored; its page digests,
        // written beside the link check, are stamped once that is done by the walk that takes the new output's
        // fingerprint.
        let cache = incremental
        cache?.forgetRecord()
        var written: [(edition: Edition, pages: Int)] = []
        var recorded: [BuildRecord.EditionOutput?] = []
        let writtenCards = await cardFiles
        let begunDigests = await digestFiles
        for (index, item) in zip(entries.indices, rendered) {
            options.progress?(BuildProgress(stage: "write \(item.edition.name)", total: entries[index].count))
            let output = outputDirectory(for: item.edition, options: options, siteDirectory: reader.siteDirectory)
            let pageCount = entries[index].filter { $0.path.hasSuffix(".html") }.count
            let (pages, linkRecord) = (reuse?[item.edition.name], linkRecords[index])
            let position = editions.firstIndex(of: item.edition)
            let cards = position.flatMap { writtenCards[$0] }
            let digests = position.flatMap { begunDigests[$0] }
            // The files of the previous output, as the last build's link check recorded them.
            let listed = previousChecks[index]?.paths
            let staged = item.output
            let removal: Result<Void, OutputError>
            let edition: BuildRecord.EditionOutput?
            do {
                _ = try staged.swapIn(listed: listed)
                (removal, _) = concurrently(
                    { Result { () throws(OutputError) in try staged.removePrevious(listed: listed) } },
                    {
                        if let linkRecord { cache?.storeLinkCheck(linkRecord, edition: item.edition) }
                        if let pages { cache?.storeReuse(pages, edition: item.edition, cards: cards) }
                    })
                try removal.get()
                // Only now: removing the previous output moved the status-change time of each page linked from it, and
                // the page digests record the pages' stamps (see FileStamp.settled). One walk takes them and the
                // output's fingerprint.
                // The pages reused unread were stamped by the render: left where they were, they are not looked at
                // again.
                let known = staged.untouched(pages?.unreadStamps ?? [:])
                var survey = cache?.survey(output: output, known: known)
                // An output updated in place holding more than this build made (a file added by hand) is put right.
                if try staged.removeStrays(found: survey?.entryCount) { survey = cache?.survey(output: output) }
                edition = cache?.editionOutput(item.edition, folder: output, pages: pageCount, survey: survey)
                if let digests { cache?.storePages(digests, survey: survey, output: output) }
            } catch {
                for staged in outputs { staged.discard() }
                report.failure = error.description
                return finish(report, status: Self.status(for: error), options: options, clock: clock)
            }
            written.append((item.edition, pageCount))
            recorded.append(edition)
        }
        // What the build no longer needs is freed on another thread, not before the report, or left to the process's
        // exit (see MemoryRelease).
        var documents = Corpus(documents: [])
        swap(&documents, &site.corpus)
        MemoryRelease.atEnd(
            (
                consume documents, consume rendered, consume outputs, consume entries, consume reuse, consume bodies,
                consume linkRecords
            ), leftToExit: options.endsProcess)
        clock.lap("write")
        cache?.store(outputs: recorded, report: finish(report, status: .success, options: options))
        // PDFs of pages that changed or went stay in the cache until a build of every edition printed without them.
        if let incremental, let pdfCache, editions == config.editions, !pdfCache.usedKeys.isEmpty {
            BuildCacheWriter(folder: incremental.folder).prunePDFs(keeping: pdfCache.usedKeys)
        }
        clock.lap("cache record")
        report.summaries += written.map { builtLine(pages: $0.pages, edition: $0.edition.name, clock: clock) }
        MemoryRelease.atEnd((site, incremental, consume themed), leftToExit: options.endsProcess)
        return finish(report, status: .success, options: options, clock: clock)
    }

    /// "Built N pages for edition X in Y s", Y being the whole build so far (every stage, PDFs and link check too).
    static func builtLine(pages: Int, edition: String, clock: StageClock) -> String {
        "Built \(pages) pages for edition \(edition) in \(String(format: "%.2f", clock.elapsed)) s"
    }

    /// The report of a build that found nothing changed: the last build's problems and notes, and its "Built" lines.
    private static func reused(_ record: BuildRecord, clock: StageClock) -> BuildReport {
        var report = BuildReport()
        report.documentCount = record.documentCount
        report.diagnostics = record.diagnostics.compactMap { $0.diagnostic }
        report.summaries =
            record.notes + record.outputs.map { builtLine(pages: $0.pages, edition: $0.edition, clock: clock) }
            + ["Nothing changed since the last build: its output is still in place."]
        report.status = .success
        report.stageTimings = clock.timings
        return report
    }

    /// A refused output folder is a command-line problem (2); a bad generated path or a failing disk is internal (3).
    static func status(for error: OutputError) -> BuildReport.Status {
        switch error {
        case .outputIsSiteFolder, .outputContainsSite, .outputInsideContent, .notPreviousOutput: .unusableConfiguration
        case .invalidPath, .io: .internalFailure
        }
    }

    /// Renders each edition in its own task; results come back in the order the editions were asked for.
    private static func renderEditions(
        _ editions: [Edition], outputs: [StagedEdition], site: LoadedSite, theme: ThemeFiles, templates: TemplateSet,
        today: PartialDate, options: BuildOptions, reuse: [String: PageReuse]?, bulletinPDFs: Bool,
        bodies: [PreparedBodies], boundsPeakMemory: Bool
    ) async -> [RenderedEdition] {
        let jobs = options.jobs.map { max(1, $0 / max(editions.count, 1)) }
        let results = await withTaskGroup(of: (Int, RenderedEdition).self) { group in
            for (index, edition) in editions.enumerated() {
                group.addTask {
                    let started = DispatchTime.now().uptimeNanoseconds
                    let renderer = SiteRenderer(
                        site: site, theme: theme, templates: templates, edition: edition, today: today,
                        includeDrafts: options.includeDrafts, reuse: reuse?[edition.name], bulletinPDFs: bulletinPDFs,
                        bodies: bodies[index])
                    let diagnostics = await renderer.render(
                        jobs: jobs, into: outputs[index], boundsPeakMemory: boundsPeakMemory)
                    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
                    let rendered = RenderedEdition(
                        edition: edition, lessons: renderer.content.documents(of: .lesson),
                        bulletinPages: renderer.bulletins, reportPages: renderer.reports, output: outputs[index],
                        diagnostics: diagnostics,
                        seconds: seconds, analysisSeconds: renderer.analysisSeconds)
                    // A rebuild's renderer (the edition's analysis, its reuse tables) is let go of off the build's
                    // path rather than freed here while the link check waits; a full build frees it now, before the
                    // link check and the writing grow the heap again (see MemoryRelease).
                    if !boundsPeakMemory { MemoryRelease.atEnd(consume renderer, leftToExit: options.endsProcess) }
                    return (index, rendered)
                }
            }
            var collected: [(Int, RenderedEdition)] = []
            for await result in group { collected.append(result) }
            return collected.sorted { $0.0 < $1.0 }.map(\.1)
        }
        return results
    }

    private static func finish(
        _ report: BuildReport, status: BuildReport.Status, options: BuildOptions, clock: StageClock? = nil
    ) -> BuildReport {
        var report = report
        report.status = status
        report.diagnostics = report.diagnostics.sortedForReport()
        if let clock { report.stageTimings = clock.timings }
        return report
    }

    static func selectEditions(_ options: BuildOptions, config: SiteConfig) -> Result<[Edition], SelectionError> {
        if options.allEditions {
            if options.output != nil {
                return .failure(
                    SelectionError("--output names the folder of one edition; it cannot be used with --all-editions"))
            }
            return .success(config.editions)
        }
        let name = options.edition ?? "staff"
        guard let edition = config.edition(named: name) else {
            let names = config.editions.map(\.name)
            return .failure(
                SelectionError(
                    "unknown edition '\(name)'\(Suggestions.didYouMean(name, in: names)); site.yaml defines: \(names.joined(separator: ", "))"
                ))
        }
        return .success([edition])
    }

    /// `site-output/` for staff, `site-output-<edition>/` for others, inside the site folder; `--output` is taken as given.
    static func outputDirectory(for edition: Edition, options: BuildOptions, siteDirectory: String) -> String {
        if let output = options.output { return output }
        return siteDirectory + "/" + (edition.name == "staff" ? "site-output" : "site-output-\(edition.name)")
    }

    /// Drops repeats (the same problem found while rendering several editions).
    static func deduplicated(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen: Set<Diagnostic> = []
        return diagnostics.filter { seen.insert($0).inserted }
    }

    struct SelectionError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

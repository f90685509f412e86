import Foundation

/// The incremental side of `lessons build`: the key of the build's inputs, the shortcut when nothing changed since the
/// last successful build (its output folders still exactly as it left them), and the record written after a build.
///
/// A stale, foreign, corrupt or missing cache only ever costs time: every check that fails leads to a full build.
struct IncrementalBuild: Sendable {
    let folder: BuildCacheFolder
    let siteDirectory: String
    let fingerprint: InputFingerprint
    /// Whether `--clean` asked to ignore what the cache holds.
    let ignoreCache: Bool
    /// The input files' digests, for document pages' input keys.
    let sources: ReuseSources
    /// When each content file was first published and last updated (part of its decoded-document cache key).
    let git: GitHistory
    /// Whether the hashing read a file or found files added or removed, so that its stamps are worth storing.
    let stampsChanged: Bool
    /// How long before the stamping an output file must have last been modified for its stamp to be recorded (see
    /// ``FileStamp``); nil: as long as the output's file system needs.
    let outputSettle: Int64?

    /// Hashes the inputs of a build of `editions` with `options` (see ``InputFingerprint``).
    init(
        options: BuildOptions, config: SiteConfig, editions: [Edition], today: PartialDate, git: GitHistory,
        siteDirectory: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        folder = BuildCacheFolder(siteDirectory: siteDirectory, directory: options.cacheDirectory)
        self.siteDirectory = siteDirectory
        self.git = git
        ignoreCache = options.ignoreCache
        outputSettle = options.outputSettleNanoseconds
        var settings = [
            "lessons \(LessonsVersion.current)", InputFingerprint.executableIdentity(),
            "today \(today.year)-\(today.month)-\(today.day ?? 0)", "drafts \(options.includeDrafts)",
            "base-url \(config.baseURL ?? "")", "strict \(options.strict)",
            "pdf \(options.requirePDF) \(options.skipPDF)",
        ]
        for edition in editions {
            let output = BuildPipeline.outputDirectory(for: edition, options: options, siteDirectory: siteDirectory)
            let resolved = Self.resolved(output, siteDirectory: siteDirectory) ?? output
            settings.append("edition \(edition.name) -> " + resolved)
        }
        for (name, value) in environment.sorted(by: { $0.key < $1.key })
        where name.hasPrefix("LESSONS_") || name == "PATH" || name == "TMPDIR" {
            settings.append("env \(name)=\(value)")
        }
        for (path, dates) in git.dates.sorted(by: { $0.key < $1.key }) {
            settings.append("git \(path) \(dates.firstPublished) \(dates.lastUpdated)")
        }
        settings.append("git note \(git.note ?? "")")
        let stamps = options.ignoreCache ? nil : InputStamps.read(from: folder, siteDirectory: siteDirectory)
        fingerprint = InputFingerprint.compute(siteDirectory: siteDirectory, settings: settings, previous: stamps)
        stampsChanged = fingerprint.readCount > 0 || stamps?.files.count != fingerprint.stamps?.files.count
        sources = ReuseSources(files: fingerprint.files, settings: settings, siteDirectory: siteDirectory)
    }

    /// Stores the input files' stamps for the next build's hashing (see ``InputStamps``), when they changed.
    func storeInputStamps() {
        guard stampsChanged, let stamps = fingerprint.stamps else { return }
        BuildCacheWriter(folder: folder).storeInputStamps(stamps)
    }

    /// The last build's report when its inputs were the same and every output folder is still as it left it; else nil.
    func unchangedReport(outputs: [(edition: Edition, folder: String)]) -> BuildRecord? {
        guard !ignoreCache, let record = BuildRecord.read(from: folder, version: LessonsVersion.current),
            record.inputs == fingerprint.key, record.outputs.count == outputs.count
        else { return nil }
        for (stored, wanted) in zip(record.outputs, outputs) {
            guard stored.edition == wanted.edition.name, let folder = resolved(wanted.folder),
                stored.folder == folder, OutputFingerprint.of(folder) == stored.fingerprint
            else { return nil }
        }
        return record
    }

    /// One walk of `edition`'s output, just written to `output` and settled: its fingerprint for the record and its
    /// files' stamps for the page digests; nil when the folder cannot be read. `known`: stamps of files the build took
    /// and left untouched since (see ``OutputFingerprint/survey(_:stamps:known:)``).
    func survey(output: String, known: [String: FileStamp] = [:]) -> OutputFingerprint.Survey? {
        resolved(output).flatMap { OutputFingerprint.survey($0, known: known) }
    }

    /// What the record says of `edition`'s output, just written to `folder` with `pages` HTML pages: the folder as
    /// resolved and the fingerprint `survey` took of it; nil when the folder could not be read.
    func editionOutput(
        _ edition: Edition, folder output: String, pages: Int, survey: OutputFingerprint.Survey?
    ) -> BuildRecord.EditionOutput? {
        guard let folder = resolved(output), let survey else { return nil }
        return BuildRecord.EditionOutput(
            edition: edition.name, folder: folder, pages: pages, fingerprint: survey.fingerprint)
    }

    /// Records the build that just wrote `outputs` (see ``editionOutput(_:folder:pages:survey:)``; none is recorded when one
    /// is nil), with what it reported.
    func store(outputs: [BuildRecord.EditionOutput?], report: BuildReport) {
        let editions = outputs.compactMap { $0 }
        guard editions.count == outputs.count else { return }
        BuildCacheWriter(folder: folder).store(
            BuildRecord(
                version: LessonsVersion.current, inputs: fingerprint.key, outputs: editions,
                documentCount: report.documentCount,
                diagnostics: report.diagnostics.map(BuildRecord.StoredDiagnostic.init),
                notes: report.summaries))
    }

    /// Page reuse for `edition` written to `output`: the last build's page digests (none with `--clean`, read when first
    /// needed), and its output files stamped or read back on demand (see ``PageReuse``). The digests name the folder
    /// as the writer resolves it.
    func pageReuse(edition: Edition, theme: ThemeFiles, output: String, documents: Int) -> PageReuse {
        let output = resolved(output) ?? output
        let seed = PageReuse.seed(templates: theme.templates.map { ($0.name, $0.file.bytes) }, tool: Self.tool)
        let (folder, ignoreCache) = (self.folder, self.ignoreCache)
        let searchScores = SearchScoreCache(
            load: {
                ignoreCache
                    ? SearchScoreTable() : SearchScoreFile.read(from: folder, edition: edition.name, tool: Self.tool)
            },
            store: { table -> (@Sendable () -> Void)? in
                let writer = BuildCacheWriter(folder: folder)
                guard let file = writer.beginSearchScores(table, edition: edition.name, tool: Self.tool) else {
                    return nil
                }
                return { file.place() }
            })
        let cards = StoredCardFragments(capacity: PartialFragments.capacity(documents: documents)) {
            ignoreCache ? [:] : CardFragmentFile.read(from: folder, edition: edition.name, seed: seed)
        }
        let related = StoredRelatedLessons {
            ignoreCache ? nil : RelatedLessonsFile.read(from: folder, edition: edition.name, tool: Self.tool)
        }
        let previous: @Sendable () -> [String: PageReuse.Entry] = {
            ignoreCache ? [:] : PageDigestFile.read(from: folder, edition: edition.name, folder: output)
        }
        let stamps = OutputFolderStamps(folder: output)
        return PageReuse(
            seed: seed, readingPrevious: previous, sources: sources, searchScores: searchScores, cardFragments: cards,
            relatedLessons: related,
            previousFolder: output, stampPrevious: { stamps.stamp($0) },
            readPrevious: { PageDigestFile.readOutputFile($0, in: output) })
    }

    /// The tool's identity in the cache's files: its version and executable.
    static var tool: String { "lessons \(LessonsVersion.current) \(InputFingerprint.executableIdentity())" }

    /// Puts the search scores of `edition` in place for the next build (written as the search index was made, else
    /// written now) and its card fragments (written by ``writeCards(_:edition:)``), once its output is. Nothing here
    /// depends on the output folder, so it can run while the previous output is removed.
    func storeReuse(_ reuse: PageReuse, edition: Edition, cards: BuildCacheWriter.UnplacedFile?) {
        let writer = BuildCacheWriter(folder: folder)
        if let scores = reuse.searchScores, !scores.placeStored(), let table = scores.current {
            writer.storeSearchScores(table, edition: edition.name, tool: Self.tool)
        }
        if let ranking = reuse.relatedLessons?.current {
            writer.storeRelatedLessons(ranking, edition: edition.name, tool: Self.tool)
        }
        cards?.place()
    }

    /// Writes the page digests of `edition` for `output` but their stamps, which ``storePages(_:survey:output:)`` adds (and
    /// puts the file in place) once the output folder is written and settled; nil when the file cannot be made. Dropped
    /// unstamped (a build that failed meanwhile), it leaves nothing behind.
    func beginPageDigests(_ reuse: PageReuse, edition: Edition, output: String)
        -> BuildCacheWriter.UnstampedPageDigests?
    {
        BuildCacheWriter(folder: folder).beginPageDigests(
            reuse.entries, output: resolved(output) ?? output, edition: edition.name)
    }

    /// Writes the card fragments of `edition` to store for the next build (when some were rendered, see
    /// ``StoredCardFragments/entries()``) under a temporary name, which ``storeReuse(_:edition:cards:)``
    /// puts in place, and lets the card store go of its cards: the render is done, and a large site's cards are tens of
    /// megabytes the link check and the writing of the output need not hold.
    func writeCards(_ reuse: PageReuse, edition: Edition) -> BuildCacheWriter.UnplacedFile? {
        guard let store = reuse.cardFragments else { return nil }
        let file = store.entries().flatMap {
            BuildCacheWriter(folder: folder).beginCardFragments($0, seed: reuse.seed, edition: edition.name)
        }
        store.release()
        return file
    }

    /// Stores the page digests of `edition` with the stamps of the files just written to its output, as `survey` found
    /// them (see ``PageDigestFile/stamps(of:among:settle:)``), for the next build.
    func storePages(_ pages: BuildCacheWriter.UnstampedPageDigests, survey: OutputFingerprint.Survey?, output: String) {
        let settle = outputSettle ?? FileStamp.outputSettleNanoseconds(forFolder: resolved(output) ?? output)
        pages.stamp(PageDigestFile.stamps(of: pages.paths, among: survey, settle: settle))
    }

    /// The last successful build's link check of `edition` under `key` (none with `--clean`).
    func linkCheckRecord(edition: Edition, key: String) -> LinkCheckRecord? {
        ignoreCache ? nil : LinkCheckRecord.read(from: folder, edition: edition.name, key: key)
    }

    /// Stores the link check of `edition`, whose output was just written, for the next build.
    func storeLinkCheck(_ record: LinkCheckRecord, edition: Edition) {
        BuildCacheWriter(folder: folder).storeLinkCheck(record, edition: edition.name)
    }

    /// The decoded-document cache for this build (see ``DecodedDocumentCache``), with the last build's shards read in
    /// parallel (none with `--clean`).
    func decodedDocuments(
        config: SiteConfig, today: PartialDate, jobs: Int?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) async -> DecodedDocumentCache {
        let tool = "lessons \(LessonsVersion.current) \(InputFingerprint.executableIdentity())"
        let settings = DecodedDocumentCache.settingsKey(
            files: fingerprint.files, config: config, today: today, environment: environment)
        // Each file's key is worked out while the shards are read.
        let (files, git) = (fingerprint.files, self.git)
        async let keys = DecodedDocumentCache.keys(files: files, git: git)
        var previous = [DecodedDocumentFile?](repeating: nil, count: DecodedDocumentCache.shardCount)
        if !ignoreCache {
            let folder = folder
            previous = await parallelMap(Array(previous.indices), jobs: jobs) {
                DecodedDocumentFile.read(from: folder, shard: $0, tool: tool, settings: settings)
            }
        }
        return await DecodedDocumentCache(tool: tool, settings: settings, keys: keys, previous: previous)
    }

    /// Stores each read file's result for the next build, with its document's listing digests from `listings` (see
    /// ``DecodedDocumentWriter``).
    func storeDecoded(
        _ cache: DecodedDocumentCache, listing: ContentListing, files: [DecodedFile],
        listings: [String: DocumentListing.Digests] = [:]
    ) {
        DecodedDocumentWriter(folder: folder).store(cache, listing: listing, files: files, listings: listings)
    }

    /// Forgets the last record before any output folder changes (see ``BuildCacheWriter/forgetRecord()``).
    func forgetRecord() {
        BuildCacheWriter(folder: folder).forgetRecord()
    }

    /// The output folder as the writer resolves it.
    private func resolved(_ folder: String) -> String? {
        Self.resolved(folder, siteDirectory: siteDirectory)
    }

    /// `folder` as the writer resolves it: one spelling for `out`, `./out/` and its absolute path, so that naming the
    /// same folder another way costs no page of the last build.
    private static func resolved(_ folder: String, siteDirectory: String) -> String? {
        try? OutputPathValidator.locateOutput(folder, siteDirectory: siteDirectory).path
    }
}

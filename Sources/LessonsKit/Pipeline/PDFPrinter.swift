import Foundation

/// Prints pages of the built site to PDF with headless Chromium, for the bulletin and lesson print stages: a PDF whose
/// print page and files are unchanged comes from the build cache; the rest are printed with at most `concurrency`
/// Chromium processes at once, each worker reusing one browser profile, and stored in the cache.
///
/// Only the writer touches the output folder, so the print pages and the files they use are written to a temporary
/// folder of the printer's own; the PDFs' bytes come back with reproducible dates and the temporary folder's random
/// part blanked, so the same input gives the same bytes.
struct PDFPrinter: Sendable {
    /// One page to print.
    struct Job: Sendable {
        /// What is printed ("bulletin", "lesson page", "poster", "report"): part of the cache key.
        let kind: String
        /// A short name, unique among the jobs (used for the temporary PDF).
        let name: String
        /// The page's path in the output.
        let page: String
        /// The date written into the PDF as its creation date.
        let date: PartialDate
    }

    let chromium: Chromium
    let concurrency: Int
    let timeoutSeconds: Int
    /// The build cache, or nil to print everything (tests, `lessons serve`).
    let cache: PDFCache?
    /// Told "PDFs · done of total" as each PDF is ready (the terminal's progress line).
    var progress: (@Sendable (BuildProgress) -> Void)?

    /// The fixed bytes of each job's PDF, in the order of `jobs`; throws when the print pages cannot be prepared.
    func print(_ jobs: [Job], from files: [OutputFile]) async throws -> [Result<[UInt8], Chromium.Failure>] {
        let scratch = PrintScratchFolder.make()
        let printFiles = PrintPageFiles(files)
        let keys = cache.map { cacheKeys(jobs, files: printFiles, cache: $0) } ?? []
        cache?.use(keys)
        var results = [Result<[UInt8], Chromium.Failure>?](repeating: nil, count: jobs.count)
        if let cache, cache.reads {
            for (index, key) in keys.enumerated() {
                if let bytes = cache.folder.cachedPDF(key: key) { results[index] = .success(bytes) }
            }
        }
        let missing = jobs.indices.filter { results[$0] == nil }
        let counter = ProgressCounter(done: jobs.count - missing.count, total: jobs.count, report: progress)
        guard !missing.isEmpty else { return results.compactMap { $0 } }

        let folder = scratch.path
        defer { scratch.remove() }
        try scratch.write(printFiles.files(for: missing.map { jobs[$0].page }))
        let profiles = ProfilePool(folder: folder, count: concurrency)
        let timeout = timeoutSeconds
        // One browser prints every page when Chromium speaks the protocol on a pipe; a page it cannot print (and every
        // page, when it does not start) is printed by a Chromium process of its own, as before.
        let browser = await DevToolsBrowser.start(chromium, profile: folder + "/browser", seconds: min(timeout, 30))
        let printed = await boundedMap(missing, limit: concurrency) { index -> Result<[UInt8], Chromium.Failure> in
            let job = jobs[index]
            var result: Result<[UInt8], Chromium.Failure>
            do {
                guard let browser else { throw DevToolsBrowser.Failure.gone }
                result = .success(
                    try await browser.printPDF(page: folder + "/" + job.page, tag: index + 1, seconds: timeout))
            } catch DevToolsBrowser.Failure.abandoned {
                result = .failure(.timedOut(seconds: timeout))
            } catch {
                let profile = await profiles.acquire()
                result = await chromium.printPDF(
                    page: folder + "/" + job.page, output: folder + "/pdf-\(job.name).pdf", profile: profile,
                    timeoutSeconds: timeout)
                await profiles.release(profile)
            }
            counter.step()
            return result.map {
                PDFFile.replacingSameLength(
                    folder, with: Self.stableFolderName(folder),
                    in: PDFFile.renumberingNodeIDs(PDFFile.reproducible($0, date: job.date)))
            }
        }
        await browser?.quit()
        for (index, result) in zip(missing, printed) {
            results[index] = result
            if let cache, case .success(let bytes) = result, index < keys.count {
                BuildCacheWriter(folder: cache.folder).storePDF(bytes, key: keys[index])
            }
        }
        return results.compactMap { $0 }
    }

    /// The temporary folder's path with its random part as zeros (same length).
    static func stableFolderName(_ folder: String) -> String {
        guard let range = folder.range(of: "lessons-pdf-") else { return folder }
        return String(folder[..<range.upperBound])
            + String(folder[range.upperBound...].map { $0 == "-" || $0 == "/" ? $0 : "0" })
    }

    /// Each job's cache key; each file's digest is computed once, since pages share their style sheets.
    private func cacheKeys(_ jobs: [Job], files: PrintPageFiles, cache: PDFCache) -> [String] {
        let maker = PDFCacheKey(
            chromiumVersion: cache.version(of: chromium),
            temporaryFolder: Self.stableFolderName(PrintScratchFolder.make().path))
        var digests: [String: String] = [:]
        return jobs.map { job in
            maker.key(kind: job.kind, page: job.page, date: job.date, files: files.files(for: job.page)) { file in
                if let known = digests[file.path] { return known }
                let digest = PDFCacheKey.digest(of: file)
                digests[file.path] = digest
                return digest
            }
        }
    }
}

/// Browser profiles for the printer's workers: one folder per worker, reused by its next print (Chromium locks a
/// profile while it runs, so two processes never share one at the same time).
actor ProfilePool {
    private let folder: String
    private var free: [String]

    init(folder: String, count: Int) {
        self.folder = folder
        free = (0..<max(1, count)).map { folder + "/profile-\($0)" }.reversed()
    }

    /// A profile no running Chromium uses (no more workers run than there are profiles, so one is always free).
    func acquire() -> String {
        free.popLast() ?? folder + "/profile-\(UUID().uuidString)"
    }

    func release(_ profile: String) {
        free.append(profile)
    }
}

/// Counts finished PDFs for the progress line.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done: Int
    private let total: Int
    private let report: (@Sendable (BuildProgress) -> Void)?

    init(done: Int, total: Int, report: (@Sendable (BuildProgress) -> Void)?) {
        self.done = done
        self.total = total
        self.report = report
        report?(BuildProgress(stage: "PDFs", done: done, total: total))
    }

    /// One more PDF is ready.
    func step() {
        guard let report else { return }
        let now = lock.withLock {
            done += 1
            return done
        }
        report(BuildProgress(stage: "PDFs", done: now, total: total))
    }
}

/// The build cache as the PDF printers use it: where it is, whether it may be read (`--clean` writes it only), and the
/// Chromium version, asked once per build.
final class PDFCache: @unchecked Sendable {
    let folder: BuildCacheFolder
    let reads: Bool
    /// Guards `versions`, `asked` and `keys`.
    private let lock = NSLock()
    private var versions: [String: String] = [:]
    /// Version questions under way, by executable.
    private var asked: [String: DispatchGroup] = [:]
    private var keys: Set<String> = []

    init(folder: BuildCacheFolder, reads: Bool) {
        self.folder = folder
        self.reads = reads
    }

    /// The keys of every PDF this build printed or reused.
    var usedKeys: Set<String> { lock.withLock { keys } }

    /// Notes keys this build used (the rest can be pruned after a build of every edition).
    func use(_ used: [String]) {
        lock.withLock { keys.formUnion(used) }
    }

    /// Starts `chromium --version` on another thread while the build goes on, so the answer is ready when printing
    /// starts.
    func askVersion(of chromium: Chromium) {
        let executable = chromium.executable
        let group: DispatchGroup? = lock.withLock {
            guard versions[executable] == nil, asked[executable] == nil else { return nil }
            let group = DispatchGroup()
            group.enter()
            asked[executable] = group
            return group
        }
        guard let group else { return }
        DispatchQueue.global().async {
            let version = chromium.version()
            self.lock.withLock { self.versions[executable] = version }
            group.leave()
        }
    }

    /// `chromium --version`, run once per build and executable (waiting for the answer when it was asked earlier).
    func version(of chromium: Chromium) -> String {
        lock.withLock { asked[chromium.executable] }?.wait()
        if let known = lock.withLock({ versions[chromium.executable] }) { return known }
        let version = chromium.version()
        lock.withLock { versions[chromium.executable] = version }
        return version
    }
}

import Foundation

/// The files of one edition as the renderer makes them. Each batch of files is written to the edition's staging folder
/// at once (when building; `check` writes nothing) and only what the later stages need is kept in memory: an
/// ``OutputEntry`` per file (path, copied source, links and ids) for the collision and link checks and the sitemap, and
/// the pages the print stages read. The staging folder is swapped in by ``commit()`` only when the whole build
/// succeeded; ``discard()`` leaves the previous output untouched.
final class StagedEdition: @unchecked Sendable {
    /// Where a batch of files came from in the renderer's fixed order (part, then item), so that the entries come out
    /// in the same order whatever the scheduling.
    struct Order: Comparable, Sendable {
        let part: Int
        let item: Int

        static func < (lhs: Order, rhs: Order) -> Bool { (lhs.part, lhs.item) < (rhs.part, rhs.item) }
    }

    /// The staging folder, or the reason there is none (the output folder may not be replaced); nil for `check`.
    private let staging: Result<StagingFolder, OutputError>?
    /// Which files the print stages read (kept in memory besides being written).
    private let keeps: @Sendable (OutputFile) -> Bool
    private let lock = NSLock()
    private var batches: [(order: Order, entries: [OutputEntry])] = []
    private var sorted = true
    private var kept: [String: OutputFile] = [:]
    /// The first write failure, by order.
    private var failure: (order: Order, error: OutputError)?

    /// An edition's output written to `staging` (nil: kept as entries only); `keeps` picks the files kept in memory.
    init(staging: Result<StagingFolder, OutputError>?, keeps: @escaping @Sendable (OutputFile) -> Bool = { _ in false })
    {
        self.staging = staging
        self.keeps = keeps
    }

    /// Writes `files` (from several threads at once) and keeps their entries; a write failure is kept and reported by
    /// ``commit()``, and nothing more is written after it.
    func accept(_ files: [OutputFile], order: Order) {
        guard !files.isEmpty else { return }
        let failed = stage(files) { folder, file throws(OutputError) in try folder.write(file) }
        let entries = files.map(\.entry)
        // The print stages read the bytes of what they keep: a page left in the previous output is read back from the
        // staging folder, where it was just linked, or from the output, where an update in place left it.
        let keptFiles = files.filter(keeps).map { file in
            guard case .previous = file.contents, case .success(let folder) = staging,
                let bytes = folder.contents(of: file.path)
            else { return file }
            return file.holding(bytes)
        }
        lock.withLock {
            if let failed, failure.map({ order < $0.order }) ?? true { failure = (order, failed) }
            batches.append((order, entries))
            sorted = false
            for file in keptFiles { kept[file.path] = file }
        }
    }

    /// Writes `files` with `write` into the staging folder, stopping at the first failure, which it returns; writes
    /// nothing when there is no staging folder or an earlier write failed.
    private func stage(
        _ files: [OutputFile], _ write: (StagingFolder, OutputFile) throws(OutputError) -> Void
    ) -> OutputError? {
        guard case .success(let folder) = staging, lock.withLock({ failure == nil }) else { return nil }
        for file in files {
            do throws(OutputError) {
                try write(folder, file)
            } catch {
                return error
            }
        }
        return nil
    }

    /// Every file's entry, in the renderer's order.
    var entries: [OutputEntry] {
        lock.withLock {
            if !sorted {
                batches.sort { $0.order < $1.order }
                sorted = true
            }
            return batches.flatMap(\.entries)
        }
    }

    /// The paths of the pages readers browse to (for the sitemap).
    var pagePaths: [String] { entries.filter(\.isPage).map(\.path) }

    /// How many HTML files the edition has.
    var htmlCount: Int { entries.filter { $0.path.hasSuffix(".html") }.count }

    /// The kept files, in the renderer's order.
    var keptFiles: [OutputFile] {
        let files = lock.withLock { kept }
        return entries.compactMap { files[$0.path] }
    }

    /// Keeps what the print stages read: every bulletin file when bulletin PDFs are made, the reports and each lesson's
    /// page and poster when lessons are printed.
    static func keepsForPrinting(bulletins: Bool, lessons: Bool) -> @Sendable (OutputFile) -> Bool {
        let bulletinFolder = DocumentType.bulletin.folder + "/"
        let lessonFolder = DocumentType.lesson.folder + "/"
        return { file in
            let path = file.path
            if bulletins, path.hasPrefix(bulletinFolder) { return true }
            guard lessons else { return false }
            return path.hasPrefix(ReportPages.reportsFolder)
                || (path.hasPrefix(lessonFolder) && (path.hasSuffix("/index.html") || path.hasSuffix("/poster.html")))
        }
    }

    /// The files the print stages read: the kept pages and every file they refer to (style sheets, pictures), read back
    /// from the staging folder when they were not kept.
    func printInputs() -> [OutputFile] {
        var files = lock.withLock { kept }
        // Nothing kept (no PDFs made): no file to look up, and no lookup of every entry to make.
        guard !files.isEmpty else { return [] }
        let byPath = Dictionary(entries.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        for page in files.values where page.path.hasSuffix(".html") {
            // The same references as the printer follows.
            for path in PrintPageFiles.referencedPaths(of: page) ?? [] {
                guard files[path] == nil, let entry = byPath[path] else { continue }
                if let source = entry.copiedFrom {
                    files[path] = OutputFile(path: path, contents: .copy(from: source))
                } else if case .success(let folder) = staging, let bytes = folder.contents(of: path) {
                    files[path] = OutputFile(path: path, contents: .bytes(bytes))
                }
            }
        }
        lock.withLock { kept = files }
        return files.values.sorted { $0.path < $1.path }
    }

    /// Takes the print stages' result: each file that is new or differs from the kept one (PDFs, pages rendered again
    /// with their PDF links) is written over the staged one, and its entry replaced.
    func update(_ files: [OutputFile]) {
        let changed = lock.withLock { files.filter { kept[$0.path] != $0 } }
        guard !changed.isEmpty else { return }
        let failed = stage(changed) { folder, file throws(OutputError) in try folder.replace(file) }
        let replaced = Dictionary(changed.map { ($0.path, $0.entry) }, uniquingKeysWith: { first, _ in first })
        lock.withLock {
            var seen: Set<String> = []
            for index in batches.indices {
                batches[index].entries = batches[index].entries.map {
                    seen.insert($0.path)
                    return replaced[$0.path] ?? $0
                }
            }
            let added = changed.filter { !seen.contains($0.path) }.map(\.entry)
            let last = Order(part: Int.max, item: batches.count)
            if !added.isEmpty { batches.append((last, added)) }
            if let failed, failure == nil { failure = (last, failed) }
            for file in changed { kept[file.path] = file }
        }
    }

    /// Swaps the staging folder in place of the output folder and removes the previous output; throws the first
    /// failure met while writing (the staging folder is then removed and the previous output left as it was).
    func commit() throws(OutputError) -> WriteSummary {
        let summary = try swapIn()
        try removePrevious()
        return summary
    }

    /// Publishes the staging folder: swaps it in place of the output folder, setting the previous output aside for
    /// ``removePrevious(listed:)``, or updates the output in place, first removing the `listed` files of the last
    /// build that this one did not make (see ``StagingFolder``). Throws the first failure met while writing (the
    /// staging folder is then removed and the previous output left as it was).
    func swapIn(listed: [String]? = nil) throws(OutputError) -> WriteSummary {
        guard let staging else { return WriteSummary(fileCount: 0, byteCount: 0) }
        let folder = try staging.get()
        if let failure = lock.withLock({ failure }) {
            folder.discard()
            throw failure.error
        }
        return try folder.swapIn(listed: listed)
    }

    /// Removes the previous output that ``swapIn()`` set aside, whose files the last build recorded as `listed` when
    /// known (see ``StagingFolder/removePrevious(listed:)``).
    func removePrevious(listed: [String]? = nil) throws(OutputError) {
        guard case .success(let folder) = staging else { return }
        try folder.removePrevious(listed: listed)
    }

    /// After an update in place, given how many entries a walk of the output found (nil: the walk failed), removes
    /// whatever this build did not make; returns whether it removed anything (see
    /// ``StagingFolder/removeStrays(found:)``).
    func removeStrays(found: Int?) throws(OutputError) -> Bool {
        guard case .success(let folder) = staging else { return false }
        return try folder.removeStrays(found: found)
    }

    /// Of `stamps` taken of the output's files during this build, those of the files it left untouched (see
    /// ``StagingFolder/untouched(_:)``).
    func untouched(_ stamps: [String: FileStamp]) -> [String: FileStamp] {
        guard case .success(let folder) = staging else { return [:] }
        return folder.untouched(stamps)
    }

    /// Removes the staging folder: the build failed, and the previous output stays.
    func discard() {
        if case .success(let folder) = staging { folder.discard() }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a built site into its output folder atomically.
///
/// The files go into a staging folder beside the output (`.<name>.staging-<pid>`), which is swapped in
/// only when every file was written: the previous output is renamed aside (`.<name>.old-<pid>`), the
/// staging folder renamed into place, and the previous output removed. The writer only ever replaces
/// a folder that is absent, empty or marked with ``markerFileName`` by an earlier run.
struct SiteWriter: Sendable {
    /// The name of the file, at the top of every output folder, that marks it as written by lessons.
    static let markerFileName = ".lessons-output"
    /// What the marker file says.
    static let markerText =
        "This folder is written by lessons (Learning Lessons) and replaced on every build.\n"
        + "Do not keep other files here: they will be deleted.\n"
    /// Files per unit of parallel work: big enough to amortise scheduling, small enough to balance.
    static let batchSize = 64

    /// The output folder as given (used in messages).
    let outputDirectory: String
    /// The site folder as given (used in messages).
    let siteDirectory: String
    /// Whether files are written by several threads at once (the result never depends on it).
    let parallel: Bool

    /// Creates a writer for the output folder of the site in `siteDirectory`; relative paths are taken
    /// from the current folder, and symbolic links in their parents are resolved before comparing.
    init(outputDirectory: String, siteDirectory: String) {
        self.init(outputDirectory: outputDirectory, siteDirectory: siteDirectory, parallel: true)
    }

    init(outputDirectory: String, siteDirectory: String, parallel: Bool) {
        self.outputDirectory = outputDirectory
        self.siteDirectory = siteDirectory
        self.parallel = parallel
    }

    /// Writes all files into a staging folder beside the output, then swaps it in; on any failure the
    /// previous output is left byte-for-byte untouched and the staging folder removed.
    ///
    /// Everything is checked before anything is written: the file paths, the output folder's place
    /// relative to the site, and what is already at the output path. Missing parents of the output
    /// folder are created. If the previous output cannot be removed after the swap, the new output
    /// stays in place and the error names the leftover folder.
    func write(_ files: [OutputFile]) throws(OutputError) -> WriteSummary {
        let folders = try OutputPathValidator.foldersToCreate(for: files, markerFileName: Self.markerFileName)
        let location = try OutputPathValidator.locateOutput(outputDirectory, siteDirectory: siteDirectory)
        let output = location.path
        let outputExists = try checkExistingOutput(output)

        let pid = getpid()
        let staging = OutputPathValidator.join(location.parent, ".\(location.name).staging-\(pid)")
        let previous = OutputPathValidator.join(location.parent, ".\(location.name).old-\(pid)")
        try OutputFileSystem.makeDirectories(location.parent)
        try OutputFileSystem.removeTree(staging, parallel: parallel)
        try OutputFileSystem.removeTree(previous, parallel: parallel)

        let summary: WriteSummary
        do {
            try OutputFileSystem.makeDirectory(staging)
            try makeFolders(folders, in: staging)
            let kept = outputExists ? output : nil
            summary = try writeFiles(files, in: staging, previous: kept)
            _ = try writeFile(
                OutputFile(path: Self.markerFileName, text: Self.markerText), in: staging, previous: kept)
        } catch {
            try? OutputFileSystem.removeTree(staging, parallel: parallel)
            throw error
        }

        if outputExists {
            do {
                try OutputFileSystem.move(output, to: previous)
            } catch {
                try? OutputFileSystem.removeTree(staging, parallel: parallel)
                throw error
            }
        }
        do {
            try OutputFileSystem.move(staging, to: output)
        } catch {
            if outputExists { try? OutputFileSystem.move(previous, to: output) }
            try? OutputFileSystem.removeTree(staging, parallel: parallel)
            throw error
        }
        if outputExists {
            do {
                try OutputFileSystem.removeTree(previous, parallel: parallel)
            } catch {
                throw .io(
                    path: previous,
                    message: "the new output is in place, but the previous one could not be removed "
                        + "(\(error.description)); delete this folder")
            }
        }
        removeStaleFolders(in: location.parent, name: location.name, pid: pid)
        return summary
    }

    /// Whether something replaceable is at the output path; refuses anything that is not an empty folder
    /// or a folder holding the marker file.
    private func checkExistingOutput(_ output: String) throws(OutputError) -> Bool {
        switch try OutputFileSystem.kind(at: output) {
        case .missing:
            return false
        case .directory:
            let marker = OutputPathValidator.join(output, Self.markerFileName)
            if try OutputFileSystem.kind(at: marker) == .regularFile { return true }
            if try OutputFileSystem.isEmptyDirectory(output) { return true }
            throw .notPreviousOutput(outputDirectory)
        case .regularFile, .symbolicLink, .other:
            throw .notPreviousOutput(outputDirectory)
        }
    }

    /// Creates the folders level by level, so that every parent exists before its children.
    private func makeFolders(_ levels: [[String]], in staging: String) throws(OutputError) {
        for level in levels {
            _ = try OutputBatches.sum(count: level.count, batchSize: Self.batchSize, parallel: parallel) {
                (index) throws(OutputError) -> Int in
                try OutputFileSystem.makeDirectory(OutputPathValidator.join(staging, level[index]))
                return 0
            }
        }
    }

    /// Writes every file (its folders exist already) and totals the bytes. A file whose bytes equal the one at the same
    /// path in `previous` (the current output) is hard-linked from there instead, keeping its modification time.
    private func writeFiles(_ files: [OutputFile], in staging: String, previous: String?) throws(OutputError)
        -> WriteSummary
    {
        let tally = try OutputBatches.sum(count: files.count, batchSize: Self.batchSize, parallel: parallel) {
            (index) throws(OutputError) -> WriteTally in
            try writeFile(files[index], in: staging, previous: previous)
        }
        return WriteSummary(fileCount: files.count, byteCount: tally.bytes, unchangedCount: tally.kept)
    }

    /// Writes one file into the staging folder, or links it from `previous` when its bytes are the same there;
    /// returns its size and whether it was linked.
    private func writeFile(_ file: OutputFile, in staging: String, previous: String?) throws(OutputError)
        -> WriteTally
    {
        let path = OutputPathValidator.join(staging, file.path)
        let old = previous.map { OutputPathValidator.join($0, file.path) }
        switch file.contents {
        case .bytes(let bytes):
            if let old, UnchangedFiles.linkIfSame(previous: old, bytes: bytes, to: path) {
                return WriteTally(bytes: bytes.count, kept: 1)
            }
            return WriteTally(bytes: try OutputFileSystem.writeFile(path, bytes: bytes), kept: 0)
        case .copy(let source):
            if let old, UnchangedFiles.linkIfSame(previous: old, copyOf: source, to: path) {
                return WriteTally(bytes: UnchangedFiles.regularFileSize(path) ?? 0, kept: 1)
            }
            return WriteTally(bytes: try OutputFileSystem.copyFile(from: source, to: path), kept: 0)
        }
    }

    /// Removes `.NAME.staging-PID` and `.NAME.old-PID` folders left by builds that were killed (their process is gone),
    /// once this build's output is safely in place.
    private func removeStaleFolders(in parent: String, name: String, pid: Int32) {
        let prefixes = [".\(name).staging-", ".\(name).old-"]
        let entries = FileFacts.entryNames(parent) ?? []
        for entry in entries {
            guard let prefix = prefixes.first(where: { entry.hasPrefix($0) }),
                let owner = Int32(entry.dropFirst(prefix.count)), owner != pid, owner > 0,
                kill(owner, 0) != 0, errno == ESRCH
            else { continue }
            try? OutputFileSystem.removeTree(OutputPathValidator.join(parent, entry), parallel: parallel)
        }
    }
}

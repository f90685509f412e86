import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One build's staging folder beside the output folder (`.<name>.staging-<pid>`): files are written into it as they
/// arrive, from several threads at once, and published by ``commit()`` only when the build succeeded; ``discard()``
/// removes it and leaves the previous output untouched.
///
/// It is published in one of two ways. By default the staging folder receives every file and is swapped in whole. A
/// rebuild that updates the output in place (`inPlace`) stages only the files that are new or changed, leaving the
/// others where they are; publishing then removes the files the build no longer makes and renames the staged ones into
/// the output (see ``InPlaceUpdate``). That spares linking and then removing every unchanged file, which is most of a
/// one-document rebuild's file-system work; the price is that a build killed while publishing can leave the output
/// part old and part new (the next build puts that right: its pages no longer match what the build cache recorded).
///
/// Opening it checks the output folder's place relative to the site and what is already at the output path, so it
/// only ever replaces a folder that is absent, empty or marked with ``SiteWriter/markerFileName``. A file whose bytes
/// equal the previous output's file at the same path is hard-linked from there, keeping its modification time.
///
/// Folders are made and pages the last build left are linked relative to descriptors of the staging folder and the
/// previous output, opened once, so that no path is looked up again from the root.
final class StagingFolder: @unchecked Sendable {
    /// The output folder as given (used in messages).
    let outputDirectory: String
    let location: OutputPathValidator.Location
    /// The staging folder's absolute path.
    let path: String
    /// Whether removing folders uses several threads.
    let parallel: Bool
    /// Whether only new and changed files are staged and the output is updated in place (see the type's description).
    let inPlace: Bool
    /// Where the previous output waits while the new one is moved into place (`.<name>.old-<pid>`).
    private let previousPath: String
    /// The current output folder, when there is one (files with the same bytes are linked from it).
    private let previousOutput: String?
    /// The staging folder, open (it stays the same folder once renamed into place).
    private let descriptor: Int32
    /// The previous output, open, or -1 when there is none or it cannot be opened (files are then written, not linked).
    private let previousDescriptor: Int32
    private let lock = NSLock()
    /// The folders above the files so far, relative ("" is the staging folder itself).
    private var folders: Set<String> = [""]
    /// The folders made in the staging folder so far (all of ``folders`` unless ``inPlace``).
    private var madeFolders: Set<String> = [""]
    /// Files written so far, relative.
    private var files: Set<String> = []
    /// The files put in the staging folder when ``inPlace`` (the others are left in the output as they are).
    private var staged: Set<String> = []
    private var tally = WriteTally()
    private var finished = false

    /// Makes an empty staging folder for the output folder of the site in `siteDirectory` (relative paths are taken
    /// from the current folder; symbolic links in the parents are resolved before comparing); throws when the output
    /// folder may not be replaced. With `inPlace`, an output folder already there is updated in place (see the type's
    /// description); a new one is swapped in all the same.
    init(outputDirectory: String, siteDirectory: String, parallel: Bool = true, inPlace: Bool = false)
        throws(OutputError)
    {
        self.outputDirectory = outputDirectory
        self.parallel = parallel
        location = try OutputPathValidator.locateOutput(outputDirectory, siteDirectory: siteDirectory)
        let output = location.path
        previousOutput = try Self.checkExistingOutput(output, given: outputDirectory) ? output : nil
        path = OutputPathValidator.join(location.parent, ".\(location.name).staging-\(getpid())")
        previousPath = OutputPathValidator.join(location.parent, ".\(location.name).old-\(getpid())")
        try OutputFileSystem.makeDirectories(location.parent)
        try OutputFileSystem.removeTree(path, parallel: parallel)
        try OutputFileSystem.removeTree(previousPath, parallel: parallel)
        try OutputFileSystem.makeDirectory(path)
        descriptor = OutputFileSystem.openFolder(path)
        guard descriptor >= 0 else { throw OutputFileSystem.failure("cannot open folder", path) }
        previousDescriptor = previousOutput.map(OutputFileSystem.openFolder) ?? -1
        self.inPlace = inPlace && previousDescriptor >= 0
    }

    deinit {
        close(descriptor)
        if previousDescriptor >= 0 { close(previousDescriptor) }
    }

    /// Writes a new file (its path checked, its folders made as needed), or links it from the previous output when its
    /// bytes are the same there. A path written before, the marker's name or a malformed path is an error.
    func write(_ file: OutputFile) throws(OutputError) {
        try OutputPathValidator.checkSyntax(file.path)
        guard file.path != SiteWriter.markerFileName else { throw .invalidPath(file.path) }
        if inPlace { return try stageIfChanged(file) }
        guard lock.withLock({ files.insert(file.path).inserted }) else { throw .invalidPath(file.path) }
        try makeFolders(of: file.path)
        // A page page reuse left in the previous output (trusted by its stamp, or read and checked against its digest):
        // linked without comparing, relative to the two folders.
        if previousDescriptor >= 0, let size = Self.previousSize(of: file),
            linkat(previousDescriptor, file.path, descriptor, file.path, 0) == 0
        {
            lock.withLock { tally += WriteTally(bytes: size, kept: 1) }
            return
        }
        let written = try Self.writeFile(file, at: OutputPathValidator.join(path, file.path), previous: previousOutput)
        lock.withLock { tally += written }
    }

    /// Stages `file` when the output does not hold it already (``inPlace``); an unchanged file is only counted.
    private func stageIfChanged(_ file: OutputFile) throws(OutputError) {
        // Most of a rebuild's files are pages that page reuse left in the output: each takes the lock once, to be
        // claimed, have its folders noted and be counted.
        let folders = Self.folders(above: file.path)
        let kept = Self.previousSize(of: file)
        let claimed = lock.withLock { () -> Bool in
            guard files.insert(file.path).inserted else { return false }
            for folder in folders {
                guard self.folders.insert(folder).inserted else { break }
            }
            if let kept { tally += WriteTally(bytes: kept, kept: 1) }
            return true
        }
        guard claimed else { throw .invalidPath(file.path) }
        if kept != nil { return }
        if let size = unchangedSize(of: file) {
            lock.withLock { tally += WriteTally(bytes: size, kept: 1) }
            return
        }
        try makeFolders(of: file.path)
        let written = try Self.writeFile(file, at: OutputPathValidator.join(path, file.path), previous: nil)
        lock.withLock {
            staged.insert(file.path)
            tally += written
        }
    }

    /// The size of `file` when the output holds the same bytes at its path, else nil.
    private func unchangedSize(of file: OutputFile) -> Int? {
        previousOutput.flatMap {
            UnchangedFiles.sizeIfSame(previous: OutputPathValidator.join($0, file.path), as: file)
        }
    }

    /// The size of `file` when page reuse found it in the previous output at the same path, else nil.
    private static func previousSize(of file: OutputFile) -> Int? {
        switch file.contents {
        case .previous(_, let size): size
        case .bytes(let bytes): file.isPreviousOutput ? bytes.count : nil
        case .spliced(let spliced): file.isPreviousOutput ? spliced.count : nil
        case .copy: nil
        }
    }

    /// Writes `file` over the one written at its path before (a page rendered again once its PDF exists), or as a new
    /// file. The old file is replaced by a rename, never rewritten in place, since it may be a link to the previous
    /// output.
    func replace(_ file: OutputFile) throws(OutputError) {
        let isNew = lock.withLock { !files.contains(file.path) }
        guard !isNew else { return try write(file) }
        if inPlace, let previousOutput, lock.withLock({ !staged.contains(file.path) }) {
            // Left in the output so far: staged now, in its place.
            let size = UnchangedFiles.regularFileSize(OutputPathValidator.join(previousOutput, file.path)) ?? 0
            try makeFolders(of: file.path)
            let written = try Self.writeFile(file, at: OutputPathValidator.join(path, file.path), previous: nil)
            return lock.withLock {
                staged.insert(file.path)
                tally += written - WriteTally(bytes: size, kept: 1)
            }
        }
        let target = OutputPathValidator.join(path, file.path)
        let size = UnchangedFiles.regularFileSize(target) ?? 0
        let temporary = target + ".replacing-\(getpid())"
        let written = try Self.writeFile(file, at: temporary, previous: nil)
        try OutputFileSystem.move(temporary, to: target)
        lock.withLock { tally += written - WriteTally(bytes: size, kept: 0) }
    }

    /// The bytes of a file written by this build (read from the staging folder, or from the output where an
    /// unchanged file was left in place), or nil.
    func contents(of relativePath: String) -> [UInt8]? {
        let inOutput = inPlace && lock.withLock { files.contains(relativePath) && !staged.contains(relativePath) }
        let folder = inOutput ? previousOutput ?? path : path
        return FileFacts.contents(OutputPathValidator.join(folder, relativePath))
    }

    /// Writes the marker file and swaps the staging folder in place of the output folder; on failure the previous
    /// output is left as it was and the staging folder removed. If the previous output cannot be removed after the
    /// swap, the new output stays in place and the error names the leftover folder.
    func commit() throws(OutputError) -> WriteSummary {
        let summary = try swapIn()
        try removePrevious()
        return summary
    }

    /// Writes the marker file and publishes the staged files, setting the previous output aside for
    /// ``removePrevious(listed:)`` or, ``inPlace``, updating it (removing first the `listed` files, the last build's
    /// output, that this build did not make); on failure before the output was touched it is left as it was and the
    /// staging folder removed.
    func swapIn(listed: [String]? = nil) throws(OutputError) -> WriteSummary {
        guard inPlace else { return try swapWhole() }
        let (count, total) = lock.withLock { (files.count, tally) }
        let update: InPlaceUpdate
        do throws(OutputError) {
            if let clash = lock.withLock({ files.intersection(folders).min() }) { throw OutputError.invalidPath(clash) }
            update = inPlaceUpdate()
            try stageMarker()
        } catch {
            discard()
            throw error
        }
        if let listed { update.removeStale(listed: listed) }
        let moved = lock.withLock { staged.sorted() }
        do {
            try update.moveIn(moved)
            // Without the last build's list, whatever it made and this build did not is found by walking the output.
            if listed == nil { try update.removeStrays() }
        } catch {
            discard()
            throw .io(
                path: location.path,
                message: "the output folder was being updated and may be part old, part new (\(error.description)); "
                    + "build again")
        }
        lock.withLock { finished = true }
        return WriteSummary(fileCount: count, byteCount: total.bytes, unchangedCount: total.kept)
    }

    /// The update in place of the output with the files and folders written so far.
    private func inPlaceUpdate() -> InPlaceUpdate {
        lock.withLock { InPlaceUpdate(outputPath: location.path, stagingPath: path, files: files, folders: folders) }
    }

    /// Stages the marker file when the output does not hold it as it should be (``inPlace``).
    private func stageMarker() throws(OutputError) {
        let marker = OutputFile(path: SiteWriter.markerFileName, text: SiteWriter.markerText)
        guard unchangedSize(of: marker) == nil else { return }
        _ = try Self.writeFile(marker, at: OutputPathValidator.join(path, marker.path), previous: nil)
        lock.withLock { _ = staged.insert(marker.path) }
    }

    /// Of `stamps` (taken of the output's files during this build, by path), those of files this build then left where
    /// they were: after an update in place, those it did not stage; none after a swap, whose folder holds new links.
    func untouched(_ stamps: [String: FileStamp]) -> [String: FileStamp] {
        guard inPlace else { return [:] }
        let staged = lock.withLock { self.staged }
        return staged.isEmpty ? stamps : stamps.filter { !staged.contains($0.key) }
    }

    /// After an update in place, once the output was walked and found to hold `found` entries: when that is not what
    /// this build made (something added by hand, or left by a build that was killed), removes what does not belong
    /// and returns true. Nil `found` (the walk failed) removes it all the same; a swapped-in folder has nothing to
    /// remove.
    func removeStrays(found: Int?) throws(OutputError) -> Bool {
        guard inPlace else { return false }
        let update = inPlaceUpdate()
        guard found != update.entryCount else { return false }
        return try update.removeStrays()
    }

    /// Writes the marker file and swaps the staging folder in place of the output folder, setting the previous output
    /// aside for ``removePrevious(listed:)``; on failure the previous output is left as it was and the staging folder
    /// removed.
    private func swapWhole() throws(OutputError) -> WriteSummary {
        let (count, total) = lock.withLock { (files.count, tally) }
        let output = location.path
        let previous = previousPath
        do throws(OutputError) {
            // A path cannot be both a file and a folder of another file.
            if let clash = lock.withLock({ files.intersection(folders).min() }) { throw OutputError.invalidPath(clash) }
            _ = try Self.writeFile(
                OutputFile(path: SiteWriter.markerFileName, text: SiteWriter.markerText),
                at: OutputPathValidator.join(path, SiteWriter.markerFileName), previous: previousOutput)
            if previousOutput != nil { try OutputFileSystem.move(output, to: previous) }
        } catch {
            discard()
            throw error
        }
        do {
            try OutputFileSystem.move(path, to: output)
        } catch {
            if previousOutput != nil { try? OutputFileSystem.move(previous, to: output) }
            discard()
            throw error
        }
        lock.withLock { finished = true }
        return WriteSummary(fileCount: count, byteCount: total.bytes, unchangedCount: total.kept)
    }

    /// Removes the previous output set aside by ``swapIn()``, and the folders left by killed builds; when the previous
    /// output cannot be removed, the new output stays in place and the error names the leftover folder. `listed`: the
    /// files the last build recorded in it, removed without reading its folders (see
    /// ``OutputFileSystem/removeListedTree(_:listed:parallel:)``).
    func removePrevious(listed: [String]? = nil) throws(OutputError) {
        let previous = previousPath
        if inPlace {
            // What is left of the staging folder: the folders the staged files were moved out of.
            try? OutputFileSystem.removeTree(path, parallel: false)
        } else if previousOutput != nil {
            do {
                if let listed {
                    try OutputFileSystem.removeListedTree(previous, listed: listed, parallel: parallel)
                } else {
                    try OutputFileSystem.removeTree(previous, parallel: parallel)
                }
            } catch {
                throw .io(
                    path: previous,
                    message: "the new output is in place, but the previous one could not be removed "
                        + "(\(error.description)); delete this folder")
            }
        }
        removeStaleFolders()
    }

    /// Removes the staging folder; the output folder is not touched.
    func discard() {
        guard !lock.withLock({ finished }) else { return }
        try? OutputFileSystem.removeTree(path, parallel: parallel)
    }

    /// Makes the folders above `file` that are not made yet, parents first.
    private func makeFolders(of file: String) throws(OutputError) {
        guard let slash = file.utf8.lastIndex(of: UInt8(ascii: "/")) else { return }
        try makeFolder(String(file[..<slash]))
    }

    /// The folders above `file`, nearest first (`a/b/c.html`: `a/b`, `a`): a file's folders are noted as folders of
    /// the output, nearest first, until one was noted before (its own folders were noted with it).
    private static func folders(above file: String) -> [String] {
        var folders: [String] = []
        var end = file.utf8.lastIndex(of: UInt8(ascii: "/"))
        while let slash = end {
            let folder = file[..<slash]
            folders.append(String(folder))
            end = folder.utf8.lastIndex(of: UInt8(ascii: "/"))
        }
        return folders
    }

    private func makeFolder(_ folder: String) throws(OutputError) {
        if lock.withLock({ madeFolders.contains(folder) }) { return }
        if let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) { try makeFolder(String(folder[..<slash])) }
        if mkdirat(descriptor, folder, OutputFileSystem.directoryMode) != 0 {
            let code = errno
            let full = OutputPathValidator.join(path, folder)
            // Another thread made it meanwhile; anything else in the way is a failure.
            var info = stat()
            guard code == EEXIST, fstatat(descriptor, folder, &info, AT_SYMLINK_NOFOLLOW) == 0,
                info.st_mode & S_IFMT == S_IFDIR
            else {
                if code == EEXIST, lock.withLock({ files.contains(folder) }) { throw .invalidPath(folder) }
                throw OutputFileSystem.failure("cannot create folder", full, code: code)
            }
        }
        lock.withLock {
            folders.insert(folder)
            madeFolders.insert(folder)
        }
    }

    /// Writes one file at `target`, or links it from `previous` (the output folder) when its bytes are the same there;
    /// returns its size and whether it was linked.
    private static func writeFile(_ file: OutputFile, at target: String, previous: String?) throws(OutputError)
        -> WriteTally
    {
        let old = previous.map { OutputPathValidator.join($0, file.path) }
        // The previous output's file, linked when it holds the same bytes.
        switch file.contents {
        case .previous(_, let size):
            // Page reuse trusted this file by its stamp: linked unread (copied below when it cannot be).
            if let old, link(old, target) == 0 { return WriteTally(bytes: size, kept: 1) }
        default:
            if let old, let size = UnchangedFiles.sizeIfSame(previous: old, as: file), link(old, target) == 0 {
                return WriteTally(bytes: size, kept: 1)
            }
        }
        let written: Int
        switch file.contents {
        case .bytes(let bytes): written = try OutputFileSystem.writeFile(target, bytes: bytes)
        case .spliced(let spliced): written = try OutputFileSystem.writeFile(target, spliced: spliced)
        case .copy(let source), .previous(let source, _):
            written = try OutputFileSystem.copyFile(from: source, to: target)
        }
        return WriteTally(bytes: written, kept: 0)
    }

    /// Whether something replaceable is at the output path; refuses anything that is not an empty folder or a folder
    /// holding the marker file.
    private static func checkExistingOutput(_ output: String, given: String) throws(OutputError) -> Bool {
        switch try OutputFileSystem.kind(at: output) {
        case .missing:
            return false
        case .directory:
            let marker = OutputPathValidator.join(output, SiteWriter.markerFileName)
            if try OutputFileSystem.kind(at: marker) == .regularFile { return true }
            if try OutputFileSystem.isEmptyDirectory(output) { return true }
            throw .notPreviousOutput(given)
        case .regularFile, .symbolicLink, .other:
            throw .notPreviousOutput(given)
        }
    }

    /// Removes `.NAME.staging-PID` and `.NAME.old-PID` folders left by builds that were killed (their process is gone),
    /// once this build's output is safely in place.
    private func removeStaleFolders() {
        let prefixes = [".\(location.name).staging-", ".\(location.name).old-"]
        let pid = getpid()
        for entry in FileFacts.entryNames(location.parent) ?? [] {
            guard let prefix = prefixes.first(where: { entry.hasPrefix($0) }),
                let owner = Int32(entry.dropFirst(prefix.count)), owner != pid, owner > 0,
                kill(owner, 0) != 0, errno == ESRCH
            else { continue }
            try? OutputFileSystem.removeTree(OutputPathValidator.join(location.parent, entry), parallel: parallel)
        }
    }
}

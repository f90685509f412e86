#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes the incremental build cache (``BuildCacheFolder``). Every file is written under a temporary name and renamed
/// into place, so a build killed at any moment leaves either the old entry, the new one, or none: never half of one.
/// Failing to write the cache never fails a build: the next build just has less to reuse.
struct BuildCacheWriter: Sendable {
    let folder: BuildCacheFolder

    /// Forgets the last build's record before the output folders change, so that a build killed between writing its
    /// output and its record is not mistaken for the last one.
    func forgetRecord() {
        unlink(folder.recordPath)
    }

    /// Stores the record of the build that just finished.
    func store(_ record: BuildRecord) {
        let bytes = record.encoded()
        guard !bytes.isEmpty else { return }
        storeFile(folder.recordPath, bytes: bytes)
    }

    /// Starts the page digests of an edition just written to `output`: its entries are written now, their stamps once
    /// the output folder has settled (see ``UnstampedPageDigests``); nil when the file cannot be made.
    func beginPageDigests(
        _ entries: [String: PageReuse.Entry], output: String, edition: String
    ) -> UnstampedPageDigests? {
        guard let file = OpenFile(folder.pageDigestsPath(edition: edition), writer: self) else { return nil }
        let paths = PageDigestFile.writeEntries(entries, folder: output, to: &file.stream)
        return UnstampedPageDigests(paths: paths, file: file)
    }

    /// The file of an edition's page digests (``PageDigestFile``) with every entry written and the stamps still to
    /// come: the entries are written while the previous output is removed, the stamps once the output folder has
    /// settled. Dropped without ``stamp(_:)`` (a build that failed meanwhile), it leaves no file behind.
    final class UnstampedPageDigests: @unchecked Sendable {
        /// The entries' paths, in the file's order.
        let paths: [String]
        private let file: OpenFile

        fileprivate init(paths: [String], file: OpenFile) {
            (self.paths, self.file) = (paths, file)
        }

        /// Writes `stamps`, one for each of ``paths`` in order, and puts the file in place (once).
        func stamp(_ stamps: [FileStamp?]) {
            PageDigestFile.writeStamps(stamps, to: &file.stream)
            file.finish()
        }
    }

    /// Stores the search index's scored terms of an edition just written (see ``SearchScoreFile``).
    func storeSearchScores(_ table: SearchScoreTable, edition: String, tool: String) {
        beginSearchScores(table, edition: edition, tool: tool)?.place()
    }

    /// Writes the search index's scored terms of an edition (see ``SearchScoreFile``) under a temporary name, put in
    /// place once the edition's output is (``UnplacedFile/place()``); nil when the file cannot be made.
    func beginSearchScores(_ table: SearchScoreTable, edition: String, tool: String) -> UnplacedFile? {
        guard let file = OpenFile(folder.searchScoresPath(edition: edition), writer: self) else { return nil }
        SearchScoreFile.write(table, tool: tool, to: &file.stream)
        return UnplacedFile(file)
    }

    /// Stores the related lessons an edition's build worked out (see ``RelatedLessonsFile``).
    func storeRelatedLessons(_ ranking: StoredRelatedLessons.Ranking, edition: String, tool: String) {
        let path = folder.relatedLessonsPath(edition: edition)
        storeFile(path, bytes: RelatedLessonsFile.encoded(ranking, tool: tool))
    }

    /// Writes the card fragments of an edition rendered under `seed` (see ``CardFragmentFile``) under a temporary name,
    /// put in place once the edition's output is (``UnplacedFile/place()``); nil when the file cannot be made.
    func beginCardFragments(_ entries: [StoredCardFragments.Entry], seed: [UInt8], edition: String) -> UnplacedFile? {
        guard let file = OpenFile(folder.cardFragmentsPath(edition: edition), writer: self) else { return nil }
        CardFragmentFile.write(entries, seed: seed, to: &file.stream)
        return UnplacedFile(file)
    }

    /// A cache file written whole under a temporary name, to be put in place later (once). Dropped without
    /// ``place()`` (a build that failed meanwhile), it leaves no file behind.
    final class UnplacedFile: @unchecked Sendable {
        private let file: OpenFile

        fileprivate init(_ file: OpenFile) { self.file = file }

        /// Renames the file into place.
        func place() { file.finish() }
    }

    /// Stores the link check of an edition just written (see ``LinkCheckRecord``).
    func storeLinkCheck(_ record: LinkCheckRecord, edition: String) {
        let path = LinkCheckRecord.path(in: folder, edition: edition)
        storeFile(path, bytes: record.encoded())
    }

    /// Stores the input files' stamps (see ``InputStamps``).
    func storeInputStamps(_ stamps: InputStamps) {
        storeFile(InputStamps.path(in: folder), bytes: stamps.encoded())
    }

    /// Stores a printed PDF under its key.
    func storePDF(_ bytes: [UInt8], key: String) {
        storeFile(folder.pdfPath(key: key), bytes: bytes)
    }

    /// Removes cached PDFs whose keys are not in `keep` (pages that changed or were deleted), so the cache does not grow
    /// without bound.
    func prunePDFs(keeping keep: Set<String>) {
        let stale = (FileFacts.entryNames(folder.pdfFolder) ?? []).filter {
            $0.hasSuffix(".pdf") && !keep.contains(String($0.dropLast(4)))
        }
        for name in stale { unlink(folder.pdfFolder + "/" + name) }
    }

    /// Makes the cache folder, with the `.gitignore` that keeps it out of git, when it is missing.
    func prepareFolder() throws(OutputError) {
        try OutputFileSystem.makeDirectories(folder.path)
        let ignore = folder.path + "/.gitignore"
        if (try? OutputFileSystem.kind(at: ignore)) == .missing {
            _ = try? OutputFileSystem.writeFile(ignore, bytes: Array(BuildCacheFolder.gitignoreText.utf8))
        }
    }

    /// Makes the cache folder and the folder inside it that holds `path` (`derived/`, `pages/`…).
    private func prepareFolder(of path: String) throws(OutputError) {
        try prepareFolder()
        try? OutputFileSystem.makeDirectories(String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]))
    }

    /// A cache file being written through a ``ChecksummedStream`` under a temporary name: ``finish()`` ends it and
    /// renames it into place; one dropped unfinished, or whose writes failed, leaves nothing behind.
    final class OpenFile {
        /// The stream to the file; its chunks go to the file as they fill.
        var stream: ChecksummedStream
        private let file: OutputFileSystem.StreamedFile
        private let path: String
        private let temporary: String
        private var open = true

        /// Makes the folder of `path` and the temporary file; nil when either cannot be made.
        init?(_ path: String, writer: BuildCacheWriter) {
            let temporary = path + ".tmp-\(getpid())"
            do {
                try writer.prepareFolder(of: path)
                unlink(temporary)
                let file = try OutputFileSystem.StreamedFile(temporary)
                (self.file, self.path, self.temporary) = (file, path, temporary)
                stream = ChecksummedStream { file.write($0) }
            } catch {
                unlink(temporary)
                return nil
            }
        }

        /// Hands the last bytes and the checksum on, closes the file and renames it into place (once).
        func finish() {
            guard open else { return }
            open = false
            stream.finish()
            do {
                try file.close()
                try OutputFileSystem.move(temporary, to: path)
            } catch {
                unlink(temporary)
            }
        }

        deinit {
            guard open else { return }
            try? file.close()
            unlink(temporary)
        }
    }

    private func storeFile(_ path: String, bytes: [UInt8]) {
        do {
            try prepareFolder(of: path)
            let temporary = path + ".tmp-\(getpid())"
            unlink(temporary)
            _ = try OutputFileSystem.writeFile(temporary, bytes: bytes)
            try OutputFileSystem.move(temporary, to: path)
        } catch {
            unlink(path + ".tmp-\(getpid())")
        }
    }
}

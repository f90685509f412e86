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

    /// Stores the page digests of an edition just written, as ``PageDigestFile`` encoded them.
    func storePageDigests(_ bytes: [UInt8], edition: String) {
        let path = folder.pageDigestsPath(edition: edition)
        storeFile(path, bytes: bytes)
    }

    /// Stores the search index's scored terms of an edition just written (see ``SearchScoreFile``).
    func storeSearchScores(_ table: SearchScoreTable, edition: String, tool: String) {
        let path = folder.searchScoresPath(edition: edition)
        storeFile(path) { SearchScoreFile.write(table, tool: tool, to: &$0) }
    }

    /// Stores the related lessons an edition's build worked out (see ``RelatedLessonsFile``).
    func storeRelatedLessons(_ ranking: StoredRelatedLessons.Ranking, edition: String, tool: String) {
        let path = folder.relatedLessonsPath(edition: edition)
        storeFile(path, bytes: RelatedLessonsFile.encoded(ranking, tool: tool))
    }

    /// Stores the card fragments of an edition just written, rendered under `seed` (see ``CardFragmentFile``).
    func storeCardFragments(_ entries: [StoredCardFragments.Entry], seed: [UInt8], edition: String) {
        let path = folder.cardFragmentsPath(edition: edition)
        storeFile(path) { CardFragmentFile.write(entries, seed: seed, to: &$0) }
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

    /// Stores the file `write` makes through a ``ChecksummedStream``, written to the file a chunk at a time (so it is
    /// never held whole), under a temporary name renamed into place once every byte was written.
    private func storeFile(_ path: String, write: (inout ChecksummedStream) -> Void) {
        let temporary = path + ".tmp-\(getpid())"
        do {
            try prepareFolder(of: path)
            unlink(temporary)
            let file = try OutputFileSystem.StreamedFile(temporary)
            var stream = ChecksummedStream { file.write($0) }
            write(&stream)
            stream.finish()
            try file.close()
            try OutputFileSystem.move(temporary, to: path)
        } catch {
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

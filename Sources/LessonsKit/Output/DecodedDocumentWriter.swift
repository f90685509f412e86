#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes the decoded-document cache (``DecodedDocumentFile``) once the site is loaded and validated. Each shard is
/// written a piece at a time under a temporary name, then renamed into place, so a build killed at any moment leaves
/// the old shard, the new one or none. Failing to write it never fails a build: the next build just decodes more.
struct DecodedDocumentWriter: Sendable {
    let folder: BuildCacheFolder

    /// Stores each read file's result (`files` in `listing`'s order) under its key in `cache`. A shard whose files all
    /// came from it unchanged is left as it is; in a shard written again, a result taken from the cache is copied as
    /// it was stored, without encoding it again. A shard left with no file is removed.
    func store(
        _ cache: DecodedDocumentCache, listing: ContentListing, files: [DecodedFile],
        listings: [String: DocumentListing.Digests] = [:]
    ) {
        // Each shard's files by their place in `files`: a result holds a whole document, not worth copying 10,000 times.
        var shards = Array(repeating: [(path: String, key: String, file: Int)](), count: cache.previous.count)
        for (index, (entry, file)) in zip(listing.documents, files).enumerated() {
            guard file.wasRead, let key = cache.keys[entry.path] else { continue }
            shards[DecodedDocumentCache.shard(of: entry.path)].append((entry.path, key, index))
        }
        guard (try? BuildCacheWriter(folder: folder).prepareFolder()) != nil,
            (try? OutputFileSystem.makeDirectories(folder.path + "/" + DecodedDocumentFile.folderName)) != nil
        else { return }
        for (shard, kept) in shards.enumerated() {
            let previous = cache.previous[shard]
            let path = DecodedDocumentFile.path(in: folder, shard: shard)
            if kept.isEmpty {
                unlink(path)
                continue
            }
            if let previous, previous.entries.count == kept.count, kept.allSatisfy({ files[$0.file].isCached }) {
                continue
            }
            store(kept, of: files, cache: cache, listings: listings, at: path)
        }
    }

    private func store(
        _ kept: [(path: String, key: String, file: Int)], of files: [DecodedFile], cache: DecodedDocumentCache,
        listings: [String: DocumentListing.Digests], at path: String
    ) {
        let temporary = path + ".tmp-\(getpid())"
        guard let stream = fopen(temporary, "wb") else { return }
        var encoder = DecodedDocumentFile.Encoder()
        var written = write(encoder.header(tool: cache.tool, settings: cache.settings, count: kept.count), to: stream)
        for (documentPath, key, index) in kept where written {
            let file = files[index]
            let stored = file.isCached ? cache.storedRecord(documentPath) : nil
            let piece =
                stored.map { encoder.entry(path: documentPath, key: key, record: $0) }
                ?? encoder.entry(
                    path: documentPath, key: key,
                    record: DecodedDocumentFile.record(of: file, path: documentPath, listing: listings[documentPath]))
            written = write(piece, to: stream)
        }
        written = written && write(encoder.trailer(), to: stream)
        guard fclose(stream) == 0, written, (try? OutputFileSystem.move(temporary, to: path)) != nil else {
            unlink(temporary)
            return
        }
    }

    private func write(_ bytes: [UInt8], to stream: UnsafeMutablePointer<FILE>) -> Bool {
        bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, stream) == $0.count }
    }
}

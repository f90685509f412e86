import Foundation

/// The page digests of one edition's last build (``PageReuse``), stored in the cache as `pages/<edition>.bin`: a small
/// binary file, versioned and checksummed.
///
/// Layout: the magic `LPDG`, the format number, the edition's output folder, the entry count, then per entry the
/// output path, the model digest, the bytes digest, the recorded links and ids (a flag, then the digests of the links
/// and of the ids, then each list as the numbers of its texts: ``PageLinks/appendStoredForm(to:numbering:)``) and a
/// document page's record (a flag, then its input key, problems, copied files and poster); then the link and id texts,
/// each once, in number order (``LinkTextNumbering``: pages share most of their links, which stored in full took most
/// of the file; the last file's texts come first while most are still named, so that kept pages are written back as
/// read); then the stamps of the entries' files in the output, in the entries' order (each a
/// flag, then size, device, inode, modification and status-change times, zeros without a stamp: every stamp takes the
/// same room, so the reader finds them from the end), and last the checksum of everything before it
/// (``CacheChecksum``). The entries are written while the output folder is still changing and the stamps once it has
/// settled (see ``BuildCacheWriter/UnstampedPageDigests``), so the file is streamed and never held whole. Numbers are
/// eight-byte little-endian; texts are a count and UTF-8 bytes. A file of another format, truncated, corrupt or written
/// for another folder reads as no entries: every page is then rendered. An entry read from the file and not changed
/// since has its links and record written back from the bytes read (``PageReuse/Entry/stored``, ``StoredPageLinks``),
/// so a rebuild that reused most pages does not encode them again.
enum PageDigestFile {
    /// Bumped whenever the layout or the meaning of a digest changes.
    static let format = 7
    private static let magic = Array("LPDG".utf8)
    /// The bytes of an entry's stamp: a flag and five numbers.
    private static let stampSize = 41

    /// The bytes of the file for `entries` of the edition written to `folder` (for tests: a build streams it).
    static func encoded(_ entries: [String: PageReuse.Entry], folder: String) -> [UInt8] {
        ChecksummedStream.collected { stream in
            let paths = writeEntries(entries, folder: folder, to: &stream)
            writeStamps(paths.map { entries[$0]?.stamp }, to: &stream)
        }
    }

    /// Writes the file's start and `entries` of the edition written to `folder` to `stream`, a chunk at a time, ordered
    /// by path; the stamps (``writeStamps(_:to:)``) must follow. Returns the paths in that order.
    static func writeEntries(
        _ entries: [String: PageReuse.Entry], folder: String, to stream: inout ChecksummedStream
    ) -> [String] {
        stream.buffer += magic
        TemplateValueBytes.appendLength(format, to: &stream.buffer)
        TemplateValueBytes.appendText(folder, to: &stream.buffer)
        TemplateValueBytes.appendLength(entries.count, to: &stream.buffer)
        let paths = entries.keys.sorted()
        // The texts of the last file, whose pages a rebuild mostly keeps.
        let last = paths.lazy.compactMap { path -> StoredLinkTexts? in
            guard case .stored(let stored)? = entries[path]?.links else { return nil }
            return stored.texts
        }.first
        var numbering = LinkTextNumbering(keeping: last)
        for path in paths {
            guard let entry = entries[path] else { continue }
            append(path: path, entry, numbering: &numbering, to: &stream.buffer)
            stream.flushIfFull()
        }
        TemplateValueBytes.appendLength(numbering.count, to: &stream.buffer)
        if let kept = numbering.kept {
            for number in 0..<kept.count {
                let utf8 = kept.utf8(number) ?? []
                TemplateValueBytes.appendLength(utf8.count, to: &stream.buffer)
                stream.buffer += utf8
                stream.flushIfFull()
            }
        }
        for text in numbering.added {
            TemplateValueBytes.appendText(text, to: &stream.buffer)
            stream.flushIfFull()
        }
        return paths
    }

    private static func append(
        path: String, _ entry: PageReuse.Entry, numbering: inout LinkTextNumbering, to bytes: inout [UInt8]
    ) {
        TemplateValueBytes.appendText(path, to: &bytes)
        entry.model.append(to: &bytes)
        entry.bytes.append(to: &bytes)
        if let links = entry.links {
            bytes.append(1)
            let digests = links.digests
            digests.links.append(to: &bytes)
            digests.ids.append(to: &bytes)
            links.appendStoredForm(to: &bytes, numbering: &numbering)
        } else {
            bytes.append(0)
        }
        if let stored = entry.stored {
            // An entry read from the last file and unchanged: its record as it was written.
            bytes += stored
            return
        }
        append(entry.document, to: &bytes)
    }

    /// Writes the stamps of the entries written by ``writeEntries(_:folder:to:)``, one for each path in its order (nil:
    /// none), which end the file.
    static func writeStamps(_ stamps: [FileStamp?], to stream: inout ChecksummedStream) {
        for stamp in stamps {
            guard let stamp else {
                stream.buffer.append(contentsOf: repeatElement(0, count: stampSize))
                continue
            }
            stream.buffer.append(1)
            let numbers = [
                stamp.size, Int64(bitPattern: stamp.device), Int64(bitPattern: stamp.inode), stamp.modified,
                stamp.changed,
            ]
            for number in numbers { TemplateValueBytes.appendLength(Int(number), to: &stream.buffer) }
            stream.flushIfFull()
        }
    }

    private static func append(_ record: PageReuse.DocumentRecord?, to bytes: inout [UInt8]) {
        guard let record else { return bytes.append(0) }
        bytes.append(1)
        bytes += record.inputs.bytes
        TemplateValueBytes.appendLength(record.diagnostics.count, to: &bytes)
        for item in record.diagnostics.map(BuildRecord.StoredDiagnostic.init) {
            for text in [item.severity, item.code, item.message, item.file] {
                TemplateValueBytes.appendText(text, to: &bytes)
            }
            appendOptional(item.hint, to: &bytes)
            TemplateValueBytes.appendLength(item.line, to: &bytes)
            TemplateValueBytes.appendLength(item.column, to: &bytes)
        }
        TemplateValueBytes.appendLength(record.copies.count, to: &bytes)
        for copy in record.copies {
            TemplateValueBytes.appendText(copy.path, to: &bytes)
            TemplateValueBytes.appendText(copy.source, to: &bytes)
        }
        appendOptional(record.poster, to: &bytes)
    }

    private static func appendOptional(_ text: String?, to bytes: inout [UInt8]) {
        guard let text else { return bytes.append(0) }
        bytes.append(1)
        TemplateValueBytes.appendText(text, to: &bytes)
    }

    /// The entries stored in `bytes` for the output `folder`; empty when the file cannot be trusted.
    static func decoded(_ bytes: [UInt8], folder: String) -> [String: PageReuse.Entry] {
        guard let content = ChecksummedFile.content(of: bytes, magic: magic) else { return [:] }
        var reader = ByteReader(bytes: bytes, offset: content.lowerBound, end: content.upperBound)
        guard reader.number() == format, reader.text() == folder, let count = reader.number(), count >= 0,
            count <= (content.upperBound - reader.offset) / stampSize
        else { return [:] }
        // The stamps end the file, one of the same size for each entry.
        let stampsStart = content.upperBound - count * stampSize
        reader = ByteReader(bytes: bytes, offset: reader.offset, end: stampsStart)
        // The entries name their links' texts by number; the texts follow them.
        var read: [ReadEntry] = []
        read.reserveCapacity(count)
        // Which text numbers the pages name (the highest named is the last).
        var named: [Bool] = []
        for _ in 0..<count {
            guard let path = reader.text(), let model = reader.digest(), let digest = reader.digest(),
                let links = reader.links(named: &named)
            else { return [:] }
            let start = reader.offset
            guard let document = reader.documentRecord() else { return [:] }
            read.append(
                ReadEntry(
                    path: path, model: model, bytes: digest, links: links, document: document.record,
                    stored: start..<reader.offset))
        }
        guard let texts = reader.linkTexts(named: named.count(where: { $0 })), named.count <= texts.count,
            reader.isAtEnd
        else { return [:] }
        var stamps = ByteReader(bytes: bytes, offset: stampsStart, end: content.upperBound)
        var entries: [String: PageReuse.Entry] = [:]
        entries.reserveCapacity(count)
        for entry in read {
            guard let stamp = stamps.stamp() else { return [:] }
            let links = entry.links.map {
                PageLinks.stored(StoredPageLinks(form: bytes[$0.form], texts: texts, digests: $0.digests))
            }
            entries[entry.path] = PageReuse.Entry(
                model: entry.model, bytes: entry.bytes, links: links, document: entry.document, stamp: stamp.stamp,
                stored: bytes[entry.stored])
        }
        return stamps.isAtEnd ? entries : [:]
    }

    /// An entry as read, before the texts its links name are.
    private struct ReadEntry {
        let path: String
        let model: Digest32
        let bytes: Digest32
        let links: (form: Range<Int>, digests: PageLinks.Digests)?
        let document: PageReuse.DocumentRecord?
        /// Where its document record is in the file.
        let stored: Range<Int>
    }

    /// The stored entries of `edition` written to `folder`, or none (missing, unreadable, untrusted).
    /// The file is read into one array, which the entries' ``PageReuse/Entry/stored`` bytes share.
    static func read(from cache: BuildCacheFolder, edition: String, folder: String) -> [String: PageReuse.Entry] {
        guard let bytes = FileFacts.contents(cache.pageDigestsPath(edition: edition)) else { return [:] }
        return decoded(bytes, folder: folder)
    }

    /// Reads a file of the previous output (`folder/path`), for ``PageReuse``; nil when missing or unreadable.
    static func readOutputFile(_ path: String, in folder: String) -> [UInt8]? {
        FileFacts.contents(folder + "/" + path)
    }

    /// `entries` with the stamps of their files in the output `folder` just written: only those of files last modified
    /// `settle` nanoseconds or more before the stamping began (see ``FileStamp``).
    static func stamped(
        _ entries: [String: PageReuse.Entry], folder: String, settle: Int64 = FileStamp.outputSettleNanoseconds
    ) -> [String: PageReuse.Entry] {
        let paths = Array(entries.keys)
        let survey = OutputFingerprint.survey(folder)
        var stamped = entries
        for (path, stamp) in zip(paths, stamps(of: paths, among: survey, settle: settle)) {
            stamped[path]?.stamp = stamp
        }
        return stamped
    }

    /// The stamps of the files at `paths` among those one walk of the output folder just written found (see
    /// ``OutputFingerprint/survey(_:stamps:)``), in order: nil for a file missing, not regular, or last modified less
    /// than `settle` nanoseconds before the walk began, and for every file when the folder could not be walked.
    static func stamps(
        of paths: [String], among survey: OutputFingerprint.Survey?, settle: Int64 = FileStamp.outputSettleNanoseconds
    ) -> [FileStamp?] {
        guard let survey else { return paths.map { _ in nil } }
        return paths.map { path in
            survey.files[path].flatMap { $0.settled(before: survey.began, settle: settle) ? $0 : nil }
        }
    }

    /// Reads numbers, texts and digests written as above, never past `end` (``SearchScoreFile`` reads with it too).
    struct ByteReader {
        let bytes: [UInt8]
        var offset: Int
        /// Where the content ends (the checksum follows it).
        let end: Int

        init(bytes: [UInt8], offset: Int, end: Int? = nil) {
            self.bytes = bytes
            self.offset = offset
            self.end = min(end ?? bytes.count, bytes.count)
        }

        var isAtEnd: Bool { offset == end }

        mutating func number() -> Int? {
            guard end - offset >= 8 else { return nil }
            var value: UInt64 = 0
            for index in 0..<8 { value |= UInt64(bytes[offset + index]) << UInt64(8 * index) }
            offset += 8
            return Int(truncatingIfNeeded: Int64(bitPattern: value))
        }

        mutating func text() -> String? {
            guard let count = number(), count >= 0, end - offset >= count else { return nil }
            defer { offset += count }
            return String(decoding: bytes[offset..<(offset + count)], as: UTF8.self)
        }

        /// The recorded links of a page, left in their stored form with their digests: `.some(nil)` when the page had
        /// none recorded; nil when unreadable. Each text number they name is marked in `named`, which grows to hold it.
        mutating func links(named: inout [Bool]) -> (form: Range<Int>, digests: PageLinks.Digests)?? {
            guard let flag = flag() else { return nil }
            guard flag else { return .some(nil) }
            guard let links = digest(), let ids = digest(),
                let stored = PageLinks.storedForm(
                    in: bytes, from: offset, end: end,
                    named: { number in
                        if number >= named.count {
                            named += repeatElement(false, count: number - named.count + 1)
                        }
                        named[number] = true
                    })
            else { return nil }
            defer { offset = stored }
            return (offset..<stored, .init(links: links, ids: ids))
        }

        /// The link and id texts that follow the entries, of which the entries name `named`: nil when unreadable.
        mutating func linkTexts(named: Int) -> StoredLinkTexts? {
            // Every text takes eight bytes at least.
            guard let count = number(), count >= 0, count <= (end - offset) / 8 else { return nil }
            var ranges: [Range<Int>] = []
            ranges.reserveCapacity(count)
            for _ in 0..<count {
                guard let length = number(), length >= 0, length <= end - offset else { return nil }
                ranges.append(offset..<(offset + length))
                offset += length
            }
            return StoredLinkTexts(bytes: bytes, ranges: ranges, named: named)
        }

        /// A document page's record: `record` is nil when the entry has none; nil when unreadable.
        mutating func documentRecord() -> (record: PageReuse.DocumentRecord?, Void)? {
            guard let flag = flag() else { return nil }
            guard flag else { return (nil, ()) }
            guard let inputs = digest(), let count = number(), count >= 0, count <= end - offset else {
                return nil
            }
            var diagnostics: [Diagnostic] = []
            for _ in 0..<count {
                guard let severity = text(), let code = text(), let message = text(), let file = text(),
                    let hint = optionalText(), let line = number(), let column = number()
                else { return nil }
                let stored = BuildRecord.StoredDiagnostic(
                    severity: severity, code: code, message: message, hint: hint.text, file: file, line: line,
                    column: column)
                guard let diagnostic = stored.diagnostic else { return nil }
                diagnostics.append(diagnostic)
            }
            guard let copyCount = number(), copyCount >= 0, copyCount <= end - offset else { return nil }
            var copies: [PageReuse.DocumentRecord.Copy] = []
            for _ in 0..<copyCount {
                guard let path = text(), let source = text() else { return nil }
                copies.append(.init(path: path, source: source))
            }
            guard let poster = optionalText() else { return nil }
            return (
                PageReuse.DocumentRecord(inputs: inputs, diagnostics: diagnostics, copies: copies, poster: poster.text),
                ()
            )
        }

        /// A flag byte (0 or 1); nil when it is neither or missing.
        mutating func flag() -> Bool? {
            guard offset < end, bytes[offset] <= 1 else { return nil }
            defer { offset += 1 }
            return bytes[offset] == 1
        }

        /// A text written with ``appendOptional``: `text` is nil when absent; nil when unreadable.
        mutating func optionalText() -> (text: String?, Void)? {
            guard let flag = flag() else { return nil }
            guard flag else { return (nil, ()) }
            return text().map { ($0, ()) }
        }

        /// A file's stamp (its flag and five numbers, zeros when it has none): `stamp` is nil when the entry has none;
        /// nil when unreadable.
        mutating func stamp() -> (stamp: FileStamp?, Void)? {
            guard let flag = flag(), let size = number(), let device = number(), let inode = number(),
                let modified = number(), let changed = number()
            else { return nil }
            guard flag else { return (nil, ()) }
            return (
                FileStamp(
                    size: Int64(size), device: UInt64(bitPattern: Int64(device)),
                    inode: UInt64(bitPattern: Int64(inode)),
                    modified: Int64(modified), changed: Int64(changed)), ()
            )
        }

        mutating func digest() -> Digest32? {
            guard end - offset >= 32 else { return nil }
            defer { offset += 32 }
            return Digest32(bytes: bytes[offset..<(offset + 32)])
        }
    }
}

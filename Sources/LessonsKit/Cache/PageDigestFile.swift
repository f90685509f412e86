import Foundation

/// The page digests of one edition's last build (``PageReuse``), stored in the cache as
/// `pages/<edition>.bin`: a small binary file, versioned and checksummed.
///
/// Layout: the magic `LPDG`, the format number, the edition's output folder, the entry count, then per entry the
/// output path, the model digest, the bytes digest, the recorded links and ids (a flag, then each list), a document
/// page's record (a flag, then its input key, problems, copied files and poster), the stamp of its file in the output
/// (a flag, then size, device, inode, modification and status-change times, zeros without a stamp: every entry's stamp
/// takes the same room, so that the stamps can be filled in once the output is settled, see ``Unstamped``), and last
/// the SHA-256 of everything before it. Numbers are eight-byte little-endian; texts are a count and UTF-8 bytes. A file of another format,
/// truncated, corrupt or written for another folder reads as no entries: every page is then rendered. An entry read
/// from the file and not changed since has its links and record written back from the bytes read
/// (``PageReuse/Entry/stored``), so a rebuild that reused most pages does not encode them again.
enum PageDigestFile {
    /// Bumped whenever the layout or the meaning of a digest changes.
    static let format = 4
    private static let magic = Array("LPDG".utf8)
    /// The bytes of an entry's stamp: a flag and five numbers.
    private static let stampSize = 41

    /// The bytes of the file for `entries` of the edition written to `folder`.
    static func encoded(_ entries: [String: PageReuse.Entry], folder: String) -> [UInt8] {
        let unstamped = unstamped(entries, folder: folder)
        return unstamped.stamped(unstamped.paths.map { entries[$0]?.stamp })
    }

    /// The file for `entries` but for their stamps, which take the same room whatever they are: the entries can be
    /// encoded while the output folder is still changing, and stamped once it has settled. A class, so that the
    /// stamps are written into its one buffer in place: a copy of a value passed along would make the buffer shared,
    /// and the first stamp would copy the whole file (tens of megabytes at the end of a large build).
    final class Unstamped: @unchecked Sendable {
        /// The entries' paths, in the file's order.
        let paths: [String]
        /// The file's bytes, each stamp written as none, without the checksum; emptied by ``stamped(_:)``.
        private var bytes: [UInt8]
        /// Where each path's stamp is, in the order of `paths`.
        private let stampOffsets: [Int]

        fileprivate init(paths: [String], bytes: [UInt8], stampOffsets: [Int]) {
            (self.paths, self.bytes, self.stampOffsets) = (paths, bytes, stampOffsets)
        }

        /// The file's bytes with `stamps`, one for each of ``paths`` in order (once: the bytes are handed over).
        func stamped(_ stamps: [FileStamp?]) -> [UInt8] {
            for (offset, stamp) in zip(stampOffsets, stamps) {
                guard let stamp else { continue }
                bytes[offset] = 1
                let numbers = [
                    stamp.size, Int64(bitPattern: stamp.device), Int64(bitPattern: stamp.inode), stamp.modified,
                    stamp.changed,
                ]
                for (index, number) in numbers.enumerated() {
                    let value = UInt64(bitPattern: number)
                    for byte in 0..<8 {
                        bytes[offset + 1 + index * 8 + byte] = UInt8(truncatingIfNeeded: value >> UInt64(8 * byte))
                    }
                }
            }
            bytes += ChecksummedFile.checksum(bytes)
            defer { bytes = [] }
            return bytes
        }
    }

    /// The file for `entries` of the edition written to `folder`, every stamp left out (see ``Unstamped``).
    static func unstamped(_ entries: [String: PageReuse.Entry], folder: String) -> Unstamped {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size(of: entries, folder: folder))
        bytes += magic
        TemplateValueBytes.appendLength(format, to: &bytes)
        TemplateValueBytes.appendText(folder, to: &bytes)
        TemplateValueBytes.appendLength(entries.count, to: &bytes)
        let paths = entries.keys.sorted()
        var stampOffsets: [Int] = []
        stampOffsets.reserveCapacity(paths.count)
        for path in paths {
            guard let entry = entries[path] else { continue }
            TemplateValueBytes.appendText(path, to: &bytes)
            bytes += entry.model.bytes
            bytes += entry.bytes.bytes
            if let stored = entry.stored {
                // An entry read from the last file and unchanged: its links and record as they were written.
                bytes += stored
            } else if let links = entry.links {
                bytes.append(1)
                TemplateValueBytes.appendLength(links.links.count, to: &bytes)
                for link in links.links { TemplateValueBytes.appendText(link, to: &bytes) }
                TemplateValueBytes.appendLength(links.ids.count, to: &bytes)
                for id in links.ids.sorted() { TemplateValueBytes.appendText(id, to: &bytes) }
            } else {
                bytes.append(0)
            }
            if entry.stored == nil { append(entry.document, to: &bytes) }
            stampOffsets.append(bytes.count)
            bytes.append(contentsOf: repeatElement(0, count: stampSize))
        }
        return Unstamped(paths: paths, bytes: bytes, stampOffsets: stampOffsets)
    }

    /// How many bytes ``encoded(_:folder:)`` writes, counted first so that its buffer is made once at that size: the
    /// links of every page make the file tens of megabytes for a large site, and a buffer grown by doubling holds up to
    /// twice its bytes, plus the half it is copied from, just as the build ends.
    static func size(of entries: [String: PageReuse.Entry], folder: String) -> Int {
        func text(_ text: String) -> Int { 8 + text.utf8.count }
        var size = magic.count + 8 + text(folder) + 8 + ChecksummedFile.checksum([UInt8]()).count
        for (path, entry) in entries {
            size += text(path) + 2 * MemoryLayout<Digest32>.size + stampSize
            if let stored = entry.stored {
                size += stored.count
                continue
            }
            size += 1
            if let links = entry.links {
                size += 8 + links.links.reduce(0) { $0 + text($1) } + 8 + links.ids.reduce(0) { $0 + text($1) }
            }
            size += 1
            guard let record = entry.document else { continue }
            size += record.inputs.bytes.count + 8
            for item in record.diagnostics.map(BuildRecord.StoredDiagnostic.init) {
                size += [item.severity, item.code, item.message, item.file].reduce(0) { $0 + text($1) }
                size += 1 + (item.hint.map(text) ?? 0) + 16
            }
            size += 8 + record.copies.reduce(0) { $0 + text($1.path) + text($1.source) }
            size += 1 + (record.poster.map(text) ?? 0)
        }
        return size
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
        guard reader.number() == format, reader.text() == folder, let count = reader.number(), count >= 0 else {
            return [:]
        }
        var entries: [String: PageReuse.Entry] = [:]
        entries.reserveCapacity(min(count, content.count / 72))
        // Most link texts are the same on page after page (the navigation, a card's link from each folder depth):
        // each is kept once, as the render keeps those it records (``SharedLinkTexts``).
        var texts = Set<String>()
        for _ in 0..<count {
            guard let path = reader.text(), let model = reader.digest(), let digest = reader.digest() else {
                return [:]
            }
            let start = reader.offset
            guard let links = reader.links(sharing: &texts), let document = reader.documentRecord() else { return [:] }
            let stored = reader.bytes[start..<reader.offset]
            guard let stamp = reader.stamp() else { return [:] }
            entries[path] = PageReuse.Entry(
                model: model, bytes: digest, links: links.recorded, document: document.record, stamp: stamp.stamp,
                stored: stored)
        }
        return reader.isAtEnd ? entries : [:]
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

    /// The stamp of the file at `path` in the output `folder` (not following a symbolic link); nil when it is missing
    /// or not a regular file.
    static func stampOutputFile(_ path: String, in folder: String) -> FileStamp? {
        var info = stat()
        guard lstat(folder + "/" + path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return FileStamp(info)
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

        /// The recorded links of a page: `recorded` is nil when the page had none recorded; nil when unreadable. Each
        /// text equal to one in `texts` is that one (and kept there when new), and each list is made at its size.
        mutating func links(sharing texts: inout Set<String>) -> (recorded: HTMLLinks?, Void)? {
            guard offset < end else { return nil }
            let flag = bytes[offset]
            offset += 1
            guard flag == 1 else { return flag == 0 ? (nil, ()) : nil }
            var links = HTMLLinks()
            guard let count = number(), count >= 0, count <= end - offset else { return nil }
            links.links.reserveCapacity(min(count, (end - offset) / 8))
            for _ in 0..<count {
                guard let link = text() else { return nil }
                links.links.append(texts.insert(link).memberAfterInsert)
            }
            guard let idCount = number(), idCount >= 0, idCount <= end - offset else { return nil }
            links.ids.reserveCapacity(min(idCount, (end - offset) / 8))
            for _ in 0..<idCount {
                guard let id = text() else { return nil }
                links.ids.insert(texts.insert(id).memberAfterInsert)
            }
            return (links, ())
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

import Crypto
import Synchronization

/// Skips the template engine for pages whose model did not change since the last build.
///
/// Each page rendered through ``TemplateSet/page(_:_:_:)`` gets a *model digest*: SHA-256 of the theme's templates,
/// the template's name and every value Mustache can read (the converted model, see ``TemplateValueBytes``). Those are
/// all the page's bytes depend on. When the last build rendered the same path from the same digest, and the file it
/// left at that path still holds the bytes it rendered then (checked by their SHA-256), those bytes are used as they
/// are; otherwise the page is rendered. Either way the page's entry is recorded for the next build.
///
/// The file is not even read when its stamp (``FileStamp``: size, device, inode, modification and status-change
/// times) is still the one taken just after the last build wrote it: the page then stands for that file
/// (``OutputFile/Contents/previous(from:size:)``) and the writer links it unread.
///
/// The page builders still build every model (and so still report every problem); only the rendering is skipped.
final class PageReuse: Sendable {
    /// What the last build knew of one page: the digest of its model and of the bytes rendered from it, and the links
    /// and ids recorded while rendering it (nil when the theme could not record them: the link check reads the page).
    struct Entry: Sendable, Hashable {
        let model: Digest32
        let bytes: Digest32
        let links: PageLinks?
        /// For a document's page: the key of everything it was made from (``DocumentPages/reuseInputs(_:sources:)``)
        /// and what building it gave besides the page, so an unchanged document's page need not be built at all.
        var document: DocumentRecord? {
            didSet { stored = nil }
        }
        /// The stamp of the page's file in the output as the last build left it, when it had settled (see
        /// ``FileStamp``): a file with the same stamp still holds the bytes of digest ``bytes``.
        var stamp: FileStamp?
        /// The entry's document record as the page digests file held it, when read from it and not changed since:
        /// written back as it is (see ``PageDigestFile``). Not part of the entry's value.
        var stored: ArraySlice<UInt8>?

        init(
            model: Digest32, bytes: Digest32, links: PageLinks?, document: DocumentRecord? = nil,
            stamp: FileStamp? = nil, stored: ArraySlice<UInt8>? = nil
        ) {
            self.model = model
            self.bytes = bytes
            self.links = links
            self.document = document
            self.stamp = stamp
            self.stored = stored
        }

        static func == (lhs: Entry, rhs: Entry) -> Bool {
            lhs.model == rhs.model && lhs.bytes == rhs.bytes && lhs.links == rhs.links && lhs.document == rhs.document
                && lhs.stamp == rhs.stamp
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(model)
            hasher.combine(bytes)
            hasher.combine(links)
            hasher.combine(document)
            hasher.combine(stamp)
        }
    }

    /// What a document's page was made from and what building it gave besides the page itself.
    struct DocumentRecord: Sendable, Hashable {
        /// The input key (``inputKey(template:inputs:)`` of the page's ``PageInputs``).
        let inputs: Digest32
        /// The problems found while building the page, in order.
        let diagnostics: [Diagnostic]
        /// Files copied beside the page (attachments, clips), in order: output path and the file they are copied from.
        let copies: [Copy]
        /// The output path of the lesson's poster, made before the page.
        let poster: String?

        struct Copy: Sendable, Hashable {
            let path: String
            let source: String
        }
    }

    /// The digests of the site's input files, with which a document page's input key is made; nil when unknown.
    let sources: ReuseSources?
    /// The search index's scored terms of the last build and of this one (see ``SearchScoreCache``).
    let searchScores: SearchScoreCache?
    /// The card fragments of the last build and of this one (see ``StoredCardFragments``).
    let cardFragments: StoredCardFragments?
    /// The related lessons of the last build and of this one (see ``StoredRelatedLessons``).
    let relatedLessons: StoredRelatedLessons?

    /// The digest of the templates and the tool, with which every page's model digest starts.
    let seed: [UInt8]
    /// The last build's entries, by output path, read from the cache when first needed (see
    /// ``init(seed:readingPrevious:sources:searchScores:cardFragments:relatedLessons:previousFolder:stampPrevious:readPrevious:)``).
    var previous: [String: Entry] { deferredPrevious.value }
    private let deferredPrevious: Deferred<[String: Entry]>
    /// Reads a file of the last build's output, by output path; nil when it is missing or unreadable.
    let readPrevious: @Sendable (String) -> [UInt8]?
    /// The last build's output folder, whose files are trusted unread when their stamps are as recorded; nil: every
    /// reused page is read and checked against its digest.
    let previousFolder: String?
    /// The stamp of a file of the last build's output, by output path; nil when it is missing or not a regular file.
    let stampPrevious: @Sendable (String) -> FileStamp?
    private let state = Mutex(State())

    private struct State {
        var entries: [String: Entry] = [:]
        var reused = 0
        var unread = 0
        var rendered = 0
        var unbuiltDocuments = 0
        var unbuiltAggregates = 0
        var unbuiltBulletinForms = 0
        /// The stamps of the pages reused unread, by output path.
        var unreadStamps: [String: FileStamp] = [:]
    }

    /// Reuse with `previous` entries; `seed` must change whenever anything but the model changes a page's bytes.
    convenience init(
        seed: [UInt8], previous: [String: Entry], sources: ReuseSources? = nil, searchScores: SearchScoreCache? = nil,
        cardFragments: StoredCardFragments? = nil, previousFolder: String? = nil,
        stampPrevious: @escaping @Sendable (String) -> FileStamp? = { _ in nil },
        readPrevious: @escaping @Sendable (String) -> [UInt8]?
    ) {
        self.init(
            seed: seed, readingPrevious: { previous }, sources: sources, searchScores: searchScores,
            cardFragments: cardFragments, previousFolder: previousFolder, stampPrevious: stampPrevious,
            readPrevious: readPrevious)
    }

    /// Reuse with the entries `readingPrevious` returns, called once when ``previous`` is first read: the renderer reads
    /// them while it analyses the edition on another thread (see ``SiteRenderer``).
    init(
        seed: [UInt8], readingPrevious: @escaping @Sendable () -> [String: Entry], sources: ReuseSources? = nil,
        searchScores: SearchScoreCache? = nil, cardFragments: StoredCardFragments? = nil,
        relatedLessons: StoredRelatedLessons? = nil, previousFolder: String? = nil,
        stampPrevious: @escaping @Sendable (String) -> FileStamp? = { _ in nil },
        readPrevious: @escaping @Sendable (String) -> [UInt8]?
    ) {
        self.previousFolder = previousFolder
        self.stampPrevious = stampPrevious
        self.seed = seed
        deferredPrevious = Deferred(readingPrevious)
        self.sources = sources
        self.searchScores = searchScores
        self.cardFragments = cardFragments
        self.relatedLessons = relatedLessons
        self.readPrevious = readPrevious
    }

    /// The seed for a theme's templates and a tool identity (version, executable).
    static func seed(templates: [(name: String, bytes: [UInt8])], tool: String) -> [UInt8] {
        var hasher = SHA256()
        var buffer: [UInt8] = []
        TemplateValueBytes.appendText("page-reuse 1 " + tool, to: &buffer)
        for template in templates {
            TemplateValueBytes.appendText(template.name, to: &buffer)
            TemplateValueBytes.appendLength(template.bytes.count, to: &buffer)
            buffer += template.bytes
        }
        hasher.update(data: buffer)
        return Array(hasher.finalize())
    }

    /// The page at `path`: the last build's bytes when its model digest is the same, else `render(converted)`.
    func page(path: String, template: String, converted: Any?, render: (Any?) -> RenderedHTML) -> OutputFile {
        guard let model = digest(template: template, converted: converted) else {
            state.withLock { $0.rendered += 1 }
            return OutputFile(page: path, html: render(converted))
        }
        return reusedPage(path: path, key: model) ?? renderedPage(path: path, key: model, html: render(converted))
    }

    /// The page at `path`: the last build's bytes when it was made from the same `inputs` (see ``PageInputs``), without
    /// calling `convert` (which builds and converts the page's model); else `render(convert())`.
    func page(
        path: String, template: String, inputs: PageInputs, convert: () -> Any?, render: (Any?) -> RenderedHTML
    ) -> OutputFile {
        let key = inputKey(template: template, inputs: inputs)
        if let reused = reusedPage(path: path, key: key) {
            if inputs.kind == AggregateInputs.kind { state.withLock { $0.unbuiltAggregates += 1 } }
            if inputs.kind == BulletinPages.inputsKind { state.withLock { $0.unbuiltBulletinForms += 1 } }
            return reused
        }
        return renderedPage(path: path, key: key, html: render(convert()))
    }

    /// The input key of a page: after the seed and the template's name, a byte no converted model starts with (see
    /// ``TemplateValueBytes``), so an input key never equals a model digest.
    func inputKey(template: String, inputs: PageInputs) -> Digest32 {
        var buffer = seed
        TemplateValueBytes.appendText(template, to: &buffer)
        buffer.append(0xFF)
        buffer += inputs.bytes
        return Digest32(SHA256.hash(data: buffer))
    }

    /// The files and problems of a document's page as the last build made them, when it was made from the same
    /// `inputs` and its page and poster files still hold the bytes made then; nil otherwise (the page is then built).
    func reusedDocument(path: String, inputs: PageInputs) -> RenderedPage? {
        guard let last = previous[path], let record = last.document,
            record.inputs == inputKey(template: "document", inputs: inputs)
        else { return nil }
        guard let page = intact(path: path, key: last.model) else { return nil }
        var poster: (entry: Entry, contents: OutputFile.Contents)?
        if let path = record.poster {
            guard let entry = previous[path], let file = intact(path: path, key: entry.model) else { return nil }
            poster = file
        }
        var files = record.copies.map { OutputFile(path: $0.path, contents: .copy(from: $0.source)) }
        if let path = record.poster, let poster {
            files.append(reuse(path: path, poster.entry, contents: poster.contents))
        }
        files.append(reuse(path: path, page.entry, contents: page.contents))
        state.withLock { $0.unbuiltDocuments += 1 }
        return RenderedPage(files: files, diagnostics: record.diagnostics)
    }

    /// Records, with the entry of the document page at `path` just built, what it was made from and what it gave: the
    /// files before the page are copies (kept when they are) and the lesson's poster.
    func record(_ built: RenderedPage, path: String, inputs: PageInputs) {
        var copies: [DocumentRecord.Copy] = []
        var poster: String?
        for file in built.files where file.path != path {
            switch file.contents {
            case .copy(let source): copies.append(.init(path: file.path, source: source))
            case .bytes where poster == nil && file.isPage, .spliced where poster == nil && file.isPage,
                .previous where poster == nil && file.isPage:
                poster = file.path
            default: return  // a file this record cannot hold: the page is built again next time
            }
        }
        // The files must come back in the same order: copies, then the poster, then the page.
        let order = copies.map(\.path) + (poster.map { [$0] } ?? []) + [path]
        guard built.files.map(\.path) == order else { return }
        let record = DocumentRecord(
            inputs: inputKey(template: "document", inputs: inputs),
            diagnostics: built.diagnostics, copies: copies, poster: poster)
        state.withLock { $0.entries[path]?.document = record }
    }

    /// The last build's page at `path` when it was made with `key` and its file still holds the bytes made then.
    private func reusedPage(path: String, key: Digest32) -> OutputFile? {
        intact(path: path, key: key).map { reuse(path: path, $0.entry, contents: $0.contents) }
    }

    /// The last build's entry for `path` and its file, when it was made with `key` and is intact: left unread in the
    /// previous output when its stamp is as recorded (and, for HTML, its links were recorded, so nobody scans it), else
    /// read and checked against the recorded digest of its bytes.
    private func intact(path: String, key: Digest32) -> (entry: Entry, contents: OutputFile.Contents)? {
        guard let last = previous[path], last.model == key else { return nil }
        if let folder = previousFolder, last.links != nil || !path.hasSuffix(".html"), let recorded = last.stamp {
            if let stamp = stampPrevious(path), stamp == recorded {
                return (last, .previous(from: folder + "/" + path, size: Int(stamp.size)))
            }
        }
        guard let bytes = readPrevious(path), Digest32(SHA256.hash(data: bytes)) == last.bytes else { return nil }
        return (last, .bytes(bytes))
    }

    /// The bytes of a page that stands for the previous output's file (``OutputFile/Contents/previous(from:size:)``),
    /// read back from there; nil for any other file or when it cannot be read.
    func previousBytes(of file: OutputFile) -> [UInt8]? {
        guard case .previous = file.contents else { return nil }
        return readPrevious(file.path)
    }

    /// Reads the last build's entries now (they are otherwise read when first needed), and makes room for as many
    /// in this build's: thousands of pages are then recorded without the table growing, each growth copying it.
    func readPreviousEntries() {
        let count = previous.count
        state.withLock { state in
            state.entries.reserveCapacity(count)
            if previousFolder != nil { state.unreadStamps.reserveCapacity(count) }
        }
    }

    /// The page at `path` with the last build's `contents`, its entry kept for the next build.
    private func reuse(path: String, _ entry: Entry, contents: OutputFile.Contents) -> OutputFile {
        let unread: Int
        if case .previous = contents { unread = 1 } else { unread = 0 }
        state.withLock {
            $0.entries[path] = entry
            $0.reused += 1
            $0.unread += unread
            if unread == 1, let stamp = entry.stamp { $0.unreadStamps[path] = stamp }
        }
        return OutputFile(page: path, contents: contents, links: entry.links).fromPreviousOutput
    }

    /// A page just rendered, recorded with `key` for the next build.
    private func renderedPage(path: String, key: Digest32, html: RenderedHTML) -> OutputFile {
        let file = OutputFile(page: path, html: html)
        let digest: Digest32
        switch file.contents {
        case .bytes(let bytes): digest = Digest32(SHA256.hash(data: bytes))
        case .spliced(let spliced): digest = spliced.digest
        case .copy, .previous:
            state.withLock { $0.rendered += 1 }
            return file
        }
        let entry = Entry(model: key, bytes: digest, links: file.links)
        state.withLock {
            $0.entries[path] = entry
            $0.rendered += 1
        }
        return file
    }

    /// The model digest of a page, or nil when its model holds a value whose rendering the digest cannot capture.
    func digest(template: String, converted: Any?) -> Digest32? {
        var buffer = seed
        TemplateValueBytes.appendText(template, to: &buffer)
        if let converted {
            guard TemplateValueBytes.append(converted, to: &buffer) else { return nil }
        }
        return Digest32(SHA256.hash(data: buffer))
    }

    /// The entries of every page rendered or reused so far in this build, by output path.
    var entries: [String: Entry] { state.withLock { $0.entries } }

    /// How many pages were reused and how many rendered.
    var counts: (reused: Int, rendered: Int) { state.withLock { ($0.reused, $0.rendered) } }

    /// The stamps of the pages reused unread (trusted by them), by output path: what the output's files at those
    /// paths were when the render looked.
    var unreadStamps: [String: FileStamp] { state.withLock { $0.unreadStamps } }

    /// How many of the pages reused were left unread in the previous output, trusted by their stamps.
    var unreadCount: Int { state.withLock { $0.unread } }

    /// How many documents' pages were taken from the last build without being built (see ``reusedDocument(path:inputs:)``).
    var unbuiltDocuments: Int { state.withLock { $0.unbuiltDocuments } }

    /// How many aggregate pages were taken from the last build through their input key, without building their model
    /// (see ``AggregateInputs``).
    var unbuiltAggregates: Int { state.withLock { $0.unbuiltAggregates } }

    /// How many bulletin forms (web, print, e-mail, `.eml`) were taken from the last build through their bulletin's input
    /// key, without building their model (see ``BulletinPages/reuseInputs(_:forewordHTML:hasPDF:sources:)``).
    var unbuiltBulletinForms: Int { state.withLock { $0.unbuiltBulletinForms } }
}

/// The digests of a build's input files and of everything else a document's page may depend on, for the input keys
/// of document pages (see ``DocumentPages/reuseInputs(_:sources:)``).
struct ReuseSources: Sendable {
    /// Hex SHA-256 of each input file's bytes, by site-relative path.
    let files: [String: String]
    /// The digest of every input but the documents' own files (site.yaml, data, theme, static files, attachments), the
    /// build's settings but git dates and the variables no page reads (``isPageSetting(_:)``), and the site's folder.
    let site: [UInt8]

    /// From a fingerprint's files and settings: documents are the `.md` files under `content/`.
    init(files: [String: String], settings: [String], siteDirectory: String) {
        self.files = files
        var inputs = PageInputs(kind: "site 1")
        inputs.add(siteDirectory)
        inputs.add(settings.filter(Self.isPageSetting))
        for path in files.keys.filter({ !($0.hasPrefix("content/") && $0.hasSuffix(".md")) }).sorted() {
            inputs.add(path)
            inputs.add(files[path] ?? "")
        }
        site = Array(SHA256.hash(data: inputs.bytes))
    }

    /// Whether a page's bytes may depend on a build setting (``IncrementalBuild``'s list). Git dates are not: each
    /// document's are among its own inputs. Nor are `PATH` and `TMPDIR`: only the PDF stages read them (to find Chromium
    /// and for their scratch folder), whether a bulletin's or report's PDF was printed is an input of its page, and a
    /// printed PDF's cache key holds Chromium's version and the scratch folder. A build from a shell with another
    /// `PATH` therefore renders no page again (it still misses the no-change shortcut, whose key holds every setting).
    static func isPageSetting(_ setting: String) -> Bool {
        !setting.hasPrefix("git ") && !setting.hasPrefix("env PATH=") && !setting.hasPrefix("env TMPDIR=")
    }
}

/// A SHA-256 digest as four words: hashable, comparable and cheap to store.
struct Digest32: Sendable, Hashable {
    let words: (UInt64, UInt64, UInt64, UInt64)

    init(words: (UInt64, UInt64, UInt64, UInt64)) {
        self.words = words
    }

    /// The first 32 bytes of `bytes` (a SHA-256 digest), big-endian words; nil when shorter.
    init?<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        if let digest = bytes.withContiguousStorageIfAvailable({ Digest32(raw: UnsafeRawBufferPointer($0)) }) {
            guard let digest else { return nil }
            self = digest
            return
        }
        var values: [UInt64] = [0, 0, 0, 0]
        var count = 0
        for byte in bytes.prefix(32) {
            values[count / 8] = values[count / 8] << 8 | UInt64(byte)
            count += 1
        }
        guard count == 32 else { return nil }
        words = (values[0], values[1], values[2], values[3])
    }

    init(_ digest: SHA256.Digest) {
        // A SHA-256 digest always has 32 bytes.
        self = digest.withUnsafeBytes { Digest32(raw: $0) } ?? Digest32(words: (0, 0, 0, 0))
    }

    /// The first 32 bytes of `raw` as big-endian words, read in place; nil when shorter.
    private init?(raw: UnsafeRawBufferPointer) {
        guard raw.count >= 32 else { return nil }
        func word(_ index: Int) -> UInt64 {
            UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 8 * index, as: UInt64.self))
        }
        words = (word(0), word(1), word(2), word(3))
    }

    /// The 32 bytes, big-endian.
    var bytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        append(to: &bytes)
        return bytes
    }

    /// Appends the 32 bytes, big-endian (as ``bytes``, without making an array of them first).
    func append(to buffer: inout [UInt8]) {
        withUnsafeBytes(of: (words.0.bigEndian, words.1.bigEndian, words.2.bigEndian, words.3.bigEndian)) {
            buffer.append(contentsOf: $0)
        }
    }

    static func == (lhs: Digest32, rhs: Digest32) -> Bool {
        lhs.words == rhs.words
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }
}

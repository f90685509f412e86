/// One file of the built site: a path relative to the output folder (forward slashes) and its contents.
///
/// Paths such as `lessons/ll-2026-003/index.html` are checked by ``SiteWriter`` before anything is
/// written: they must be relative, made of non-empty names other than `.` and `..`, and free of
/// backslashes and NUL characters.
struct OutputFile: Sendable, Hashable {
    /// Where the bytes of an output file come from.
    enum Contents: Sendable, Hashable {
        /// The exact bytes of the file.
        case bytes([UInt8])
        /// A copy of an existing file, named by its absolute path (static files, theme assets).
        case copy(from: String)
        /// The previous output's file at the same path, `size` bytes at `from`, which page reuse trusts unread: it holds
        /// the bytes the last build rendered, as its stamp says (see ``PageReuse``). An HTML file stands for one only
        /// when its links were recorded (nobody scans it); the writer links it, and the few stages that read a page's
        /// bytes read them from there.
        case previous(from: String, size: Int)
        /// The bytes of a page assembled from fragments, as runs written one after another (``SplicedBytes``). It
        /// equals the `bytes` of the same bytes.
        case spliced(SplicedBytes)

        static func == (lhs: Contents, rhs: Contents) -> Bool {
            switch (lhs, rhs) {
            case (.bytes(let a), .bytes(let b)): a == b
            case (.spliced(let a), .bytes(let b)), (.bytes(let b), .spliced(let a)): a.holds(b)
            case (.spliced(let a), .spliced(let b)): a.count == b.count && a.holds(b.joined)
            case (.copy(let a), .copy(let b)): a == b
            case (.previous(let a, let x), .previous(let b, let y)): a == b && x == y
            default: false
            }
        }

        func hash(into hasher: inout Hasher) {
            switch self {
            case .bytes(let bytes):
                hasher.combine(0)
                hasher.combine(bytes)
            case .spliced(let spliced):
                hasher.combine(0)
                hasher.combine(spliced.joined)
            case .copy(let source):
                hasher.combine(1)
                hasher.combine(source)
            case .previous(let source, let size):
                hasher.combine(2)
                hasher.combine(source)
                hasher.combine(size)
            }
        }
    }

    /// The path inside the output folder, with `/` between folder and file names.
    let path: String
    /// What the file holds.
    private(set) var contents: Contents
    /// Whether the file is a page readers browse to (the sitemap lists these), not an asset, a data file, a print or
    /// e-mail form of a page, or the 404 page.
    private(set) var isPage = false
    /// The links and ids of an HTML file the renderer built, recorded as it was written; nil for other files, and for
    /// HTML nobody recorded (the link check reads that HTML instead).
    private(set) var links: PageLinks?
    /// Whether the bytes are those of the previous output's file at the same path, read back and checked against the
    /// digest recorded with them (``PageReuse``): the writer then links that file without reading it again. It says how
    /// the bytes were obtained, not what the file is, so equality leaves it out.
    private(set) var isPreviousOutput = false

    /// Creates an output file from a relative path and its contents.
    init(path: String, contents: Contents) {
        self.path = path
        self.contents = contents
    }

    /// Creates an output file holding `text` encoded as UTF-8.
    init(path: String, text: String) {
        self.init(path: path, contents: .bytes(Array(text.utf8)))
    }

    /// A page readers browse to, holding `html` and the links it records.
    init(page path: String, html: RenderedHTML) {
        self.init(path: path, html: html)
        isPage = true
    }

    /// An HTML file that is not a page readers browse to (a print or e-mail form, 404), with the links it records.
    init(path: String, html: RenderedHTML) {
        self.init(path: path, contents: html.contents)
        links = html.links
    }

    /// A page readers browse to, holding `bytes` (a page the last build rendered from the same model) and the links
    /// recorded when it was rendered, if known.
    init(page path: String, bytes: [UInt8], links: PageLinks?) {
        self.init(page: path, contents: .bytes(bytes), links: links)
    }

    /// A page readers browse to, with `contents` (a page the last build rendered from the same model, held or left in
    /// the previous output) and the links recorded when it was rendered, if known.
    init(page path: String, contents: Contents, links: PageLinks?) {
        self.init(path: path, contents: contents)
        self.links = links
        isPage = true
    }

    /// The same file, its bytes known to be those of the previous output's file at its path (see ``isPreviousOutput``).
    var fromPreviousOutput: OutputFile {
        var file = self
        file.isPreviousOutput = true
        return file
    }

    static func == (lhs: OutputFile, rhs: OutputFile) -> Bool {
        lhs.path == rhs.path && lhs.contents == rhs.contents && lhs.isPage == rhs.isPage && lhs.links == rhs.links
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(contents)
        hasher.combine(isPage)
        hasher.combine(links)
    }

    /// The same file as a form of a page (print, e-mail): not a page readers browse to, so the sitemap leaves it out.
    var asForm: OutputFile {
        var form = self
        form.isPage = false
        return form
    }

    /// A copied file; an HTML file under `static/` is a page of the site too.
    init(staticFile path: String, from source: String) {
        self.init(path: path, contents: .copy(from: source))
        isPage = path.hasSuffix(".html")
    }
}

extension OutputFile {
    /// The absolute path of the file this one copies, or nil for generated bytes.
    var copiedFrom: String? {
        guard case .copy(let source) = contents else { return nil }
        return source
    }

    /// The bytes of a generated file held in memory (a spliced page's joined); nil for a copy or a previous output's
    /// file.
    var heldBytes: [UInt8]? {
        switch contents {
        case .bytes(let bytes): bytes
        case .spliced(let spliced): spliced.joined
        case .copy, .previous: nil
        }
    }

    /// How many bytes of the file are held in memory (0 for a copy or a previous output's file).
    var heldByteCount: Int {
        switch contents {
        case .bytes(let bytes): bytes.count
        case .spliced(let spliced): spliced.count
        case .copy, .previous: 0
        }
    }

    /// The same file holding `bytes` (those of the previous output's file it stood for, read back).
    func holding(_ bytes: [UInt8]) -> OutputFile {
        var file = self
        file.contents = .bytes(bytes)
        return file
    }

    /// What later stages need of this file once its bytes are written (see ``OutputEntry``).
    var entry: OutputEntry {
        guard path.hasSuffix(".html"), copiedFrom == nil,
            let links = links ?? heldBytes.map({ PageLinks(HTMLLinkScanner.scan($0)) })
        else {
            return OutputEntry(path: path, copiedFrom: copiedFrom, isPage: isPage, links: nil)
        }
        return OutputEntry(path: path, copiedFrom: nil, isPage: isPage, links: links)
    }
}

/// What the checks after rendering need of an output file, without its bytes: its path, the file it is copied from,
/// whether it is a page readers browse to, and the links and ids of a generated HTML file.
struct OutputEntry: Sendable, Hashable {
    /// The path inside the output folder.
    let path: String
    /// The absolute path of the file copied (attachments, `static/`), or nil for generated bytes.
    let copiedFrom: String?
    /// Whether the sitemap lists the file (see ``OutputFile/isPage``).
    let isPage: Bool
    /// The links and ids of a generated `.html` file (as recorded while rendering, or read from its bytes); nil for
    /// other files.
    let links: PageLinks?
}

/// An HTML page as a template rendered it, with the links and ids it wrote (nil when the theme could not record them).
///
/// It holds the page's UTF-8 bytes, which become the output file's as they are: a large page assembled from fragments
/// (``TemplateSet``) is never held as text as well, nor joined in one buffer (its bytes are ``SplicedBytes``).
struct RenderedHTML: Sendable, Hashable {
    /// The page's bytes: `.bytes`, or `.spliced` for a page assembled from fragments.
    let contents: OutputFile.Contents
    let links: PageLinks?

    init(bytes: [UInt8], links: PageLinks?) {
        contents = .bytes(bytes)
        self.links = links
    }

    /// A page's `contents` as the splice made them: `.bytes`, or `.spliced` (``PartialFragments/Render/splice(into:)``).
    init(contents: OutputFile.Contents, links: PageLinks?) {
        self.contents = contents
        self.links = links
    }

    init(text: String, links: PageLinks?) {
        self.init(bytes: Array(text.utf8), links: links)
    }

    /// The page's bytes in one buffer.
    var bytes: [UInt8] {
        switch contents {
        case .bytes(let bytes): bytes
        case .spliced(let spliced): spliced.joined
        // Never held by a rendered page.
        case .copy, .previous: []
        }
    }

    /// The page as text.
    var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// What ``SiteWriter/write(_:)`` wrote: the number of site files and their total size in bytes.
///
/// The `.lessons-output` marker file is not counted.
struct WriteSummary: Sendable, Hashable {
    /// The number of site files written.
    let fileCount: Int
    /// The total number of bytes in those files.
    let byteCount: Int
    /// How many of those files were unchanged since the previous output, so kept (hard-linked) rather than written.
    let unchangedCount: Int

    /// Creates a summary.
    init(fileCount: Int, byteCount: Int, unchangedCount: Int = 0) {
        self.fileCount = fileCount
        self.byteCount = byteCount
        self.unchangedCount = unchangedCount
    }
}

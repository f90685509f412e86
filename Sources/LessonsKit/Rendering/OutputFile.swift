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
    }

    /// The path inside the output folder, with `/` between folder and file names.
    let path: String
    /// What the file holds.
    let contents: Contents
    /// Whether the file is a page readers browse to (the sitemap lists these), not an asset, a data file, a print or
    /// e-mail form of a page, or the 404 page.
    private(set) var isPage = false
    /// The links and ids of an HTML file the renderer built, recorded as it was written; nil for other files, and for
    /// HTML nobody recorded (the link check reads that HTML instead).
    private(set) var links: HTMLLinks?

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
        self.init(path: path, text: html.text)
        links = html.links
    }

    /// A page readers browse to, holding `bytes` (a page the last build rendered from the same model) and the links
    /// recorded when it was rendered, if known.
    init(page path: String, bytes: [UInt8], links: HTMLLinks?) {
        self.init(path: path, contents: .bytes(bytes))
        self.links = links
        isPage = true
    }

    /// A copied file; an HTML file under `static/` is a page of the site too.
    init(staticFile path: String, from source: String) {
        self.init(path: path, contents: .copy(from: source))
        isPage = path.hasSuffix(".html")
    }
}

/// An HTML page as a template rendered it, with the links and ids it wrote (nil when the theme could not record them).
struct RenderedHTML: Sendable, Hashable {
    let text: String
    let links: HTMLLinks?
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

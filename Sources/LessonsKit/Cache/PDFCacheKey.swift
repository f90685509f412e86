import Foundation

/// The key of a printed PDF: the print page's bytes, the bytes of every file it uses (style sheets, images), the
/// Chromium that prints it, the date written into the PDF and the temporary folder's name (which a PDF's links name
/// when the site has no `base_url`). The same key means the same PDF, byte for byte.
struct PDFCacheKey: Sendable {
    /// Bumped when what a cached PDF holds changes (2: node names renumbered, see `PDFFile.renumberingNodeIDs`).
    static let format = "pdf-cache 2"

    let chromiumVersion: String
    let temporaryFolder: String

    /// The key of printing `page` (whose files, itself included, are `files`) as `kind` dated `date`; `digest` gives
    /// the SHA-256 of one file (callers remember them, since many pages share their style sheets).
    func key(kind: String, page: String, date: PartialDate, files: [OutputFile], digest: (OutputFile) -> String)
        -> String
    {
        var key = CacheKeyBuilder()
        key.add("format", Self.format)
        key.add("chromium", chromiumVersion)
        key.add("temporary folder", temporaryFolder)
        key.add("kind", kind)
        key.add("page", page)
        key.add("date", "\(date.year)-\(date.month)-\(date.day ?? 0)")
        for file in files { key.add(file.path, digest(file)) }
        return key.finish()
    }

    /// The SHA-256 of an output file's bytes (read from disk for a copy or a previous output's file; empty when it
    /// cannot be read).
    static func digest(of file: OutputFile) -> String {
        switch file.contents {
        case .bytes(let bytes): SHA256Hex.of(bytes)
        case .spliced(let spliced): SHA256Hex.of(spliced.joined)
        case .copy(let source), .previous(let source, _):
            FileManager.default.contents(atPath: source).map { SHA256Hex.of($0) } ?? ""
        }
    }
}

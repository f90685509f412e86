import Foundation

/// Where the incremental build cache lives: `.lessons-cache/` in the site folder unless `--cache DIR` moves it.
///
/// It holds `build.json` (the last successful build's input key and output fingerprints, see ``BuildRecord``),
/// `inputs.bin` (each input file's stamp and digest, see ``InputStamps``), `pdf/` (printed PDFs by key, see
/// ``PDFCacheKey``), `pages/` (each edition's page digests, see ``PageDigestFile``), `documents/` (each content file
/// decoded, see ``DecodedDocumentFile``), `derived/` (each edition's search scores and card fragments, see
/// ``SearchScoreFile`` and ``CardFragmentFile``), `links/` (each edition's last successful link check, see
/// ``LinkCheckRecord``) and `build.lock` (held by the build running, see `BuildLock`). Everything in it can be deleted at any time; `--clean` ignores it for one build (and the build
/// then writes it afresh).
struct BuildCacheFolder: Sendable, Hashable {
    /// The default folder name inside the site.
    static let defaultName = ".lessons-cache"
    /// The record of the last build.
    static let recordName = "build.json"
    /// The folder of cached PDFs.
    static let pdfFolderName = "pdf"
    /// Written into the folder so that git ignores it wherever it is.
    static let gitignoreText = "# Written by lessons: the incremental build cache. Safe to delete.\n*\n"

    /// The folder's absolute path.
    let path: String

    /// The cache folder for `siteDirectory`, or `directory` when given (relative to the current folder).
    init(siteDirectory: String, directory: String?) {
        let chosen = directory ?? (siteDirectory + "/" + Self.defaultName)
        path = URL(fileURLWithPath: chosen).standardizedFileURL.path
    }

    var recordPath: String { path + "/" + Self.recordName }

    /// Whether the folder holds the record of a build (of any version): without one, a build starts from nothing.
    var holdsRecord: Bool { FileManager.default.fileExists(atPath: recordPath) }
    var pdfFolder: String { path + "/" + Self.pdfFolderName }

    /// The page digests of an edition's last build (see ``PageDigestFile``), named by the SHA-256 of the edition's name.
    func pageDigestsPath(edition: String) -> String {
        path + "/pages/" + String(SHA256Hex.of(text: edition).prefix(16)) + ".bin"
    }

    /// The search index's scored terms of an edition's last build (see ``SearchScoreFile``), named like its page digests.
    func searchScoresPath(edition: String) -> String {
        path + "/derived/search-" + String(SHA256Hex.of(text: edition).prefix(16)) + ".bin"
    }

    /// The related lessons of an edition's last build (see ``RelatedLessonsFile``), named like its page digests.
    func relatedLessonsPath(edition: String) -> String {
        path + "/derived/related-" + String(SHA256Hex.of(text: edition).prefix(16)) + ".bin"
    }

    /// The card fragments of an edition's last build (see ``CardFragmentFile``), named like its page digests.
    func cardFragmentsPath(edition: String) -> String {
        path + "/derived/cards-" + String(SHA256Hex.of(text: edition).prefix(16)) + ".bin"
    }

    /// The path of the cached PDF with `key`.
    func pdfPath(key: String) -> String { pdfFolder + "/" + key + ".pdf" }

    /// The bytes of the cached PDF with `key`, or nil (missing, unreadable, or not a whole PDF: a build killed while
    /// writing it leaves no file under its final name, but a damaged one is ignored all the same).
    func cachedPDF(key: String) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: pdfPath(key: key)), data.count > 16 else { return nil }
        let bytes = [UInt8](data)
        guard bytes.starts(with: Array("%PDF-".utf8)),
            String(decoding: bytes.suffix(32), as: UTF8.self).contains("%%EOF")
        else { return nil }
        return bytes
    }
}

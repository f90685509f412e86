/// How a bulletin form writes its links: relative to the bulletin's folder on the web page; absolute from `base_url`
/// in the e-mail (a mail client has no page to be relative to) and on the print page (whose links live on in the PDF).
struct BulletinLinks: Sendable {
    let paths: SitePaths
    /// The bulletin's folder, e.g. `bulletins/llb-003/`.
    let folder: String
    /// `base_url` with a trailing slash, for absolute links; nil for relative ones.
    let base: String?
    /// Whether files (images, attachments) are absolute too; the print page keeps them relative so that Chromium
    /// finds them on disk when it makes the PDF.
    var absoluteFiles = true

    /// A link to a site folder (ending in `/`) or file.
    func href(_ target: String) -> String {
        let isFolder = target.isEmpty || target.hasSuffix("/")
        guard let base, isFolder || absoluteFiles else { return paths.href(from: folder, to: target) }
        let portableSuffix = paths.portable && (target.isEmpty || target.hasSuffix("/")) ? "index.html" : ""
        return base + target + portableSuffix
    }

    /// The address printed after a link on paper: the absolute URL without its scheme, or nil without `base_url`.
    static func shortURL(base: String?, target: String) -> String? {
        guard let base, let schemeEnd = base.range(of: "://") else { return nil }
        return String(base[schemeEnd.upperBound...]) + target
    }
}

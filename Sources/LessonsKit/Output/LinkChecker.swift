import Foundation

/// Checks that every internal `href`, `src` and `action` of the generated pages resolves to a file of the output.
///
/// Pure: it looks only at the edition's ``OutputFile`` list, before anything is written. A page's links and ids are
/// the ones recorded as the page was rendered (``OutputFile/links``); only an HTML file that carries no record (none
/// from this renderer does, unless the theme's attribute values are too intricate to record) has its HTML read. Links with a scheme
/// (`https:`, `mailto:`, `data:`) are external and not fetched. A link into a folder means its `index.html`,
/// except in portable mode, where a browser on `file://` would show a folder listing instead. A fragment must
/// name an `id` of the target page. Copied files (attachments, `static/`) count by their path alone.
struct LinkChecker: Sendable {
    /// Portable mode: every page link must name a file.
    let portable: Bool
    /// The URL path the site is served under (`/learning/`): links starting with `/` (the 404 page's) are read from it.
    let rootPath: String
    /// The Markdown file each page folder was rendered from (`lessons/ll-2026-001/` → `content/lessons/ll-2026-001.md`).
    let sources: [String: String]
    /// Where a link is written in a source file (source path, link as in the page), so the error points at it.
    let locate: @Sendable (String, String) -> SourceLocation?

    init(
        portable: Bool, rootPath: String = "/", sources: [String: String] = [:],
        locate: @escaping @Sendable (String, String) -> SourceLocation? = { _, _ in nil }
    ) {
        self.portable = portable
        self.rootPath = rootPath.hasSuffix("/") ? rootPath : rootPath + "/"
        self.sources = sources
        self.locate = locate
    }

    /// A link that does not resolve, where it was found and why.
    struct BrokenLink: Sendable, Hashable {
        let file: String
        let link: String
        let reason: String
    }

    /// One error per broken target; a link broken on many pages (from a template) is reported once, with a count.
    func check(_ files: [OutputFile], jobs: Int? = nil) async -> [Diagnostic] {
        await check(entries: parallelMap(files, jobs: jobs) { $0.entry }, jobs: jobs)
    }

    /// The same, from what was kept of each file (``OutputEntry``) once its bytes were written.
    func check(entries: [OutputEntry], jobs: Int? = nil) async -> [Diagnostic] {
        let scanned = entries.compactMap { entry in entry.links.map { (entry.path, $0) } }
        let ids = Dictionary(scanned.map { ($0.0, $0.1.ids) }, uniquingKeysWith: { first, _ in first })
        let outputs = Set(entries.map(\.path))
        let checker = self
        let broken = await parallelMap(scanned, jobs: jobs) { path, result in
            let folder = Array(path.utf8.split(separator: Self.slash).dropLast().map { Substring($0) })
            return result.links.compactMap {
                checker.problem(with: $0, in: path, folder: folder, outputs: outputs, ids: ids).map {
                    BrokenLink(file: path, link: $0.0, reason: $0.1)
                }
            }
        }.flatMap { $0 }
        return diagnostics(for: broken)
    }

    func diagnostics(for broken: [BrokenLink]) -> [Diagnostic] {
        var groups: [String: [BrokenLink]] = [:]
        var order: [String] = []
        for link in broken {
            let key = link.reason
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(link)
        }
        let reported = order.prefix(Self.maximumReported).compactMap { key -> Diagnostic? in
            guard let links = groups[key]?.sorted(by: { ($0.file, $0.link) < ($1.file, $1.link) }),
                let first = links.first
            else { return nil }
            let folder = first.file.split(separator: "/").dropLast().joined(separator: "/") + "/"
            let source = sources[folder]
            let others = Set(links.map(\.file)).count - 1
            var message = "broken link '\(first.link)' in \(first.file): \(first.reason)"
            if others > 0 { message += " (and on \(others) other page\(others == 1 ? "" : "s"))" }
            let hint =
                source == nil
                ? "the link comes from a theme template or a generated page; fix the template or the data it uses"
                : "fix the link in the document, or the template if every page of this kind has it"
            let location = source.flatMap { locate($0, first.link) } ?? SourceLocation(file: source ?? first.file)
            return .error(.brokenOutputLink, message, at: location, hint: hint)
        }
        guard order.count > Self.maximumReported else { return reported }
        return reported + [
            .error(
                .brokenOutputLink, "\(order.count - Self.maximumReported) more broken link targets not listed",
                at: SourceLocation(file: "site-output"), hint: "fix the ones above and build again")
        ]
    }

    /// Broken targets listed one by one; a broken template can break thousands, and the first ones show the pattern.
    static let maximumReported = 50

    /// Why `link` on page `path` (in `folder`, its path's folder names) does not resolve (the link and the reason, the
    /// reason naming the target), or nil when it does. Read on the UTF-8 bytes: it runs for every link of every page.
    func problem(
        with raw: String, in path: String, folder: [Substring], outputs: Set<String>, ids: [String: Set<String>]
    ) -> (String, String)? {
        let link = Self.trimmed(raw)
        let bytes = link.utf8
        guard let first = bytes.first, !Self.hasScheme(link),
            !(first == Self.slash && bytes.dropFirst().first == Self.slash)
        else { return nil }
        var rest = Substring(link)
        var fragment: String?
        if let hash = bytes.firstIndex(of: UInt8(ascii: "#")) {
            fragment = Self.percentDecoded(String(link[bytes.index(after: hash)...]))
            rest = rest[..<hash]
        }
        if let question = rest.utf8.firstIndex(of: UInt8(ascii: "?")) { rest = rest[..<question] }
        let linkPath = Self.percentDecoded(String(rest))
        var target: String
        if linkPath.isEmpty {
            target = path
        } else {
            var base = folder
            var relative = Substring(linkPath)
            if linkPath.utf8.first == Self.slash {
                guard linkPath.hasPrefix(rootPath) || linkPath + "/" == rootPath else {
                    return (link, "\(linkPath) is outside the site's path \(rootPath)")
                }
                relative = relative.dropFirst(min(rootPath.count, linkPath.count))
                base = []
            }
            guard let resolved = RelativePath.join(relative, toFolder: base) else {
                return (link, "it points above the site's root folder")
            }
            target = resolved
            if target.isEmpty || target.utf8.last == Self.slash {
                if portable {
                    return (link, "in portable mode a link must name a file (\(target)index.html), not a folder")
                }
                target += "index.html"
            }
        }
        if !outputs.contains(target) {
            guard !portable, outputs.contains(target + "/index.html") else {
                return (link, "no file \(target) in the output")
            }
            target += "/index.html"
        }
        if let fragment, !fragment.isEmpty, let targetIds = ids[target], !targetIds.contains(fragment) {
            return (link, "\(target) has no element with id '\(fragment)'")
        }
        return nil
    }

    static let slash = UInt8(ascii: "/")

    /// `raw` without the white space around it (what `trimmingCharacters(in: .whitespacesAndNewlines)` removes), with no
    /// copy for the usual link that has none.
    static func trimmed(_ raw: String) -> String {
        guard let first = raw.unicodeScalars.first, let last = raw.unicodeScalars.last,
            first.properties.isWhitespace || last.properties.isWhitespace
        else { return raw }
        return raw.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func hasScheme(_ link: String) -> Bool {
        let bytes = link.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let scheme = bytes[..<colon]
        guard let first = scheme.first, HTMLLinkScanner.isLetter(first) else { return false }
        return scheme.allSatisfy {
            HTMLLinkScanner.isLetter($0) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
                || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
        }
    }

    static func percentDecoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

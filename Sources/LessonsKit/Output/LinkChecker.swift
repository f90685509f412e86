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
        let table = OutputTable(entries)
        let pages = entries.indices.filter { entries[$0].links != nil }
        return diagnostics(for: await check(pages: pages, in: table, jobs: jobs).flatMap(\.broken))
    }

    /// What resolving one page's links found: its broken links, in the page's order, and the files its other links
    /// resolved to (indices into the table's entries, each once, in the order first met).
    struct PageCheck: Sendable, Hashable {
        var broken: [BrokenLink] = []
        var targets: [Int] = []
    }

    /// Resolves every link of the pages at `pages` (indices into `table`'s entries, which must carry links), in
    /// parallel, the pages with the most links first; results in the order of `pages`.
    func check(pages: [Int], in table: OutputTable, jobs: Int? = nil) async -> [PageCheck] {
        let checker = self
        let weights = pages.map { table.entries[$0].links?.linkCount ?? 0 }
        return await parallelMap(pages, weights: weights, jobs: jobs) { index in
            let entry = table.entries[index]
            let path = entry.path
            let folder = Array(path.utf8.split(separator: Self.slash).dropLast().map { Substring($0) })
            var result = PageCheck()
            var seen: Set<Int> = []
            // A page repeats many of its links (a theme page's thousands of cards link the same few themes): each text
            // is resolved once per page, and met again, adds nothing but its broken link, reported at each place.
            var met: [String: BrokenLink?] = [:]
            for link in entry.links?.links ?? [] {
                if let known = met[link] {
                    if let known { result.broken.append(known) }
                    continue
                }
                switch checker.resolve(link, in: path, folder: folder, table: table) {
                case .external: met[link] = .some(nil)
                case .target(let target):
                    if seen.insert(target).inserted { result.targets.append(target) }
                    met[link] = .some(nil)
                case .broken(let trimmed, let reason):
                    let broken = BrokenLink(file: path, link: trimmed, reason: reason)
                    result.broken.append(broken)
                    met[link] = .some(broken)
                }
            }
            return result
        }
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

    /// What one link resolves to: nothing to check (a scheme, or protocol-relative), a file of the output, or nothing
    /// (the link as trimmed, and the reason, naming the target).
    enum Resolution: Sendable, Hashable {
        case external
        case target(Int)
        case broken(String, String)
    }

    /// Resolves `link` on page `path` (in `folder`, its path's folder names) against `table`. Read on the UTF-8 bytes:
    /// it runs for every link of every page checked.
    func resolve(_ raw: String, in path: String, folder: [Substring], table: OutputTable) -> Resolution {
        let link = Self.trimmed(raw)
        let bytes = link.utf8
        guard let first = bytes.first, !Self.hasScheme(link),
            !(first == Self.slash && bytes.dropFirst().first == Self.slash)
        else { return .external }
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
                    return .broken(link, "\(linkPath) is outside the site's path \(rootPath)")
                }
                relative = relative.dropFirst(min(rootPath.count, linkPath.count))
                base = []
            }
            guard let resolved = RelativePath.join(relative, toFolder: base) else {
                return .broken(link, "it points above the site's root folder")
            }
            target = resolved
            if target.isEmpty || target.utf8.last == Self.slash {
                if portable {
                    return .broken(link, "in portable mode a link must name a file (\(target)index.html), not a folder")
                }
                target += "index.html"
            }
        }
        let found: Int
        if let index = table.index[target] {
            found = index
        } else if !portable, let index = table.index[target + "/index.html"] {
            target += "/index.html"
            found = index
        } else {
            return .broken(link, "no file \(target) in the output")
        }
        if let fragment, !fragment.isEmpty, let targetIds = table.ids(of: found), !targetIds.contains(fragment) {
            return .broken(link, "\(target) has no element with id '\(fragment)'")
        }
        return .target(found)
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

/// A request as the pipeline passed it to the resolver: where it is written, what kind of link holds it, and how many
/// problems had been found before it (so a problem it causes later takes its place among them).
struct AskedRequest: Sendable, Hashable {
    let line: Int
    let column: Int
    let isImage: Bool
    let isWikiLink: Bool
    let problemsBefore: Int

    /// The same request counted after `count` problems found by an enclosing run.
    func after(_ count: Int) -> AskedRequest {
        AskedRequest(
            line: line, column: column, isImage: isImage, isWikiLink: isWikiLink, problemsBefore: problemsBefore + count
        )
    }
}

/// A Markdown body parsed and rendered once (when it is decoded), with each link the page decides left as a hole.
///
/// Every page, bulletin form and e-mail that shows the body fills the holes with ``render(resolve:)``: the resolver
/// is asked the same questions in the same order as ``MarkdownRenderer/render(_:options:resolve:)`` would ask, and the
/// HTML and problems are the same bytes, without parsing the body again. A hole is written in the HTML as a marker
/// that does not occur in the body (`href="<marker>h<n>-"`, and `<marker>t<n>-` for a link text the resolver gives).
/// A body whose holes cannot be filled that way (a link inside an image's text, raw `</a>` in unsafe HTML…) keeps
/// its Markdown and is rendered in full each time, as before.
///
/// Its fields live in one shared, immutable box (as a ``Document``'s do): a body is handed from the decoder to the
/// cache, the corpus and the pages, and each copy is one reference, not a dozen.
struct PreparedMarkdown: Sendable {
    private let storage: SharedFields<Stored>

    /// Every reference in document order, as ``MarkdownRenderer/references(in:)`` gives them.
    var references: [BodyReference] { storage.fields.references }
    /// The plain text with links left as written (for search and feed summaries).
    var plainText: String { storage.fields.plainText }
    var options: MarkdownOptions { storage.fields.options }
    private var html: String { storage.fields.html }
    private var marker: String { storage.fields.marker }
    private var requests: [LinkRequest] { storage.fields.requests }
    private var asked: [AskedRequest] { storage.fields.asked }
    /// Problems that do not depend on the resolver (unsafe links, images without alt text, malformed tables).
    private var fixedProblems: [MarkdownProblem] { storage.fields.fixedProblems }
    /// The Markdown, kept only when the holes cannot be filled and every render parses it again (empty otherwise:
    /// the decoded site drops its sources after validation, and this is the only copy left of them).
    private var source: String { storage.fields.source }
    /// Whether every render must parse `source` again.
    private var rendersInFull: Bool { storage.fields.rendersInFull }
    /// The links and ids of `html`, read once: a hole's link is its marker until a render fills it.
    private var writtenLinks: HTMLLinks { storage.fields.writtenLinks }

    /// Parses `markdown` once.
    init(_ markdown: String, options: MarkdownOptions) {
        var marker = "lessonshole"
        while markdown.utf8Contains(marker) { marker += "x" }
        var requests: [LinkRequest] = []
        var pipeline = MarkdownPipeline(options: options, locator: SourceLocator(markdown))
        let output = pipeline.renderDocument(markdown, produceHTML: true) { request in
            let number = requests.count
            requests.append(request)
            return .link(href: "\(marker)h\(number)-", title: "\(marker)t\(number)-")
        }
        // The plain text as `.keep` leaves it: `[[ID]]` as written, an empty link as nothing.
        var plain = output.plainText
        var emptied = false
        for (number, request) in requests.enumerated() {
            let title = "\(marker)t\(number)-"
            guard plain.utf8Contains(title), case .reference(let id) = request else { continue }
            let isWikiLink = number < pipeline.requests.count && pipeline.requests[number].isWikiLink
            plain = plain.utf8Replacing(title, with: isWikiLink ? "[[\(id)]]" : "")
            emptied = emptied || !isWikiLink
        }
        let rendersInFull = !Self.canFill(
            html: output.html, marker: marker, requests: requests, asked: pipeline.requests, options: options)
        storage = SharedFields(
            fields: Stored(
                references: pipeline.sortedReferences,
                plainText: emptied ? MarkdownPipeline.collapsingWhitespace(plain) : plain, options: options,
                html: output.html, marker: marker, requests: requests, asked: pipeline.requests,
                fixedProblems: pipeline.problems, source: rendersInFull ? markdown : "", rendersInFull: rendersInFull,
                writtenLinks: rendersInFull ? HTMLLinks() : HTMLLinkScanner.scan(Array(output.html.utf8))))
    }

    /// Whether every hole sits where ``fill`` expects it: one `href` or `src` per request, a given link text only
    /// as the whole text of its link, and no markup that would confuse the search for a link's end.
    private static func canFill(
        html: String, marker: String, requests: [LinkRequest], asked: [AskedRequest], options: MarkdownOptions
    ) -> Bool {
        guard asked.count == requests.count else { return false }
        if options.unsafeHTML, html.lowercased().contains("</a") {
            // Raw HTML might close a link early; count the closings we wrote ourselves.
            let holes = requests.indices.filter { html.contains("<a href=\"\(marker)h\($0)-") }.count
            if html.lowercased().components(separatedBy: "</a").count - 1 != holes { return false }
        }
        for number in requests.indices {
            let href = "\(marker)h\(number)-"
            // Exactly one hole for the request: the HTML before it and after it.
            guard let hole = html.utf8Range(of: href), !html[hole.upperBound...].utf8Contains(href) else {
                return false
            }
            let before = html[..<hole.lowerBound]
            let after = html[hole.upperBound...]
            guard before.hasSuffix("<a href=\"") || before.hasSuffix("<img src=\"") else { return false }
            if before.hasSuffix("<img src=\"") {
                // The alt text stands in for a removed image: only text, as cmark writes it.
                guard let tagEnd = after.utf8Range(of: " />"), !after[..<tagEnd.lowerBound].utf8Contains("&lt;")
                else { return false }
            }
            let title = "\(marker)t\(number)-"
            let titles = html.utf8Count(of: title)
            if titles > 1 || (titles == 1 && !html.utf8Contains("<a href=\"\(href)\">\(title)</a>")) { return false }
            // A removed link or image leaves its text among the text around it, where a full render would look for
            // `[[ID]]` again: such bodies are rendered in full.
            let end = before.hasSuffix("<img src=\"") ? " />" : "</a>"
            guard let close = after.utf8Range(of: end), !after[..<close.lowerBound].utf8Contains("["),
                !before.dropLast(before.hasSuffix("<img src=\"") ? 10 : 9).reversed().drop(while: isIdCharacter)
                    .starts(with: "[[")
            else { return false }
        }
        return true
    }

    private static func isIdCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "-")
    }

    /// The body's HTML, plain text and problems with each hole decided by `resolve` (asked in the order a full
    /// render would ask). Pages never answer `.keep` (a link left as written): the Markdown is not kept to render it,
    /// so such a hole is written as an unresolved link would be.
    func render(resolve: (LinkRequest) -> LinkResolution) -> RenderedMarkdown {
        if rendersInFull { return Self.scanned(MarkdownRenderer.render(source, options: options, resolve: resolve)) }
        let resolutions = requests.map { request in
            let resolution = resolve(request)
            return resolution == .keep ? .unresolved : resolution
        }
        // Problems in the order a full render finds them: each hole's after the fixed ones found before it.
        var problems: [MarkdownProblem] = []
        var fixed = fixedProblems[...]
        for (number, asked) in asked.enumerated() {
            while fixedProblems.count - fixed.count < asked.problemsBefore, let next = fixed.popFirst() {
                problems.append(next)
            }
            if let kind = Self.problem(requests[number], resolutions[number]) {
                problems.append(MarkdownProblem(kind: kind, line: asked.line, column: asked.column))
            }
        }
        problems += fixed
        let ordered = problems.enumerated()
            .sorted {
                ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset)
            }
            .map(\.element)
        return RenderedMarkdown(
            html: fill(Substring(html), resolutions, linkText: nil), plainText: plainText, problems: ordered,
            links: links(resolutions))
    }

    /// A full render with the links of its HTML read from it (the rare bodies whose holes cannot be filled).
    private static func scanned(_ rendered: RenderedMarkdown) -> RenderedMarkdown {
        var rendered = rendered
        rendered.links = HTMLLinkScanner.scan(Array(rendered.html.utf8))
        return rendered
    }

    /// The links of the filled HTML: those written in the body as they are, each hole's as its resolution writes it
    /// (escaped as in ``fill``, then read back as a browser would), a removed one left out.
    private func links(_ resolutions: [LinkResolution]) -> HTMLLinks {
        guard !requests.isEmpty else { return writtenLinks }
        var links = HTMLLinks(links: [], ids: writtenLinks.ids)
        links.links.reserveCapacity(writtenLinks.links.count)
        let prefix = marker + "h"
        for link in writtenLinks.links {
            guard link.hasPrefix(prefix) else {
                links.links.append(link)
                continue
            }
            let afterMarker = link.utf8.dropFirst(prefix.utf8.count)
            let digits = afterMarker.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            guard let number = Int(Substring(digits)), number < resolutions.count,
                afterMarker.dropFirst(digits.count).first == UInt8(ascii: "-")
            else {
                links.links.append(link)
                continue
            }
            guard case .link(let href, _) = resolutions[number] else { continue }
            let rest = Substring(afterMarker.dropFirst(digits.count + 1))
            links.links.append(HTMLLinkScanner.decodeReferences(Self.escapedHref(href)) + rest)
        }
        return links
    }

    /// The problem a full render reports for `resolution` of `request`.
    private static func problem(_ request: LinkRequest, _ resolution: LinkResolution) -> MarkdownProblem.Kind? {
        switch (request, resolution) {
        case (.reference(let id), .plainText): .linkOutsideEdition(id)
        case (.reference(let id), .unresolved): .unresolvedReference(id)
        case (.relativePath(let path), .plainText): .linkOutsideEdition(path)
        case (.relativePath(let path), .unresolved): .unresolvedPath(path)
        default: nil
        }
    }

    /// `html` with its holes filled; `linkText` is the text standing for the enclosing link's text marker.
    private func fill(_ html: Substring, _ resolutions: [LinkResolution], linkText: (marker: String, text: String)?)
        -> String
    {
        var output = ""
        var rest = html
        while let found = rest.utf8Range(of: marker) {
            let afterMarker = rest[found.upperBound...]
            let kind = afterMarker.first
            let digits = afterMarker.dropFirst().prefix(while: \.isNumber)
            guard let number = Int(digits), number < resolutions.count,
                afterMarker.dropFirst(1 + digits.count).first == "-"
            else {
                output += rest[..<found.upperBound]
                rest = afterMarker
                continue
            }
            let tokenEnd = rest.index(found.upperBound, offsetBy: 2 + digits.count)
            let token = String(rest[found.lowerBound..<tokenEnd])
            let after = rest[tokenEnd...]
            if kind == "t" {
                output += rest[..<found.lowerBound]
                output += linkText?.marker == token ? linkText?.text ?? "" : token
                rest = after
                continue
            }
            let before = rest[..<found.lowerBound]
            let resolution = resolutions[number]
            if before.hasSuffix("<img src=\""), let tagEnd = after.utf8Range(of: " />") {
                let tagStart = before.index(before.endIndex, offsetBy: -"<img src=\"".count)
                if case .link(let href, _) = resolution {
                    output += before + Self.escapedHref(href) + after[..<tagEnd.upperBound]
                    rest = after[tagEnd.upperBound...]
                    continue
                }
                // Removed: its alt text stays; an image alone in its paragraph with no alt text takes the paragraph.
                let alt = Self.attribute("alt", in: after[..<tagEnd.lowerBound])
                var head = String(before[..<tagStart])
                var tail = after[tagEnd.upperBound...]
                if alt.isEmpty, head.hasSuffix("<p>"), tail.hasPrefix("</p>\n") {
                    head.removeLast(3)
                    tail = tail.dropFirst(5)
                }
                output += head + alt
                rest = tail
                continue
            }
            guard before.hasSuffix("<a href=\""), let tagEnd = after.firstIndex(of: ">"),
                let close = after[tagEnd...].utf8Range(of: "</a>")
            else {
                output += rest[..<tokenEnd]
                rest = after
                continue
            }
            let tagStart = before.index(before.endIndex, offsetBy: -"<a href=\"".count)
            let content = after[after.index(after: tagEnd)..<close.lowerBound]
            // A link left with no text (`[[ID]]`, `[](ID)`, or an image inside it removed) gets the given text.
            var text = fill(content, resolutions, linkText: ("\(marker)t\(number)-", ""))
            switch resolution {
            case .link(let href, let title):
                if text.isEmpty, case .reference = requests[number] { text = Self.escapedText(title) }
                output += before + Self.escapedHref(href) + after[..<after.index(after: tagEnd)] + text + "</a>"
            case .plainText(let title):
                if text.isEmpty { text = Self.escapedText(title) }
                output += before[..<tagStart] + text
            case .unresolved:
                if text.isEmpty, case .reference(let id) = requests[number] { text = Self.escapedText(id) }
                output += before[..<tagStart] + text
            case .keep:
                output += rest[..<close.upperBound]  // not reached: `.keep` renders in full
            }
            rest = after[close.upperBound...]
        }
        return output + rest
    }

    /// The value of `name="…"` in a tag cmark wrote (already escaped).
    private static func attribute(_ name: String, in tag: Substring) -> String {
        guard let start = tag.utf8Range(of: " \(name)=\"") else { return "" }
        let value = tag[start.upperBound...]
        return String(value.prefix { $0 != "\"" })
    }

    /// Text as cmark escapes it (`escape_html`: `&`, `<`, `>` and `"`).
    static func escapedText(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A link destination as cmark writes it (`houdini_escape_href`): safe bytes as they are, `&` and `'` as
    /// entities, every other byte percent-encoded.
    static func escapedHref(_ href: String) -> String {
        PercentEncoding.encode(href, keeping: isSafeInHref) { byte in
            switch byte {
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "'"): "&#x27;"
            default: nil
            }
        }
    }

    private static func isSafeInHref(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default: "-_.+!*(),%#@?=;:/$~".utf8.contains(byte)
        }
    }
}

extension PreparedMarkdown {
    /// Every field of a parse, as the decoded-document cache stores it (so a cached body is not parsed again).
    struct Stored: Sendable, Hashable {
        var references: [BodyReference]
        var plainText: String
        var options: MarkdownOptions
        var html: String
        var marker: String
        var requests: [LinkRequest]
        var asked: [AskedRequest]
        var fixedProblems: [MarkdownProblem]
        var source: String
        var rendersInFull: Bool
        var writtenLinks: HTMLLinks
    }

    /// The parse's fields.
    var stored: Stored { storage.fields }

    /// The parse whose fields are `stored`, as ``stored`` gave them.
    init(stored: Stored) {
        storage = SharedFields(fields: stored)
    }
}

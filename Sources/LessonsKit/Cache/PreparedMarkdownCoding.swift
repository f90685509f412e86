/// A body's one parse (``PreparedMarkdown``) as bytes and back, for the decoded-document cache: every field of
/// ``PreparedMarkdown/Stored`` in order.
enum PreparedMarkdownCoding {
    static func write(_ markdown: PreparedMarkdown, to writer: inout CacheByteWriter) {
        let stored = markdown.stored
        writer.array(stored.references) {
            $0.string($1.id)
            $0.int($1.line)
            $0.int($1.column)
        }
        writer.string(stored.plainText)
        writer.bool(stored.options.unsafeHTML)
        writer.bool(stored.options.smartPunctuation)
        writer.string(stored.html)
        writer.string(stored.marker)
        writer.array(stored.requests) {
            switch $1 {
            case .reference(let id):
                $0.int(0)
                $0.string(id)
            case .relativePath(let path):
                $0.int(1)
                $0.string(path)
            }
        }
        writer.array(stored.asked) {
            $0.int($1.line)
            $0.int($1.column)
            $0.bool($1.isImage)
            $0.bool($1.isWikiLink)
            $0.int($1.problemsBefore)
        }
        writer.array(stored.fixedProblems) {
            let (tag, text) = kindParts($1.kind)
            $0.int(tag)
            $0.string(text)
            $0.int($1.line)
            $0.int($1.column)
        }
        writer.string(stored.source)
        writer.bool(stored.rendersInFull)
        writer.strings(stored.writtenLinks.links)
        writer.strings(stored.writtenLinks.ids.sorted())
    }

    static func read(from reader: inout CacheByteReader) throws(CacheBytesError) -> PreparedMarkdown {
        let references = try reader.array { reader throws(CacheBytesError) in
            BodyReference(id: try reader.string(), line: try reader.int(), column: try reader.int())
        }
        let plainText = try reader.string()
        let options = MarkdownOptions(unsafeHTML: try reader.bool(), smartPunctuation: try reader.bool())
        let html = try reader.string()
        let marker = try reader.string()
        let requests = try reader.array { reader throws(CacheBytesError) -> LinkRequest in
            switch try reader.int() {
            case 0: return .reference(id: try reader.string())
            case 1: return .relativePath(try reader.string())
            default: throw CacheBytesError()
            }
        }
        let asked = try reader.array { reader throws(CacheBytesError) in
            AskedRequest(
                line: try reader.int(), column: try reader.int(), isImage: try reader.bool(),
                isWikiLink: try reader.bool(), problemsBefore: try reader.int())
        }
        let fixedProblems = try reader.array { reader throws(CacheBytesError) in
            MarkdownProblem(
                kind: try kind(tag: try reader.int(), text: try reader.string()), line: try reader.int(),
                column: try reader.int())
        }
        return PreparedMarkdown(
            stored: PreparedMarkdown.Stored(
                references: references, plainText: plainText, options: options, html: html, marker: marker,
                requests: requests, asked: asked, fixedProblems: fixedProblems, source: try reader.string(),
                rendersInFull: try reader.bool(),
                writtenLinks: HTMLLinks(links: try reader.strings(), ids: Set(try reader.strings()))))
    }

    private static func kindParts(_ kind: MarkdownProblem.Kind) -> (Int, String) {
        switch kind {
        case .unresolvedReference(let text): (0, text)
        case .linkOutsideEdition(let text): (1, text)
        case .unresolvedPath(let text): (2, text)
        case .unsafeLinkScheme(let text): (3, text)
        case .imageWithoutAlt(let text): (4, text)
        case .malformedTable(let text): (5, text)
        }
    }

    private static func kind(tag: Int, text: String) throws(CacheBytesError) -> MarkdownProblem.Kind {
        switch tag {
        case 0: .unresolvedReference(text)
        case 1: .linkOutsideEdition(text)
        case 2: .unresolvedPath(text)
        case 3: .unsafeLinkScheme(text)
        case 4: .imageWithoutAlt(text)
        case 5: .malformedTable(text)
        default: throw CacheBytesError()
        }
    }
}

import Ccmark

/// Renders a fragment (a table cell, a title) as the inline content of one paragraph.
extension MarkdownPipeline {
    mutating func renderInline(
        _ markdown: String,
        resolve: (LinkRequest) -> LinkResolution
    ) -> (html: String, plainText: String) {
        guard var document = CmarkDocument(parsing: markdown, options: parseOptions) else { return ("", "") }
        if !Self.isSingleParagraph(document.root), let escaped = Self.escapingBlockStart(markdown),
            let retry = CmarkDocument(parsing: escaped, options: parseOptions), Self.isSingleParagraph(retry.root)
        {
            // One backslash was added near the start; positions after it are one byte further right.
            document = retry
            locator = SourceLocator(
                escaped,
                lineOffset: locator.lineOffset,
                firstLineColumnOffset: locator.firstLineColumnOffset - 1
            )
        }
        let root = document.root
        rewriteLinks(in: root, resolve: resolve)
        rewriteWikiLinks(in: root, resolve: resolve)
        let paragraph: CmarkNode
        if Self.isSingleParagraph(root), let only = root.firstChild {
            paragraph = only
        } else if let gathered = Self.gatherInlines(of: root) {
            paragraph = gathered
        } else {
            return ("", "")
        }
        let plain = plainText(of: paragraph)
        let html = Self.strippingParagraph(paragraph.html(options: renderOptions))
        return (html, plain)
    }

    static func isSingleParagraph(_ root: CmarkNode) -> Bool {
        guard let first = root.firstChild else { return false }
        return first.type == CMARK_NODE_PARAGRAPH && first.next == nil
    }

    /// Backslash-escapes what makes the first line a block (`#`, `>`, `-`, `1.`, `<div>`, `[a]: /u` …)
    /// so it stays text, or nil when the first visible character is not such punctuation.
    static func escapingBlockStart(_ markdown: String) -> String? {
        var scalars = Array(markdown.unicodeScalars)
        guard let start = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return nil }
        let first = scalars[start]
        if isASCIIDigit(first) {
            var index = start
            while index < scalars.count, isASCIIDigit(scalars[index]) {
                index += 1
            }
            guard index < scalars.count, scalars[index] == "." || scalars[index] == ")" else { return nil }
            scalars.insert("\\", at: index)
        } else if isASCIIPunctuation(first) {
            scalars.insert("\\", at: start)
        } else {
            return nil
        }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars)
        return result
    }

    private static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar >= "0" && scalar <= "9"
    }

    private static func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: true
        default: false
        }
    }

    /// Moves the inline content of every leaf block into one new paragraph appended to `root`
    /// (blocks separated by a soft break; code blocks become code spans).
    static func gatherInlines(of root: CmarkNode) -> CmarkNode? {
        let blocks = root.descendants {
            [CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK].contains($0.type)
        }
        guard let paragraph = CmarkNode.make(CMARK_NODE_PARAGRAPH) else { return nil }
        var isEmpty = true
        for block in blocks {
            if !isEmpty, let separator = CmarkNode.make(CMARK_NODE_SOFTBREAK) {
                paragraph.append(separator)
            }
            isEmpty = false
            switch block.type {
            case CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK:
                let literal = String((block.literal ?? "").reversed().drop(while: \.isNewline).reversed())
                let type = block.type == CMARK_NODE_CODE_BLOCK ? CMARK_NODE_CODE : CMARK_NODE_HTML_INLINE
                if let inline = CmarkNode.make(type) {
                    _ = cmark_node_set_literal(inline.pointer, literal)
                    paragraph.append(inline)
                }
            default:
                for child in block.children {
                    cmark_node_unlink(child.pointer)
                    paragraph.append(child)
                }
            }
        }
        root.append(paragraph)
        return paragraph.parent == root ? paragraph : nil
    }

    /// `<p>…</p>\n` → `…`.
    static func strippingParagraph(_ html: String) -> String {
        var text = Substring(html)
        if text.hasSuffix("\n") { text = text.dropLast() }
        if text.hasPrefix("<p>"), text.hasSuffix("</p>") {
            text = text.dropFirst(3).dropLast(4)
        }
        return String(text)
    }
}

import Ccmark

/// Turns `[[ID]]` in text into links or plain text, as the resolver decides.
extension MarkdownPipeline {
    mutating func rewriteWikiLinks(in root: CmarkNode, resolve: (LinkRequest) -> LinkResolution) {
        // Nodes that may hold text, outside links and images (no links inside links). Code spans and
        // code blocks hold literals, not text nodes, so they are never looked at.
        var containers: [CmarkNode] = []
        var linkDepth = 0
        root.walk { event, node in
            let isLink = node.type == CMARK_NODE_LINK || node.type == CMARK_NODE_IMAGE
            if isLink {
                linkDepth += event == CMARK_EVENT_ENTER ? 1 : -1
            } else if event == CMARK_EVENT_ENTER, linkDepth == 0, node.firstChild != nil {
                containers.append(node)
            }
        }
        for container in containers {
            // cmark may leave text split into several nodes (e.g. at `[`): scan runs of text siblings.
            var child = container.firstChild
            while let start = child {
                guard start.type == CMARK_NODE_TEXT else {
                    child = start.next
                    continue
                }
                var run = [start]
                var after = start.next
                while let node = after, node.type == CMARK_NODE_TEXT {
                    run.append(node)
                    after = node.next
                }
                rewriteTextRun(run, resolve: resolve)
                child = after
            }
        }
    }

    private mutating func rewriteTextRun(_ run: [CmarkNode], resolve: (LinkRequest) -> LinkResolution) {
        guard let first = run.first else { return }
        var text = ""
        var segments: [(offset: Int, node: CmarkNode)] = []
        for node in run {
            segments.append((text.utf8.count, node))
            text += node.literal ?? ""
        }
        let matches = WikiLinkScanner.matches(in: text)
        guard !matches.isEmpty else { return }

        let bytes = Array(text.utf8)
        var pending = ""
        var cursor = 0
        for match in matches {
            pending += String(decoding: bytes[cursor..<match.range.lowerBound], as: UTF8.self)
            cursor = match.range.upperBound
            let at = location(ofOffset: match.range.lowerBound, in: segments, needle: "[[\(match.id)]]")
            recordReference(match.id, at: at)
            switch resolve(.reference(id: match.id)) {
            case .keep:
                pending += "[[\(match.id)]]"
            case let .link(href, title):
                insertText(&pending, before: first)
                if let link = CmarkNode.make(CMARK_NODE_LINK) {
                    link.setURL(href)
                    if let label = CmarkNode.text(title) {
                        link.append(label)
                    }
                    first.insertBefore(link)
                }
            case .plainText(let title):
                report(.linkOutsideEdition(match.id), at: at)
                pending += title
            case .unresolved:
                report(.unresolvedReference(match.id), at: at)
                pending += match.id
            }
        }
        pending += String(decoding: bytes[cursor...], as: UTF8.self)
        insertText(&pending, before: first)
        for node in run {
            node.remove()
        }
    }

    private func insertText(_ pending: inout String, before node: CmarkNode) {
        guard !pending.isEmpty else { return }
        if let text = CmarkNode.text(pending) {
            node.insertBefore(text)
        }
        pending = ""
    }

    /// The caller-visible position of a byte offset in the joined literals of a text run.
    private func location(
        ofOffset offset: Int,
        in segments: [(offset: Int, node: CmarkNode)],
        needle: String
    ) -> (line: Int, column: Int) {
        guard let segment = segments.last(where: { $0.offset <= offset }) else {
            return locator.location(line: 0, byteColumn: 0)
        }
        if segment.node.startLine > 0 {
            let expected = segment.node.startColumn + offset - segment.offset
            return locator.location(line: segment.node.startLine, byteColumn: expected, expecting: [needle])
        }
        return location(of: segment.node, expecting: [needle])
    }
}

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
        let escaped = escapedBytes(of: segments)
        var pending = ""
        var cursor = 0
        for match in matches {
            pending += String(decoding: bytes[cursor..<match.range.lowerBound], as: UTF8.self)
            cursor = match.range.upperBound
            // `\[\[ID\]\]` and `&#91;&#91;ID&#93;&#93;` are literal brackets, not a reference.
            if match.range.contains(where: { escaped[$0] }) {
                pending += String(decoding: bytes[match.range], as: UTF8.self)
                continue
            }
            let at = location(ofOffset: match.range.lowerBound, in: segments, needle: "[[\(match.id)]]")
            recordReference(match.id, at: at)
            noteRequest(at: at, isImage: false, isWikiLink: true)
            switch resolve(.reference(id: match.id)) {
            case .keep:
                pending += "[[\(match.id)]]"
            case .link(let href, let title):
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

    /// For each byte of the joined literals, whether the source wrote it as an escape (see ``EscapedBytes``).
    private func escapedBytes(of segments: [(offset: Int, node: CmarkNode)]) -> [Bool] {
        var result: [Bool] = []
        for segment in segments {
            let literal = Array((segment.node.literal ?? "").utf8)
            let line = segment.node.startLine > 0 ? locator.columns.line(segment.node.startLine) : nil
            if let line, segment.node.startColumn >= 1, segment.node.startColumn - 1 <= line.count {
                result += EscapedBytes.mark(literal: literal, source: line[(segment.node.startColumn - 1)...])
            } else {
                result += [Bool](repeating: false, count: literal.count)
            }
        }
        return result
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
        // Binary search for the last segment starting at or before `offset`: a run can hold 100,000 segments.
        var low = 0
        var high = segments.count
        while low < high {
            let middle = (low + high) / 2
            if segments[middle].offset <= offset { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else {
            return locator.location(line: 0, byteColumn: 0)
        }
        let segment = segments[low - 1]
        if segment.node.startLine > 0 {
            let expected = segment.node.startColumn + offset - segment.offset
            return locator.location(line: segment.node.startLine, byteColumn: expected, expecting: [needle])
        }
        return location(of: segment.node, expecting: [needle])
    }
}

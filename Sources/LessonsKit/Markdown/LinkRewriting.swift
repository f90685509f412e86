import Ccmark

/// Rewrites link and image nodes: unsafe schemes, missing alt text, references and attachments.
extension MarkdownPipeline {
    mutating func rewriteLinks(in root: CmarkNode, resolve: (LinkRequest) -> LinkResolution) {
        let nodes = root.descendants { $0.type == CMARK_NODE_LINK || $0.type == CMARK_NODE_IMAGE }
        // Innermost first, so freeing an outer node never frees one still to be visited.
        for node in nodes.reversed() {
            rewriteLink(node, resolve: resolve)
        }
    }

    private mutating func rewriteLink(_ node: CmarkNode, resolve: (LinkRequest) -> LinkResolution) {
        let isImage = node.type == CMARK_NODE_IMAGE
        let url = node.url ?? ""
        let at = location(of: node, expecting: isImage ? ["!["] : ["[", "<"])

        if LinkSafety.blockedScheme(in: url) != nil {
            report(.unsafeLinkScheme(url), at: at)
            removeTarget(of: node, isImage: isImage, fallbackText: nil)
            return
        }
        if isImage, LinkSafety.trimmingInvisibles(node.textContent).isEmpty {
            report(.imageWithoutAlt(url), at: at)
        }

        switch LinkSafety.classify(url, isImage: isImage) {
        case .empty, .external, .local:
            return
        case .reference(let id):
            recordReference(id, at: at)
            noteRequest(at: at, isImage: isImage, isWikiLink: false)
            switch resolve(.reference(id: id)) {
            case .keep:
                break
            case .link(let href, let title):
                node.setURL(href)
                if node.firstChild == nil, let text = CmarkNode.text(title) {
                    node.append(text)
                }
            case .plainText(let title):
                report(.linkOutsideEdition(id), at: at)
                removeTarget(of: node, isImage: isImage, fallbackText: title)
            case .unresolved:
                report(.unresolvedReference(id), at: at)
                removeTarget(of: node, isImage: isImage, fallbackText: id)
            }
        case .relativePath(let path, let suffix):
            noteRequest(at: at, isImage: isImage, isWikiLink: false)
            switch resolve(.relativePath(path)) {
            case .keep:
                break
            case .link(let href, _):
                node.setURL(href + suffix)
            case .plainText(let title):
                report(.linkOutsideEdition(path), at: at)
                removeTarget(of: node, isImage: isImage, fallbackText: title)
            case .unresolved:
                report(.unresolvedPath(path), at: at)
                removeTarget(of: node, isImage: isImage, fallbackText: nil)
            }
        }
    }

    /// Drops the destination: a link becomes its content, an image its alt text. When the link has no
    /// content, `fallbackText` stands in for it.
    private func removeTarget(of node: CmarkNode, isImage: Bool, fallbackText: String?) {
        if isImage {
            let alt = node.textContent
            if !alt.isEmpty, let text = CmarkNode.text(alt) {
                node.insertBefore(text)
            }
            let parent = node.parent
            node.remove()
            // An image alone in its paragraph with no alt text leaves nothing: drop the empty `<p>`.
            // (Links cannot contain paragraphs, so no node still to be visited is inside it.)
            if let parent, parent.type == CMARK_NODE_PARAGRAPH, parent.firstChild == nil {
                parent.remove()
            }
        } else {
            if node.firstChild == nil, let fallbackText, let text = CmarkNode.text(fallbackText) {
                node.append(text)
            }
            node.unwrap()
        }
    }
}

import Ccmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Owns one parsed cmark tree and frees it, with everything attached to it, when it goes out of scope.
///
/// Non-copyable so the tree has exactly one owner; it never leaves the function that parsed it.
struct CmarkDocument: ~Copyable {
    /// The document node.
    let root: CmarkNode

    /// Parses `markdown` with cmark's `CMARK_OPT_*` parse options.
    init?(parsing markdown: String, options: Int32) {
        MarkdownParseCounter.current?.increment()
        var text = markdown
        let parsed: OpaquePointer? = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let base = chars.baseAddress else { return cmark_parse_document("", 0, options) }
                return cmark_parse_document(base, chars.count, options)
            }
        }
        guard let parsed else { return nil }
        root = CmarkNode(parsed)
    }

    deinit {
        cmark_node_free(root.pointer)
    }
}

/// A borrowed pointer to a node of a tree owned by a ``CmarkDocument``; valid only while it is.
struct CmarkNode: Hashable {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    /// Creates a node of `type` that is not yet in any tree. Insert it or free it.
    static func make(_ type: cmark_node_type) -> CmarkNode? {
        cmark_node_new(type).map(CmarkNode.init)
    }

    /// Creates a text node holding `literal`.
    static func text(_ literal: String) -> CmarkNode? {
        guard let node = make(CMARK_NODE_TEXT) else { return nil }
        _ = cmark_node_set_literal(node.pointer, literal)
        return node
    }

    var type: cmark_node_type { cmark_node_get_type(pointer) }
    var parent: CmarkNode? { cmark_node_parent(pointer).map(CmarkNode.init) }
    var firstChild: CmarkNode? { cmark_node_first_child(pointer).map(CmarkNode.init) }
    var next: CmarkNode? { cmark_node_next(pointer).map(CmarkNode.init) }
    var literal: String? { cmark_node_get_literal(pointer).map { String(cString: $0) } }
    var url: String? { cmark_node_get_url(pointer).map { String(cString: $0) } }
    var fenceInfo: String? { cmark_node_get_fence_info(pointer).map { String(cString: $0) } }
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }

    var children: [CmarkNode] {
        var result: [CmarkNode] = []
        var child = firstChild
        while let current = child {
            result.append(current)
            child = current.next
        }
        return result
    }

    /// The position of this node, or of its nearest ancestor that has one (cmark gives softbreaks and
    /// nodes created after parsing no position).
    var knownPosition: (line: Int, column: Int) {
        var node: CmarkNode? = self
        while let current = node {
            if current.startLine > 0 { return (current.startLine, current.startColumn) }
            node = current.parent
        }
        return (0, 0)
    }

    func setURL(_ url: String) {
        _ = cmark_node_set_url(pointer, url)
    }

    /// Inserts `node` (fresh, not in a tree) before this one; frees it if cmark refuses.
    func insertBefore(_ node: CmarkNode) {
        if cmark_node_insert_before(pointer, node.pointer) == 0 {
            cmark_node_free(node.pointer)
        }
    }

    /// Appends `node` (fresh, or unlinked) as the last child; frees it if cmark refuses.
    func append(_ node: CmarkNode) {
        if cmark_node_append_child(pointer, node.pointer) == 0 {
            cmark_node_free(node.pointer)
        }
    }

    /// Unlinks this node and frees it with its children.
    func remove() {
        cmark_node_unlink(pointer)
        cmark_node_free(pointer)
    }

    /// Replaces this node by its children (e.g. a link by its text), then frees it.
    func unwrap() {
        for child in children {
            cmark_node_unlink(child.pointer)
            insertBefore(child)
        }
        remove()
    }

    /// Every node below this one (and this one) in document order, on entering, that `include` accepts.
    func descendants(where include: (CmarkNode) -> Bool) -> [CmarkNode] {
        var result: [CmarkNode] = []
        walk { event, node in
            if event == CMARK_EVENT_ENTER, include(node) { result.append(node) }
        }
        return result
    }

    /// Visits this subtree with cmark's iterator. The tree must not change during the walk.
    func walk(_ visit: (cmark_event_type, CmarkNode) -> Void) {
        guard let iterator = cmark_iter_new(pointer) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            visit(event, CmarkNode(node))
        }
    }

    /// The concatenated text of this subtree (text, code and line breaks as spaces), e.g. an image's alt.
    var textContent: String {
        var text = ""
        walk { event, node in
            guard event == CMARK_EVENT_ENTER else { return }
            switch node.type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += node.literal ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text
    }

    /// Renders this subtree to HTML with cmark's render options.
    func html(options: Int32) -> String {
        guard let rendered = cmark_render_html(pointer, options) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}

@available(*, unavailable, message: "cmark nodes must not cross concurrency domains")
extension CmarkNode: Sendable {}

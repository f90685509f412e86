import Ccmark

/// Replaces ```` ```table ```` code blocks by custom blocks holding the table's HTML.
///
/// A custom block's `on_enter` text is written out as it is, in safe mode too (unlike an HTML block),
/// and the cells have already been rendered through cmark with the same options, so nothing unsafe
/// gets in that way.
extension MarkdownPipeline {
    mutating func rewriteTables(in root: CmarkNode, resolve: (LinkRequest) -> LinkResolution) {
        let blocks = root.descendants { $0.type == CMARK_NODE_CODE_BLOCK && $0.fenceInfo == "table" }
        for block in blocks {
            let content = block.literal ?? ""
            switch PipeTable.parse(content) {
            case .failure(let error):
                report(.malformedTable(error.reason), at: location(of: block, expecting: ["```", "~~~"]))
            case .success(let table):
                guard let custom = CmarkNode.make(CMARK_NODE_CUSTOM_BLOCK) else { continue }
                let html = tableHTML(table, block: block, content: content, resolve: resolve)
                _ = cmark_node_set_on_enter(custom.pointer, html)
                _ = cmark_node_set_on_exit(custom.pointer, "")
                block.insertBefore(custom)
                block.remove()
            }
        }
    }

    private mutating func tableHTML(
        _ table: PipeTable,
        block: CmarkNode,
        content: String,
        resolve: (LinkRequest) -> LinkResolution
    ) -> String {
        let lines = PipeTable.splitLines(content)
        let fence = block.knownPosition
        let fenceColumn = location(of: block, expecting: ["```", "~~~"]).column
        var plainParts: [String] = []

        func render(_ cell: PipeTable.Cell, into pipeline: inout MarkdownPipeline) -> String {
            // Content line i of the block is source line fence + 1 + i; the cell sits at the end of
            // it after whatever cmark stripped (indentation, `> `), found by matching the line's tail.
            let sourceLine = fence.line + 1 + cell.line
            var column = fenceColumn + cell.column
            if cell.line < lines.count,
                let prefix = pipeline.locator.columns.scalarsBefore(
                    suffix: Array(lines[cell.line].utf8), line: sourceLine)
            {
                column = pipeline.locator.location(line: sourceLine, scalarColumn: prefix + cell.column + 1).column
            }
            let target = pipeline.locator.location(line: sourceLine, scalarColumn: 1).line
            var nested = MarkdownPipeline(
                options: pipeline.options,
                locator: SourceLocator(cell.text, lineOffset: target - 1, firstLineColumnOffset: column - 1)
            )
            let output = nested.renderInline(cell.text, resolve: resolve)
            pipeline.absorb(nested)
            plainParts.append(output.plainText)
            return output.html
        }

        let header = table.header.map { render($0, into: &self) }
        let rows = table.rows.map { row in row.map { render($0, into: &self) } }
        tablePlainTexts.append(plainParts.joined(separator: " "))
        return PipeTableHTML.render(alignments: table.alignments, header: header, rows: rows)
    }
}

/// Renders Markdown bodies to HTML with cmark, resolving document references and attachments.
///
/// Everything happens inside each call: the cmark tree is parsed, rewritten, rendered and freed
/// before the function returns, so no cmark pointer outlives it and the renderer has no state.
enum MarkdownRenderer {
    /// Renders a whole Markdown body to an HTML fragment, its plain text and the problems found.
    ///
    /// `resolve` is called once for every `[[ID]]`, id-like link destination and relative link or
    /// image path, including those inside ```` ```table ```` cells (not necessarily in document
    /// order; use ``references(in:)`` for that). It is not called for code spans and code blocks.
    static func render(
        _ markdown: String,
        options: MarkdownOptions,
        resolve: (LinkRequest) -> LinkResolution
    ) -> RenderedMarkdown {
        var pipeline = MarkdownPipeline(options: options, locator: SourceLocator(markdown))
        let output = pipeline.renderDocument(markdown, produceHTML: true, resolve: resolve)
        return RenderedMarkdown(html: output.html, plainText: output.plainText, problems: pipeline.sortedProblems)
    }

    /// Renders one paragraph's inline HTML without the `<p>` wrapper (for titles, summaries, cells).
    ///
    /// Block syntax at the start (`# `, `- `, `1. `) stays literal text; several paragraphs are
    /// joined into one. Links are not resolved (`[[ID]]` stays as written) but unsafe schemes are removed.
    static func renderInline(_ markdown: String, options: MarkdownOptions) -> String {
        var pipeline = MarkdownPipeline(options: options, locator: SourceLocator(markdown))
        return pipeline.renderInline(markdown, resolve: { _ in .keep }).html
    }

    /// Lists every `[[ID]]` and id-like link destination in document order, with positions.
    ///
    /// References inside code spans and code blocks are not references; those inside the cells of
    /// a well-formed ```` ```table ```` block are.
    static func references(in markdown: String) -> [BodyReference] {
        var pipeline = MarkdownPipeline(
            options: MarkdownOptions(unsafeHTML: false, smartPunctuation: false),
            locator: SourceLocator(markdown)
        )
        _ = pipeline.renderDocument(markdown, produceHTML: false, resolve: { _ in .keep })
        return pipeline.sortedReferences
    }
}

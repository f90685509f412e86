/// Settings that change how Markdown bodies are turned into HTML.
struct MarkdownOptions: Sendable, Hashable {
    /// Pass raw HTML in the Markdown through to the output instead of replacing it with
    /// `<!-- raw HTML omitted -->`. Unsafe schemes in Markdown links and images are removed either
    /// way; raw HTML that is passed through is trusted as written.
    var unsafeHTML: Bool
    /// Turn straight quotes into curly ones, `--` into an en dash, `---` into an em dash and `...`
    /// into an ellipsis.
    var smartPunctuation: Bool

    /// Creates options; the defaults are safe mode with smart punctuation.
    init(unsafeHTML: Bool = false, smartPunctuation: Bool = true) {
        self.unsafeHTML = unsafeHTML
        self.smartPunctuation = smartPunctuation
    }
}

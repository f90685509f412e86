/// The theme stage: the active theme's files read and its templates parsed, with the problems met (named pipes,
/// devices and unreadable folders in the theme or `static/`, then template errors). It depends on the configuration
/// alone, so the pipeline starts it on another thread before the documents are hashed and loaded, and takes its result
/// when rendering needs it.
struct ThemeStage: Sendable {
    let theme: ThemeFiles
    /// The parsed templates; nil when one has an error (reported in ``diagnostics``).
    let templates: TemplateSet?
    let diagnostics: [Diagnostic]

    /// Reads and parses the theme `name` of the site `reader` reads.
    init(name: String, reader: SiteReader) {
        theme = ThemeFiles.load(name: name, siteDirectory: reader.siteDirectory)
        let (parsed, templateDiagnostics) = TemplateSet.parse(theme)
        templates = parsed
        diagnostics =
            reader.regularFiles(under: "themes/" + name).diagnostics + reader.regularFiles(under: "static").diagnostics
            + templateDiagnostics
    }
}

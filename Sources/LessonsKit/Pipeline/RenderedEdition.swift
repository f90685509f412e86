/// One edition after rendering: its files, problems and timings, and what the print stages need of it.
struct RenderedEdition: Sendable {
    let edition: Edition
    /// The edition's lessons, whose pages and posters are printed.
    let lessons: [Document]
    /// Bulletin pages, rendered again with their PDF links once the PDFs exist.
    let bulletinPages: BulletinPages
    /// Learning reports, rendered again with their PDF links.
    let reportPages: ReportPages
    /// The edition's files: written to its staging folder as they were rendered, with what later stages need kept.
    let output: StagedEdition
    let diagnostics: [Diagnostic]
    let seconds: Double
    let analysisSeconds: Double
}

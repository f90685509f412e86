/// One edition after rendering: its context (reused by later stages such as bulletin PDFs), files, problems and timings.
struct RenderedEdition: Sendable {
    let edition: Edition
    let context: RenderContext
    var files: [OutputFile]
    let diagnostics: [Diagnostic]
    let seconds: Double
    let analysisSeconds: Double
}

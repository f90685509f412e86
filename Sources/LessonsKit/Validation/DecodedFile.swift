/// What loading one content file gave: the document and its body's one parse (nil when it is too broken to use, then
/// perhaps the id it declares, so that references to it are not reported as unknown), the problems decoding found and
/// the problems of the per-document rules (``DocumentChecks``), one list per rule.
///
/// A pure function of the file's bytes, the settings that decoding and checking read (`site.yaml`, the data files,
/// today) and the tool: the decoded-document cache stores it by those keys.
struct DecodedFile: Sendable {
    var decoded: (document: Document, body: PreparedMarkdown)?
    var declaredId: String?
    var diagnostics: [Diagnostic]
    var checks: [[Diagnostic]]
    /// Whether the file was read as text (only such results are cached: a read failure is reported afresh).
    var wasRead: Bool
    /// Whether it was taken from the decoded-document cache rather than decoded.
    var isCached = false
}

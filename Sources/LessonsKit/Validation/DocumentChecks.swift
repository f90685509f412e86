/// The validation rules that look at one document alone (privacy review, privacy, review date, lesson sources).
///
/// They run while each document is decoded, so that its front-matter tree and Markdown source need not outlive its
/// decoding, and their problems are stored with the decoded document: a rebuild that takes an unchanged document from
/// the decoded-document cache replays them instead of checking it again.
struct DocumentChecks: Sendable {
    /// How many rules a document's problems are grouped by (see ``check(_:)``).
    static let ruleCount = 4

    let context: ValidationContext
    /// The site's privacy patterns, compiled once for every document.
    private let scanner: PrivacyScanner

    init(context: ValidationContext) {
        self.context = context
        scanner = PrivacyScanner(settings: context.config.privacy)
    }

    /// The problems of `document`, one list per rule, in the rules' order.
    func check(_ document: Document) -> [[Diagnostic]] {
        [
            PrivacyReviewRule().diagnostic(for: document, in: context).map { [$0] } ?? [],
            PrivacyRule().diagnostics(for: document, scanner: scanner),
            ReviewDateRule().diagnostic(for: document, in: context).map { [$0] } ?? [],
            LessonSourcesRule().diagnostic(for: document).map { [$0] } ?? [],
        ]
    }

    /// Every document's problems as running the rules one after another over the corpus lists them: rule by rule,
    /// and within a rule, document by document (`perDocument` in the corpus's order, each as ``check(_:)`` gives it).
    static func inRuleOrder(_ perDocument: [[[Diagnostic]]]) -> [Diagnostic] {
        (0..<ruleCount).flatMap { rule in perDocument.flatMap { $0.count > rule ? $0[rule] : [] } }
    }
}

/// What every validation rule may look at besides the corpus.
struct ValidationContext: Sendable {
    let config: SiteConfig
    let data: SiteData
    let today: PartialDate

}

/// A check over the whole corpus that returns diagnostics; field-level checks happen while decoding.
protocol ValidationRule: Sendable {
    func validate(_ corpus: Corpus, in context: ValidationContext) -> [Diagnostic]
}

/// The rules every build and check runs, in order: first those across documents, then ``DocumentChecks``.
enum ValidationRules {
    /// The rules that compare documents with one another; they run over the whole corpus on every build.
    static let acrossDocuments: [any ValidationRule] = [UniqueIdRule(), UniqueIssueRule(), ReferenceRule()]

    static func validate(_ corpus: Corpus, in context: ValidationContext) -> [Diagnostic] {
        let checks = DocumentChecks(context: context)
        return validateAcrossDocuments(corpus, in: context)
            + DocumentChecks.inRuleOrder(corpus.documents.map { checks.check($0) })
    }

    /// The problems of ``acrossDocuments`` alone (the per-document ones were found while decoding).
    static func validateAcrossDocuments(_ corpus: Corpus, in context: ValidationContext) -> [Diagnostic] {
        acrossDocuments.flatMap { $0.validate(corpus, in: context) }
    }
}

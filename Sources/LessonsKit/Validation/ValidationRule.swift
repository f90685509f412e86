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

/// The rules every build and check runs, in order.
enum ValidationRules {
    static let all: [any ValidationRule] = [
        UniqueIdRule(), UniqueIssueRule(), ReferenceRule(), PrivacyReviewRule(), PrivacyRule(), ReviewDateRule(),
        LessonSourcesRule(),
    ]

    static func validate(_ corpus: Corpus, in context: ValidationContext) -> [Diagnostic] {
        all.flatMap { $0.validate(corpus, in: context) }
    }
}

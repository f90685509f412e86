/// What every validation rule may look at besides the corpus.
public struct ValidationContext: Sendable {
    public let config: SiteConfig
    public let data: SiteData
    public let today: PartialDate

    public init(config: SiteConfig, data: SiteData, today: PartialDate) {
        self.config = config
        self.data = data
        self.today = today
    }
}

/// A check over the whole corpus that returns diagnostics; field-level checks happen while decoding.
public protocol ValidationRule: Sendable {
    func validate(_ corpus: Corpus, in context: ValidationContext) -> [Diagnostic]
}

/// The rules every build and check runs, in order.
public enum ValidationRules {
    public static let all: [any ValidationRule] = [
        UniqueIdRule(), UniqueIssueRule(), ReferenceRule(), PrivacyReviewRule(), PrivacyRule(), ReviewDateRule(),
        LessonSourcesRule(),
    ]

    public static func validate(_ corpus: Corpus, in context: ValidationContext) -> [Diagnostic] {
        all.flatMap { $0.validate(corpus, in: context) }
    }
}

/// Guidance past its `review_by` date is flagged so that editors revisit it.
struct ReviewDateRule: ValidationRule {

    func validate(_ corpus: Corpus, in context: ValidationContext) -> [Diagnostic] {
        corpus.documents.compactMap { diagnostic(for: $0, in: context) }
    }

    /// The one problem of `document`, if any (the rule looks at each document alone).
    func diagnostic(for document: Document, in context: ValidationContext) -> Diagnostic? {
        guard let reviewBy = document.reviewBy, reviewBy < context.today, !document.isDraft else { return nil }
        return .warning(
            .reviewOverdue, "\(document.id) was due for review on \(reviewBy.displayText)",
            at: document.location(of: "review_by"), hint: "review the guidance and set a new 'review_by' date")
    }
}

/// A lesson should say what it draws on.
struct LessonSourcesRule: ValidationRule {

    func validate(_ corpus: Corpus, in context: ValidationContext) -> [Diagnostic] {
        corpus.documents.compactMap { diagnostic(for: $0) }
    }

    /// The one problem of `document`, if any (the rule looks at each document alone).
    func diagnostic(for document: Document) -> Diagnostic? {
        guard case .lesson(let lesson) = document.details, lesson.sources.isEmpty, !document.isDraft,
            !(document.frontMatter["sources"].map(Placeholder.contains) ?? false)
        else { return nil }
        return .warning(
            .lessonWithoutSources, "lesson \(document.id) names no sources", at: document.location(of: "id"),
            hint: "add 'sources: [INC-…]' with the incidents, debriefs, reviews or reports it draws on")
    }
}

/// With `privacy.require_review` on, incident-derived documents need a named role to have checked them before publication.
struct PrivacyReviewRule: ValidationRule {

    func validate(_ corpus: Corpus, in context: ValidationContext) -> [Diagnostic] {
        corpus.documents.compactMap { diagnostic(for: $0, in: context) }
    }

    /// The one problem of `document`, if any (the rule looks at each document alone).
    func diagnostic(for document: Document, in context: ValidationContext) -> Diagnostic? {
        guard context.config.privacy.requireReview, document.type.isIncidentDerived, !document.isDraft,
            document.privacy == nil
        else { return nil }
        return .error(
            .privacyReview, "\(document.type.displayName.lowercased()) \(document.id) has no privacy review",
            at: document.location(of: "id"),
            hint:
                "after checking that nothing identifies a patient, family or member of staff, add 'privacy: { reviewed_by: <role>, reviewed_on: YYYY-MM-DD }'"
        )
    }
}

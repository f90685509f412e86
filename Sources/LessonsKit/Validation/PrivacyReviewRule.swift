/// With `privacy.require_review` on, incident-derived documents need a named role to have checked them before publication.
struct PrivacyReviewRule: ValidationRule {

    func validate(_ corpus: Corpus, in context: ValidationContext) -> [Diagnostic] {
        guard context.config.privacy.requireReview else { return [] }
        return corpus.documents.compactMap { document in
            guard document.type.isIncidentDerived, !document.isDraft, document.privacy == nil else { return nil }
            return .error(
                .privacyReview, "\(document.type.displayName.lowercased()) \(document.id) has no privacy review",
                at: document.location(of: "id"),
                hint:
                    "after checking that nothing identifies a patient, family or member of staff, add 'privacy: { reviewed_by: <role>, reviewed_on: YYYY-MM-DD }'"
            )
        }
    }
}

/// Every id named in front matter or a body resolves to a document of an allowed type, and published documents
/// never point at drafts.
struct ReferenceRule: ValidationRule {

    func validate(_ corpus: Corpus, in context: ValidationContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let ids = corpus.ids
        for document in corpus.documents {
            let named =
                document.frontMatterReferences.map { ($0.id, $0.field, $0.allowedTypes) }
                + document.bodyReferences.map { ($0, "body", DocumentType.allCases) }
            for (id, field, allowedTypes) in named {
                guard let target = corpus.document(id.value) else {
                    if corpus.isIncomplete || corpus.unavailableIds.contains(id.value.lowercased()) { continue }
                    let what = field == "body" ? "link" : "'\(field)'"
                    diagnostics.append(
                        .error(
                            .unknownReference,
                            "\(what) names unknown document '\(id.value)'\(Suggestions.didYouMean(id.value, in: ids))",
                            at: id.location, hint: "check the id; it must match the 'id:' of another document"))
                    continue
                }
                if !allowedTypes.contains(target.type) {
                    let allowed = allowedTypes.map { $0.displayName.lowercased() }.joined(separator: ", ")
                    diagnostics.append(
                        .error(
                            .wrongReferenceType,
                            "'\(field)' names \(target.id), which is a \(target.type.displayName.lowercased())",
                            at: id.location, hint: "'\(field)' takes: \(allowed)"))
                }
                if target.isDraft, !document.isDraft {
                    diagnostics.append(
                        .error(
                            .linkToDraft, "published document links to draft \(target.id)", at: id.location,
                            hint: "publish \(target.id) first (remove 'draft: true'), or remove the link"))
                }
            }
        }
        return diagnostics
    }
}

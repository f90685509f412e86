/// Ids are unique across the whole site, ignoring case, because they become folder names and link targets.
struct UniqueIdRule: ValidationRule {

    func validate(_ corpus: Corpus, in context: ValidationContext) -> [Diagnostic] {
        var first: [String: Document] = [:]
        var diagnostics: [Diagnostic] = []
        for document in corpus.documents {
            if let original = first[document.slug] {
                diagnostics.append(
                    .error(
                        .duplicateId, "id '\(document.id)' is already used by \(original.location(of: "id"))",
                        at: document.location(of: "id"),
                        hint: "every document needs its own id, across all types; give this one the next free number"))
            } else {
                first[document.slug] = document
            }
        }
        return diagnostics
    }
}

/// Bulletin issue numbers are unique.
struct UniqueIssueRule: ValidationRule {

    func validate(_ corpus: Corpus, in context: ValidationContext) -> [Diagnostic] {
        var first: [Int: Document] = [:]
        var diagnostics: [Diagnostic] = []
        for document in corpus.documents {
            guard case .bulletin(let bulletin) = document.details else { continue }
            if let original = first[bulletin.issue] {
                diagnostics.append(
                    .error(
                        .duplicateIssue, "issue \(bulletin.issue) is already used by \(original.id) (\(original.path))",
                        at: document.location(of: "issue"), hint: "number bulletins one after another"))
            } else {
                first[bulletin.issue] = document
            }
        }
        return diagnostics
    }
}

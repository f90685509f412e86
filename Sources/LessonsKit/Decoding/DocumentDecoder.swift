import Foundation

/// Turns one document file into a typed `Document`, checking each field's presence, type and allowed values.
///
/// A pure function of the file, the configuration and the data files, so documents can be decoded in parallel
/// (and later cached one by one).
struct DocumentDecoder: Sendable {
    let config: SiteConfig
    let data: SiteData
    private let themeSlugs: [String]
    private let serviceSlugSet: Set<String>
    private let serviceSlugs: [String]

    /// Most themes one document may carry; more are ignored with a warning (each theme multiplies the links and
    /// co-occurrence counts on every theme page).
    static let maximumThemes = 20

    static let commonFields = [
        "id", "title", "date", "summary", "themes", "service", "audience", "draft", "privacy",
        "governance", "actions", "review_by", "superseded_by", "videos",
    ]

    init(config: SiteConfig, data: SiteData) {
        self.config = config
        self.data = data
        self.themeSlugs = data.themes.map(\.slug)
        self.serviceSlugs = data.services.map(\.slug) + data.directorates.map(\.slug)
        self.serviceSlugSet = Set(serviceSlugs)
    }

    /// Decodes a document; returns nil (with diagnostics) when it is too broken to use.
    func decode(_ file: SourceFile, type: DocumentType) -> (Document?, [Diagnostic]) {
        let (decoded, diagnostics) = decodeWithBody(file, type: type)
        return (decoded?.document, diagnostics)
    }

    /// Decodes a document and keeps its body's one parse (``PreparedMarkdown``), which every page showing it fills.
    func decodeWithBody(_ file: SourceFile, type: DocumentType) -> (
        (document: Document, body: PreparedMarkdown)?, [Diagnostic]
    ) {
        let split: FrontMatterSplit
        switch FrontMatter.split(file) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let value): split = value
        }
        let root: YAMLNode
        switch YAMLReader().parse(split.yaml, file: file.path, firstLine: split.yamlFirstLine) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(nil):
            return (
                nil,
                [
                    .error(
                        .missingField, "front matter is empty", at: SourceLocation(file: file.path, line: 2),
                        hint: "add at least id, title and date")
                ]
            )
        case .success(let node?): root = node
        }
        guard root.pairs != nil else {
            return (
                nil,
                [
                    .error(
                        .wrongType, "front matter should be 'field: value' lines, not \(root.kindDescription)",
                        at: root.location)
                ]
            )
        }
        // Text that would make cmark take minutes never reaches it: the document is refused, located.
        if let excess = Self.markdownPastLimits(split, root: root, file: file.path) { return (nil, [excess]) }
        var fields = FieldReader(root, context: "front matter")
        let document = decodeFields(&fields, type: type, file: file, split: split, root: root)
        var diagnostics =
            fields.diagnostics + Self.bodyControlCharacters(split, file: file.path)
            + Placeholder.bodyDiagnostics(split.body, firstLine: split.bodyFirstLine, file: file.path)
        if document == nil, !diagnostics.hasErrors {
            // Never let a document vanish without a word: every path that drops one must have said why.
            diagnostics.append(
                .error(
                    .missingField, "the document cannot be published: a required field has no usable value",
                    at: SourceLocation(file: file.path, line: split.yamlFirstLine),
                    hint: "check that id, title, date and the fields its type requires have values"))
        }
        return (document, diagnostics)
    }

    /// The error for the first body paragraph or front-matter value past ``MarkdownLimits``, if any.
    static func markdownPastLimits(_ split: FrontMatterSplit, root: YAMLNode, file: String) -> Diagnostic? {
        if let excess = MarkdownLimits.firstExcess(in: split.body) {
            return .error(
                .markdownTooComplex, MarkdownLimits.message,
                at: SourceLocation(file: file, line: excess.line + split.bodyFirstLine - 1, column: excess.column),
                hint: MarkdownLimits.hint)
        }
        var pending = [root]
        while let node = pending.popLast() {
            switch node.kind {
            case .scalar(let text, _):
                if MarkdownLimits.firstExcess(in: text) != nil {
                    return .error(
                        .markdownTooComplex, MarkdownLimits.message, at: node.location, hint: MarkdownLimits.hint)
                }
            case .mapping(let pairs): pending += pairs.map(\.value)
            case .sequence(let items): pending += items
            }
        }
        return nil
    }

    /// A located error for the first control character in the Markdown body (terminal escapes, NUL and the like).
    static func bodyControlCharacters(_ split: FrontMatterSplit, file: String) -> [Diagnostic] {
        guard let control = TextChecks.firstForbiddenControl(in: split.body) else { return [] }
        return [
            .error(
                .controlCharacter, "the text contains the control character \(TextChecks.name(of: control.scalar))",
                at: SourceLocation(file: file, line: control.line + split.bodyFirstLine - 1, column: control.column),
                hint: TextChecks.controlHint)
        ]
    }

    /// The id a broken file declares, if it is well formed: references to it are then not reported a second time.
    ///
    /// When the YAML itself cannot be parsed, a top-level `id:` line is looked for in the text, so that one syntax
    /// error does not turn every reference to the document into an "unknown document" error.
    static func declaredId(in file: SourceFile) -> String? {
        if case .success(let split) = FrontMatter.split(file),
            case .success(let root?) = YAMLReader().parse(split.yaml, file: file.path),
            let id = root["id"]?.scalar, DocumentID.isValid(id)
        {
            return id
        }
        return declaredIdLine(in: file.text)
    }

    /// The value of the first unindented `id:` line of a text, if it is a valid id (quotes and a comment allowed).
    static func declaredIdLine(in text: String) -> String? {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(200)
        where line.hasPrefix("id:") {
            var value = line.dropFirst(3)
            if let hash = value.firstIndex(of: "#") { value = value[..<hash] }
            var trimmed = value.trimmingWhitespace()
            if trimmed.count >= 2, let first = trimmed.first, first == "\"" || first == "'", trimmed.last == first {
                trimmed = String(trimmed.dropFirst().dropLast())
            }
            return DocumentID.isValid(trimmed) ? trimmed : nil
        }
        return nil
    }

    private func decodeFields(
        _ fields: inout FieldReader, type: DocumentType, file: SourceFile, split: FrontMatterSplit, root: YAMLNode
    ) -> (document: Document, body: PreparedMarkdown)? {
        let id = readId(&fields)
        let title = fields.string("title", required: true, hint: "add 'title: …' with a plain-text title")
        let date: PartialDate? = fields.date(
            "date", required: type != .page, precision: type.usesMonthPrecision ? .month : .day)
        let summaryRequired = type == .lesson || type == .practice
        let summary = fields.string(
            "summary", required: summaryRequired, hint: "add 'summary: …' of at most 280 characters")
        if let summary, summary.count > 280 {
            fields.report(
                .error(
                    .summaryTooLong, "summary is \(summary.count) characters; the limit is 280",
                    at: fields.location(of: "summary"),
                    hint: "summaries appear in lists, cards and bulletins: keep them to one or two sentences"))
        }
        var seenThemes: Set<String> = []
        var listedThemes = fields.stringList("themes")
        if listedThemes.count > Self.maximumThemes {
            fields.report(
                .warning(
                    .tooManyThemes, "\(listedThemes.count) themes; only the first \(Self.maximumThemes) are used",
                    at: listedThemes[Self.maximumThemes].location,
                    hint: "themes are for finding related learning: keep the few that matter most"))
            listedThemes = Array(listedThemes.prefix(Self.maximumThemes))
        }
        let themes = listedThemes.compactMap { theme -> String? in
            guard seenThemes.insert(theme.value).inserted else { return nil }
            guard data.theme(theme.value) != nil else {
                fields.report(
                    .error(
                        .unknownTheme,
                        "unknown theme '\(theme.value)'\(Suggestions.didYouMean(theme.value, in: themeSlugs))",
                        at: theme.location, hint: "themes are listed in data/themes.yaml"))
                return nil
            }
            return theme.value
        }
        let service = readService(&fields, required: type == .culture)
        let audience = fields.choice("audience", from: config.audiences) ?? "staff"
        let isDraft = fields.bool("draft") ?? false
        let privacy: PrivacyReview? = fields.mapping("privacy") { privacy in
            let reviewer = privacy.string(
                "reviewed_by", required: true,
                hint: "name the role that checked it, e.g. 'reviewed_by: Patient Safety Team'")
            let review = PrivacyReview(
                reviewedBy: reviewer ?? "", reviewedOn: privacy.date("reviewed_on", required: true),
                allow: privacy.stringList("allow").map(\.value))
            privacy.reportUnknownKeys()
            return review
        }
        let governance = readGovernance(&fields)
        var actions: [Action] = []
        if type.allowsActions {
            actions = fields.mappingList("actions") { readAction(&$0) }
            var seen: Set<String> = []
            for action in actions where !seen.insert(action.id.lowercased()).inserted {
                fields.report(
                    .error(
                        .duplicateActionId, "action id '\(action.id)' is used twice in this document",
                        at: action.location,
                        hint: "number actions A1, A2, … within the document"))
            }
        } else if let node = fields.node("actions") {
            fields.report(
                .error(
                    .unknownField, "\(type.displayName.lowercased()) documents cannot hold actions", at: node.location,
                    hint: "actions belong on incidents, lessons, reviews, external learning and culture assessments"))
        }
        let reviewBy = fields.date("review_by")
        var supersededBy = fields.node("superseded_by").flatMap { node in
            fields.text(node, field: "superseded_by").map { Located($0, at: node.location) }
        }
        if let replacement = supersededBy, let id, replacement.value.lowercased() == id.lowercased() {
            fields.report(
                .error(
                    .invalidValue, "'superseded_by' names this document itself", at: replacement.location,
                    hint: "give the id of the newer document that replaces this one, or remove the field"))
            supersededBy = nil
        }
        let videos = readVideos(&fields)
        guard let details = readDetails(&fields, type: type) else { return nil }
        fields.reportUnknownKeys(known: Self.commonFields)
        guard let id, let title else { return nil }
        if type != .page, date == nil { return nil }
        let markdown = config.markdown
        let options = MarkdownOptions(unsafeHTML: markdown.unsafeHTML, smartPunctuation: markdown.smartPunctuation)
        let analysed = PreparedMarkdown(split.body, options: options)
        let bodyReferences = Self.bodyReferences(of: analysed, path: file.path, bodyFirstLine: split.bodyFirstLine)
        let document = Document(
            id: id, type: type, title: title, date: date, summary: summary, themes: themes, service: service,
            audience: audience, isDraft: isDraft, privacy: privacy, governance: governance, actions: actions,
            reviewBy: reviewBy, supersededBy: supersededBy, details: details, body: split.body,
            bodyFirstLine: split.bodyFirstLine, path: file.path,
            fieldLocations: FieldLocations(fields.valueLocations, file: file.path),
            bodyReferences: bodyReferences, frontMatter: root, videos: videos)
        return (document, analysed)
    }

    /// The ids a body names, located in its file (the body starts on line `bodyFirstLine`).
    static func bodyReferences(of body: PreparedMarkdown, path: String, bodyFirstLine: Int) -> [Located<String>] {
        body.references.map {
            Located($0.id, at: SourceLocation(file: path, line: $0.line + bodyFirstLine - 1, column: $0.column))
        }
    }

    private func readId(_ fields: inout FieldReader) -> String? {
        guard let node = fields.node("id", required: true, hint: "add 'id: …', e.g. 'id: LL-2026-001'"),
            let id = fields.text(node, field: "id")
        else { return nil }
        guard DocumentID.isValid(id) else {
            fields.report(
                .error(
                    .invalidId, "id '\(id)' may hold only letters, digits and '-', starting with a letter",
                    at: node.location,
                    hint: "ids become folder names in the site: avoid spaces, '/', '.' and other punctuation"))
            return nil
        }
        guard id.count <= DocumentID.maximumLength else {
            fields.report(
                .error(
                    .invalidId, "id is \(id.count) characters long; the limit is \(DocumentID.maximumLength)",
                    at: node.location,
                    hint:
                        "ids become folder and file names in the site, which file systems limit: use a short id such as LL-2026-001"
                ))
            return nil
        }
        return id
    }

    private func readService(_ fields: inout FieldReader, required: Bool) -> String? {
        guard let node = fields.node("service", required: required), let service = fields.text(node, field: "service")
        else { return nil }
        guard serviceSlugSet.contains(service) else {
            fields.report(
                .error(
                    .unknownService, "unknown service '\(service)'\(Suggestions.didYouMean(service, in: serviceSlugs))",
                    at: node.location, hint: "services are listed in data/services.yaml"))
            return nil
        }
        return service
    }

    private func readGovernance(_ fields: inout FieldReader) -> [GovernanceField] {
        guard let node = fields.node("governance") else { return [] }
        guard let pairs = node.pairs else {
            fields.report(
                .error(
                    .wrongType, "'governance' should be a mapping of fields, not \(node.kindDescription)",
                    at: node.location))
            return []
        }
        return pairs.compactMap { pair in
            // An empty value is absent: never print "~" or "null" as a governance fact.
            guard !pair.value.isNull, !FieldReader.isBlankScalar(pair.value) else { return nil }
            if let scalar = pair.value.scalar { return GovernanceField(key: pair.key, value: scalar) }
            guard let items = pair.value.items else {
                fields.report(
                    .error(
                        .wrongType,
                        "governance field '\(pair.key)' should be text or a list of text, not \(pair.value.kindDescription)",
                        at: pair.value.location))
                return nil
            }
            var values: [String] = []
            for item in items {
                if item.isNull || FieldReader.isBlankScalar(item) {
                    fields.report(
                        .error(
                            .emptyListItem, "governance field '\(pair.key)' has an empty entry", at: item.location,
                            hint: "remove the empty '- ' line, or write the missing value"))
                } else if let text = item.scalar {
                    values.append(text)
                } else {
                    fields.report(
                        .error(
                            .wrongType,
                            "each entry of governance field '\(pair.key)' should be text, not \(item.kindDescription)",
                            at: item.location))
                }
            }
            return values.isEmpty ? nil : GovernanceField(key: pair.key, value: values.joined(separator: ", "))
        }
    }

    private func readAction(_ action: inout FieldReader) -> Action? {
        let id = action.string("id", required: true, hint: "number actions A1, A2, … within the document")
        let text = action.string("action", required: true, hint: "say what will change")
        let owner = action.string("owner", required: true, hint: "a role and team, e.g. 'Ward Manager, Ward 3'")
        let due = action.date("due", required: true)
        let status = action.choice("status", from: ActionStatus.slugs, required: true).flatMap(ActionStatus.init)
        let completed = action.date("completed")
        let evidence = action.string("evidence")
        let reason = action.string("reason")
        let strength = action.choice("strength", from: Vocabulary.actionStrength)
        if let id, !DocumentID.isValid(id) {
            action.report(
                .error(
                    .invalidId, "action id '\(id)' may hold only letters, digits and '-'", at: action.location(of: "id")
                ))
        }
        if status == .completed, completed == nil {
            action.report(
                .error(
                    .actionCompletedDate, "completed action \(id ?? "") needs a 'completed' date",
                    at: action.location(of: "status"),
                    hint: "add 'completed: YYYY-MM-DD' with the date it was done"))
        }
        if let status, status.needsReason, reason == nil {
            action.report(
                .error(
                    .actionReason, "action \(id ?? "") is '\(status)' and needs a 'reason'",
                    at: action.location(of: "status"),
                    hint: "staff want to know why an action will not happen: add 'reason: …'"))
        }
        action.reportUnknownKeys()
        guard let id, let text, let owner, let due, let status else { return nil }
        return Action(
            id: id, action: text, owner: owner, due: due, status: status, completed: completed, evidence: evidence,
            reason: reason, strength: strength, location: action.location)
    }
}

/// Every front-matter field of every document type, as content-model.md lists them.
///
/// `lessons new` writes its templates from this, `lessons schema` its JSON Schemas and the docs their field tables, so
/// the three never disagree. The decoder stays the authority on what is accepted; a test keeps them in step.
enum ContentModel {
    /// The fields a document of `type` may have, common fields first, in the order `lessons new` writes them.
    static func fields(for type: DocumentType, site: SiteVocabularies) -> [FieldSpec] {
        common(for: type, site: site) + specific(to: type, site: site)
    }

    static func common(for type: DocumentType, site: SiteVocabularies) -> [FieldSpec] {
        let dateText: String =
            switch type {
            case .incident: "The month it happened, as YYYY-MM only: exact dates help identify people."
            case .debrief: "The month of the debrief, as YYYY-MM only."
            case .lesson, .external, .bulletin: "When it was published, as YYYY-MM-DD."
            case .session: "The day the session is held, as YYYY-MM-DD."
            case .practice: "When it happened or was reported, as YYYY-MM-DD."
            case .review: "When the review was completed, as YYYY-MM-DD."
            case .culture: "When the workshop was held, as YYYY-MM-DD."
            case .page: "Optional date of the page, as YYYY-MM-DD."
            }
        let summaryRequired = type == .lesson || type == .practice
        var fields: [FieldSpec] = [
            FieldSpec(
                "id", .reference, .required,
                "Unique id of the document, e.g. INC-2026-014: letters, digits and '-', starting with a letter."),
            FieldSpec("title", .text(), .required, "Plain-text title."),
            FieldSpec(
                "date", .date(type.usesMonthPrecision ? .month : .day), type == .page ? .optional : .required, dateText),
            FieldSpec(
                "summary", .text(maxLength: 280), summaryRequired ? .required : .optional,
                "One or two sentences (at most 280 characters) used in lists, cards, feeds, search and bulletins."),
            FieldSpec(
                "themes", .choiceList(site.themes), .optional, "Theme slugs from data/themes.yaml.",
                example: "[" + site.themes.prefix(2).joined(separator: ", ") + "]"),
            FieldSpec(
                "service", .choice(site.services), type == .culture ? .required : .optional,
                "A service or directorate slug from data/services.yaml.", example: site.services.first),
            FieldSpec(
                "audience", .choice(site.audiences), .optional,
                "Who may read it: staff (the default), partners (also in the partners edition) or governance (only in editions that include governance).",
                example: "staff"),
            FieldSpec(
                "draft", .boolean, .optional,
                "true keeps the document out of every edition unless the build is run with --drafts.",
                example: "true"),
        ]
        let privacy = FieldSpec(
            "privacy",
            .mapping([
                FieldSpec(
                    "reviewed_by", .text(), .required,
                    "The role that checked nothing identifies a patient, family or member of staff."),
                FieldSpec("reviewed_on", .date(.day), .required, "When that check was done, as YYYY-MM-DD."),
                FieldSpec(
                    "allow", .textList(), .optional, "Exact text that the privacy check may ignore (false positives)."),
            ]),
            type.isIncidentDerived
                ? .expected("needed to publish documents derived from incidents while privacy.require_review is on")
                : .optional,
            "Who checked the document for identifying details, and when.")
        fields.append(privacy)
        fields.append(
            FieldSpec(
                "governance", .openMapping(of: .text()), .optional,
                "Extra fields (e.g. local_ref, candour dates) shown only in editions that include the governance audience.",
                example: "{ local_ref: \"…\" }"))
        if type.allowsActions {
            fields.append(
                FieldSpec(
                    "actions", .mappingList(actionFields), .optional, "What will change because of this document."))
        }
        fields.append(
            FieldSpec(
                "review_by", .date(.day), .optional,
                "When the guidance should be reviewed, as YYYY-MM-DD; after it the page says so.",
                example: "2027-12-31"))
        fields.append(FieldSpec("superseded_by", .reference, .optional, "Id of the document that replaces this one."))
        let videos = "Video clips beside the document, each with WebVTT captions."
        fields.append(FieldSpec("videos", .mappingList(videoFields), .optional, videos))
        return fields
    }

    /// The fields of one action under `actions:`.
    static let actionFields: [FieldSpec] = [
        FieldSpec("id", .text(), .required, "Unique within the document: A1, A2, …"),
        FieldSpec("action", .text(), .required, "What will change."),
        FieldSpec("owner", .text(), .required, "A role and team, never a person's name alone."),
        FieldSpec("due", .date(.day), .required, "When it is due, as YYYY-MM-DD."),
        FieldSpec("status", .choice(Vocabulary.actionStatus), .required, "Where the action stands."),
        FieldSpec(
            "completed", .date(.day), .conditional("when status is completed"), "When it was completed, as YYYY-MM-DD."),
        FieldSpec("evidence", .text(), .optional, "How we know it changed practice."),
        FieldSpec(
            "reason", .text(), .conditional("when status is not-doing or superseded"), "Why the action will not happen."
        ),
        FieldSpec(
            "strength", .choice(Vocabulary.actionStrength), .optional, "Strength in the hierarchy of safety actions."),
    ]

    /// The fields of one clip under `videos:`.
    static let videoFields: [FieldSpec] = [
        FieldSpec("file", .text(), .required, "The .mp4 or .webm file beside the document."),
        FieldSpec("title", .text(), .required, "What the clip shows."),
        FieldSpec("captions", .text(), .required, "The WebVTT (.vtt) captions file beside the document (required)."),
        FieldSpec("transcript", .text(), .optional, "A transcript file beside the document."),
        FieldSpec("language", .text(), .optional, "Language of the captions (default: the site's language)."),
    ]

    static let period: [FieldSpec] = [
        FieldSpec("from", .date(.month), .required, "First month, as YYYY-MM."),
        FieldSpec("to", .date(.month), .required, "Last month, as YYYY-MM."),
    ]
}

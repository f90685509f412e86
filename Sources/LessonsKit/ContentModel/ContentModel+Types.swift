extension ContentModel {
    /// The fields only documents of `type` have.
    static func specific(to type: DocumentType, site: SiteVocabularies) -> [FieldSpec] {
        switch type {
        case .incident:
            [
                FieldSpec(
                    "source", .choice(Vocabulary.incidentSources), .required, "Where the incident came to us from."),
                FieldSpec(
                    "harm", .choice(Vocabulary.harm), .expected("required for patient-safety incidents"),
                    "Physical harm (LFPSE levels); required for patient-safety incidents."),
                FieldSpec(
                    "psychological_harm", .choice(Vocabulary.psychologicalHarm), .optional, "Psychological harm.",
                    example: "none"),
                FieldSpec("response", .choice(Vocabulary.responses), .required, "The learning response chosen."),
                FieldSpec("status", .choice(Vocabulary.incidentStatus), .required, "Where the response stands."),
                FieldSpec(
                    "duty_of_candour", .choice(Vocabulary.dutyOfCandour),
                    .conditional("when either harm is moderate or worse"),
                    "Duty of candour; required when either harm is moderate or worse.", example: "in-progress"),
                FieldSpec(
                    "national_priority", .boolean, .optional, "true for PSIRF national priorities.", example: "true"),
                FieldSpec(
                    "contributory_factors", .choiceList(Vocabulary.contributoryFactors), .optional,
                    "SEIPS domains that contributed.",
                    example: "[tasks, environment]"),
            ]
        case .lesson:
            [
                FieldSpec(
                    "key_messages", .textList(minimum: 1, maximum: 5), .required,
                    "1 to 5 short sentences: what this means for staff."),
                FieldSpec(
                    "sources", .referenceList(minimum: 0), .expected("a lesson without sources is a warning"),
                    "Ids of the incidents, debriefs, reviews, external learning or good practice it draws on."),
            ]
        case .session:
            [
                FieldSpec("format", .choice(Vocabulary.sessionFormats), .required, "How the session is held."),
                FieldSpec("location", .text(), .optional, "Where it is held.", example: "Education Centre, Room 2"),
                FieldSpec(
                    "facilitator", .text(), .optional, "Name or role of the facilitator.",
                    example: "Patient Safety Partner"),
                FieldSpec(
                    "speakers",
                    .mappingList([
                        FieldSpec("name", .text(), .optional, "Name, given with consent."),
                        FieldSpec("role", .text(), .optional, "Role."),
                    ]), .optional, "Who speaks.", example: "[{ role: Consultant Psychiatrist }]"),
                FieldSpec(
                    "attendance",
                    .anyOf([
                        .integer(0...1_000_000),
                        .mapping([
                            FieldSpec("total", .integer(0...1_000_000), .required, "How many attended."),
                            FieldSpec(
                                "by_profession", .openMapping(of: .integer(0...1_000_000)), .optional,
                                "Count per profession."),
                            FieldSpec(
                                "by_agency", .openMapping(of: .integer(0...1_000_000)), .optional,
                                "Attendances from partner agencies, per agency (one of: \(site.sessionAgencies.joined(separator: ", ")))."
                            ),
                            FieldSpec(
                                "teams", .choiceList(site.services), .optional,
                                "Service slugs of the Trust teams that attended."),
                        ]),
                    ]), .optional, "How many attended: a number, or total plus by_profession, by_agency and teams.",
                    example: "24"),
                FieldSpec(
                    "agencies", .choiceList(site.sessionAgencies), .optional, "Partner agencies that attended.",
                    example: "[police]"),
                FieldSpec(
                    "discussed", .referenceList(minimum: 0), .optional,
                    "Ids of lessons, incidents, reviews or external learning discussed."),
                FieldSpec(
                    "feedback",
                    .mapping([
                        FieldSpec("responses", .integer(0...1_000_000), .optional, "How many people gave feedback."),
                        FieldSpec("rating", .number(1...5), .optional, "Mean rating from 1 to 5."),
                        FieldSpec("quotes", .textList(), .optional, "Quotes from the feedback."),
                    ]), .optional, "What attendees said.", example: "{ responses: 18, rating: 4.6 }"),
                FieldSpec(
                    "materials",
                    .mappingList([
                        FieldSpec("title", .text(), .required, "Title of the material."),
                        FieldSpec("url", .url, .required, "Where it is."),
                    ]), .optional, "Slides and handouts.", example: "[{ title: Slides, url: /static/slides.pdf }]"),
            ]
        case .bulletin:
            [
                FieldSpec("issue", .integer(1...100_000), .required, "Issue number, unique."),
                FieldSpec("covers", .mapping(period), .required, "The months the issue covers."),
                FieldSpec(
                    "lead", .reference, .optional, "Id of the lead lesson (default: the newest lesson in the period)."),
                FieldSpec("lessons", .referenceList(minimum: 0), .optional, "Ids of further lessons, in order."),
                FieldSpec(
                    "spotlight", .choice(site.themes), .optional, "A theme whose counts and trend the issue shows.",
                    example: site.themes.first),
                FieldSpec("practice", .referenceList(minimum: 0), .optional, "Ids of good-practice stories."),
                FieldSpec("external", .referenceList(minimum: 0), .optional, "Ids of external learning."),
                FieldSpec(
                    "max_pages", .integer(1...100), .optional,
                    "Printed A4 pages the print edition must fit in (default 4).", example: "4"),
            ]
        case .debrief:
            [
                FieldSpec("kind", .choice(Vocabulary.debriefKinds), .required, "What kind of debrief it was."),
                FieldSpec("incident", .reference, .optional, "Id of the incident."),
                FieldSpec(
                    "timeliness", .choice(Vocabulary.timeliness), .optional, "How soon after the incident it was held.",
                    example: "within-72-hours"),
                FieldSpec("facilitator", .text(), .optional, "Role of the facilitator.", example: "Psychologist"),
                FieldSpec("participants", .integer(0...10_000), .optional, "How many took part.", example: "6"),
                FieldSpec(
                    "support_offered", .anyOf([.text(), .textList()]), .optional, "Support offered afterwards.",
                    example: "[Staff Wellbeing Hub]"),
            ]
        case .practice:
            [
                FieldSpec(
                    "source", .choice(Vocabulary.practiceSources), .optional, "How it came to us.",
                    example: "excellence-report"),
                FieldSpec(
                    "thanks", .anyOf([.text(), .textList()]), .optional, "Names or teams thanked (with consent).",
                    example: "[Ward 3 team]"),
            ]
        case .external:
            [
                FieldSpec("organisation", .text(), .required, "The organisation that published it."),
                FieldSpec(
                    "source_type", .choice(Vocabulary.externalSourceTypes), .required, "What kind of report it is."),
                FieldSpec("url", .url, .optional, "Link to the original.", example: "https://www.hssib.org.uk/"),
                FieldSpec(
                    "gap_analysis", .choice(Vocabulary.gapAnalysis), .optional, "How far our gap analysis has got.",
                    example: "in-progress"),
            ]
        case .review:
            [
                FieldSpec("period", .mapping(period), .required, "The months the review looked at."),
                FieldSpec("incidents", .referenceList(minimum: 2), .required, "At least 2 incident ids."),
                FieldSpec(
                    "method", .text(), .optional, "How the review was done.", example: "Structured judgement review"),
            ]
        case .culture:
            cultureFields(site)
        case .page:
            [
                FieldSpec(
                    "menu", .integer(0...999), .optional, "Puts the page in the main navigation, in this order.",
                    example: "1")
            ]
        }
    }

    private static func cultureFields(_ site: SiteVocabularies) -> [FieldSpec] {
        let keys = site.frameworks.keys.sorted()
        let levels = Array(Set(site.frameworks.values.flatMap(\.levels))).sorted()
        var dimensions: [FieldSpec] = []
        for key in keys {
            for dimension in site.frameworks[key]?.dimensions ?? []
            where !dimensions.contains(where: { $0.name == dimension.slug }) {
                dimensions.append(FieldSpec(dimension.slug, .choice(levels), .optional, dimension.title))
            }
        }
        return [
            FieldSpec(
                "framework", .choice(keys), .optional, "A framework key from site.yaml (default mapsaf).",
                example: "mapsaf"),
            FieldSpec("participants", .integer(0...10_000), .optional, "How many took part.", example: "9"),
            FieldSpec(
                "levels", .mapping(dimensions), .required,
                "For every dimension of the framework, the agreed level A to E."),
            FieldSpec(
                "spread", .openMapping(of: .openMapping(of: .integer(0...10_000))), .optional,
                "Per dimension, counts of individual ratings at each level (governance audience only)."),
            FieldSpec("previous", .reference, .optional, "Id of the team's previous assessment, for the trend."),
        ]
    }
}

/// JSON Schema (draft 2020-12) for `site.yaml`, as configuration.md describes it, with the site's own themes listed.
struct SiteConfigSchema {
    /// Theme folders the site has (besides the built-in `default`).
    let themes: [String]
    let site: SiteVocabularies

    /// `print.pdf`: posters, learning reports and the lesson-on-a-page check.
    var printField: FieldSpec {
        let modes = FieldSpec.Value.choice(BulletinSettings.PDFMode.allCases.map(\.rawValue))
        let text = "Poster and learning-report PDFs and the lesson-on-a-page check: off (default), auto or required."
        let pdf = FieldSpec("pdf", modes, .optional, text)
        return FieldSpec("print", .mapping([pdf]), .optional, "Printing with Chromium.")
    }

    let reportsText = "Periods (whole months) that get a learning report for the board and the CQC."

    func schema() -> JSONValue {
        let text = FieldSpec.Value.text()
        let audiences = FieldSpec.Value.textList(minimum: 1)
        let fields: [FieldSpec] = [
            FieldSpec("title", text, .required, "The site's title."),
            FieldSpec("organisation", text, .required, "The organisation (Trust) it belongs to."),
            FieldSpec(
                "base_url", .url, .optional,
                "Where the site is published, used for feeds, the sitemap and e-mail links."),
            FieldSpec("language", text, .optional, "Language of the pages (default en-GB)."),
            FieldSpec(
                "theme", .choice((["default"] + themes).uniqued()), .optional,
                "A folder under themes/, or the built-in default."),
            FieldSpec(
                "portable", .boolean, .optional,
                "true: every internal link ends in index.html and is relative, so the site also works opened from a file share."
            ),
            FieldSpec(
                "timezone", text, .optional, "Time zone for the build date and 'overdue' (default Europe/London)."),
            FieldSpec(
                "robots", .choice(["allow", "disallow"]), .optional,
                "Whether robots.txt lets crawlers in (default disallow)."),
            FieldSpec(
                "links",
                .mappingList([
                    FieldSpec("title", text, .required, "Link text."), FieldSpec("url", .url, .required, "Address."),
                ]),
                .optional, "Links shown in the header or footer of every page."),
            FieldSpec(
                "ids",
                .mapping(
                    DocumentType.allCases.map {
                        FieldSpec(
                            $0.folder, text, .optional,
                            "Id pattern for new \($0.pluralName.lowercased()), e.g. \(IdPattern.defaults[$0] ?? "{slug}")."
                        )
                    }),
                .optional, "Patterns `lessons new` uses for the next id: {YYYY} {MM} {N…} {service} {slug}."),
            FieldSpec(
                "markdown",
                .mapping([
                    FieldSpec(
                        "unsafe_html", .boolean, .optional, "Keep raw HTML in Markdown (default false: it is stripped)."
                    ),
                    FieldSpec("smart_punctuation", .boolean, .optional, "Curly quotes and dashes (default true)."),
                ]), .optional, "Markdown settings."),
            FieldSpec(
                "editions",
                .openMapping(
                    of: .mapping([
                        FieldSpec("audiences", audiences, .required, "The audiences this edition publishes."),
                        FieldSpec("title", text, .optional, "Title of this edition."),
                    ])), .optional, "Which audiences each edition publishes; staff is the default edition."),
            FieldSpec(
                "privacy",
                .mapping([
                    FieldSpec(
                        "require_review", .boolean, .optional,
                        "Incident-derived documents need a privacy block to publish (default true)."),
                    FieldSpec(
                        "small_numbers", .integer(1...1000), .optional,
                        "Counts from 1 to this minus 1 are shown as 'fewer than N' outside governance editions (default 5)."
                    ),
                    FieldSpec(
                        "allowed_email_domains", .textList(), .optional,
                        "E-mail domains that are not a privacy warning."),
                    FieldSpec(
                        "patterns",
                        .mappingList([
                            FieldSpec("name", text, .required, "What the pattern finds."),
                            FieldSpec(
                                "regex", text, .required,
                                "NSRegularExpression syntax; case-sensitive unless it starts with (?i)."),
                        ]), .optional, "Site-specific identifiers that are always errors."),
                ]), .optional, "Privacy checks."),
            FieldSpec(
                "search",
                .mapping([
                    FieldSpec(
                        "synonyms", .list(of: .textList(minimum: 2)), .optional,
                        "Groups of words; a search for one finds the others.")
                ]), .optional, "Search settings."),
            FieldSpec(
                "bulletin",
                .mapping([
                    FieldSpec(
                        "pdf", .choice(BulletinSettings.PDFMode.allCases.map(\.rawValue)), .optional,
                        "off, auto (when Chromium is installed) or required."),
                    FieldSpec(
                        "support", text, .optional, "Staff-support signposting printed in every bulletin (Markdown)."),
                ]), .optional, "Bulletin settings."),
            printField,
            FieldSpec("reports", .mappingList(ContentModel.period), .optional, reportsText),
            FieldSpec(
                "frameworks",
                .openMapping(
                    of: .mapping([
                        FieldSpec("title", text, .optional, "Name of the framework."),
                        FieldSpec("levels", .textList(minimum: 1), .optional, "Level letters (default A to E)."),
                        FieldSpec(
                            "dimensions",
                            .mappingList([
                                FieldSpec("slug", text, .required, "Key used under a culture assessment's levels."),
                                FieldSpec("title", text, .optional, "Name of the dimension."),
                            ]), .optional, "The framework's dimensions."),
                    ])), .optional, "Culture-assessment frameworks beyond the built-in mapsaf."),
            FieldSpec(
                "vocabularies",
                .mapping([
                    FieldSpec(
                        "session_agencies", .textList(), .optional, "Extra partner agencies for sessions' agencies.")
                ]), .optional, "Extensions of the built-in value lists."),
        ]
        let object = FrontMatterSchema.object(fields)
        return .object(
            [
                ("$schema", .string(FrontMatterSchema.dialect)),
                ("$id", "site.schema.json"),
                ("title", "site.yaml"),
                (
                    "description",
                    "Settings of a Learning Lessons site. Every key is optional except title and organisation."
                ),
            ] + object)
    }
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}

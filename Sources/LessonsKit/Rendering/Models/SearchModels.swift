/// `search.mustache`: the search box and its filters (the results are filled in by `assets/search.js`).
struct SearchBody {
    /// A filter value with its document count.
    struct Option {
        let value: String
        let label: String
    }

    /// A directorate's filter values: the whole directorate, then each service.
    struct OptionGroup {
        let label: String
        let options: [Option]
    }

    /// `search.*`.
    struct Search {
        let rootHref: String
        let indexHref: String
        /// `fetch` for JSON index files, `script` for the portable `.js` ones.
        let mode: String
        let types: [Option]
        let themes: [Option]
        let directorates: [OptionGroup]
        let years: [Option]
        let browse: [PageLink]
    }

    let search: Search
}

// MARK: - Field lists for Mustache (see `TemplateFields`)

extension SearchBody: TemplateFields {
    var templateFields: TemplateValue.Fields { ["search": search] }
}

extension SearchBody.Option: TemplateFields {
    var templateFields: TemplateValue.Fields { ["value": value, "label": label] }
}

extension SearchBody.OptionGroup: TemplateFields {
    var templateFields: TemplateValue.Fields { ["label": label, "options": options] }
}

extension SearchBody.Search: TemplateFields {
    var templateFields: TemplateValue.Fields {
        [
            "rootHref": rootHref, "indexHref": indexHref, "mode": mode, "types": types, "themes": themes,
            "directorates": directorates, "years": years, "browse": browse,
        ]
    }
}

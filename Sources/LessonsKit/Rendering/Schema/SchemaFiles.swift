/// The files `lessons schema` writes: one JSON Schema per document type and one for site.yaml.
enum SchemaFiles {
    /// `incidents.schema.json`, …, `site.schema.json`, in a fixed order.
    static func files(config: SiteConfig, data: SiteData, themeFolders: [String]) -> [OutputFile] {
        let site = SiteVocabularies(config: config, data: data)
        var files = DocumentType.allCases.map { type in
            let pattern = config.idPatterns[type.folder] ?? IdPattern.defaults[type] ?? "{slug}"
            return OutputFile(
                path: "\(type.folder).schema.json",
                text: FrontMatterSchema(type: type, site: site, idPatternText: pattern).schema().text)
        }
        files.append(
            OutputFile(path: "site.schema.json", text: SiteConfigSchema(themes: themeFolders, site: site).schema().text)
        )
        return files
    }
}

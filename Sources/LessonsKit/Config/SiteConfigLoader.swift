/// Reads `site.yaml` into a `SiteConfig`; any error here makes the command line unusable (exit status 2).
enum SiteConfigLoader {
    /// `print` and `reports`: posters, the lesson-on-a-page check and learning reports.
    static let printKeys = ["print", "reports"]

    static let knownKeys = [
        "title", "organisation", "base_url", "language", "theme", "portable", "timezone", "robots",
        "links", "ids", "markdown", "editions", "privacy", "search", "bulletin", "frameworks", "vocabularies",
    ]

    /// Parses the configuration, returning it (when usable) and every problem found.
    static func load(_ file: SourceFile) -> (SiteConfig?, [Diagnostic]) {
        let parsed = YAMLReader().parse(file.text, file: file.path)
        let root: YAMLNode
        switch parsed {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(nil):
            return (
                nil,
                [
                    .error(
                        .invalidConfig, "site.yaml is empty", at: SourceLocation(file: file.path),
                        hint: "it needs at least 'title:' and 'organisation:'")
                ]
            )
        case .success(let node?): root = node
        }
        guard root.pairs != nil else {
            return (
                nil,
                [
                    .error(
                        .invalidConfig, "site.yaml should be a mapping of settings, not \(root.kindDescription)",
                        at: root.location)
                ]
            )
        }
        var reader = FieldReader(root, context: "site.yaml")
        let title = reader.string("title", required: true)
        let organisation = reader.string("organisation", required: true)
        var config = SiteConfig(title: title ?? "", organisation: organisation ?? "")
        config.baseURL = reader.string("base_url").map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        config.language = reader.string("language") ?? config.language
        config.theme = reader.string("theme") ?? config.theme
        config.portable = reader.bool("portable") ?? false
        config.timezone = reader.string("timezone") ?? config.timezone
        config.robotsAllow = reader.choice("robots", from: ["allow", "disallow"]) == "allow"
        config.links = reader.mappingList("links") { link in
            guard let title = link.string("title", required: true), let url = link.url("url", required: true) else {
                return nil
            }
            link.reportUnknownKeys()
            return SiteLink(title: title, url: url)
        }
        if let ids = reader.node("ids"), let pairs = ids.pairs {
            for pair in pairs { config.idPatterns[pair.key] = pair.value.scalar }
        }
        reader.mapping("markdown") { markdown in
            config.markdown.unsafeHTML = markdown.bool("unsafe_html") ?? false
            config.markdown.smartPunctuation = markdown.bool("smart_punctuation") ?? true
            markdown.reportUnknownKeys()
            return ()
        }
        if let editions = readEditions(&reader) { config.editions = editions }
        reader.mapping("privacy") { privacy in
            config.privacy.requireReview = privacy.bool("require_review") ?? true
            config.privacy.smallNumbers = privacy.int("small_numbers", range: 1...1000) ?? 5
            config.privacy.allowedEmailDomains = privacy.stringList("allowed_email_domains").map(\.value)
            config.privacy.patterns = privacy.mappingList("patterns") {
                (pattern: inout FieldReader) -> PrivacyPattern? in
                guard let name = pattern.string("name", required: true),
                    let regex = pattern.string("regex", required: true)
                else { return nil }
                pattern.reportUnknownKeys()
                if case .failure(let problem) = PrivacyPattern.compile(regex) {
                    pattern.report(
                        .error(
                            .invalidConfig, "privacy pattern '\(name)' cannot be used: \(problem.reason)",
                            at: pattern.valueLocations["regex"] ?? pattern.location(of: "regex"),
                            hint:
                                "patterns use NSRegularExpression syntax; quote them with single quotes, e.g. regex: '\\bRIO\\d{7}\\b'"
                        ))
                    return nil
                }
                return PrivacyPattern(name: name, regex: regex)
            }
            privacy.reportUnknownKeys()
            return ()
        }
        reader.mapping("search") { search in
            if let groups = search.node("synonyms")?.items {
                config.searchSynonyms = groups.compactMap { $0.items?.compactMap(\.scalar) }
            }
            search.reportUnknownKeys()
            return ()
        }
        config.reports = reader.mappingList("reports") { report in
            let from = report.date("from", required: true, precision: .month)
            let to = report.date("to", required: true, precision: .month)
            report.reportUnknownKeys()
            guard let from, let to else { return nil }
            guard from <= to else {
                let message = "a report's 'from' (\(from)) is after its 'to' (\(to))"
                report.report(.error(.invalidConfig, message, at: report.location(of: "to")))
                return nil
            }
            return MonthPeriod(from: from, to: to)
        }
        reader.mapping("print") { print in
            if let mode = print.choice("pdf", from: BulletinSettings.PDFMode.allCases.map(\.rawValue)) {
                config.printPDF = BulletinSettings.PDFMode(rawValue: mode) ?? .off
            }
            print.reportUnknownKeys()
            return ()
        }
        reader.mapping("bulletin") { bulletin in
            if let mode = bulletin.choice("pdf", from: BulletinSettings.PDFMode.allCases.map(\.rawValue)) {
                config.bulletin.pdf = BulletinSettings.PDFMode(rawValue: mode) ?? .auto
            }
            config.bulletin.support = bulletin.string("support")
            bulletin.reportUnknownKeys()
            return ()
        }
        readFrameworks(&reader, into: &config)
        if let vocabularies = reader.node("vocabularies")?.pairs {
            for pair in vocabularies { config.vocabularies[pair.key] = pair.value.items?.compactMap(\.scalar) ?? [] }
        }
        reader.reportUnknownKeys(known: knownKeys + printKeys)
        let diagnostics = reader.diagnostics
        return (diagnostics.hasErrors ? nil : config, diagnostics)
    }

    private static func readEditions(_ reader: inout FieldReader) -> [Edition]? {
        guard let node = reader.node("editions") else { return nil }
        guard let pairs = node.pairs else {
            reader.report(.error(.invalidConfig, "'editions' should be a mapping of edition names", at: node.location))
            return nil
        }
        var editions: [Edition] = []
        for pair in pairs {
            guard pair.value.pairs != nil else {
                reader.report(
                    .error(
                        .invalidConfig, "edition '\(pair.key)' should be a mapping with 'audiences'",
                        at: pair.value.location))
                continue
            }
            var edition = FieldReader(pair.value, context: "edition '\(pair.key)'")
            let audiences = edition.stringList("audiences", required: true).map(\.value)
            let title = edition.string("title")
            edition.reportUnknownKeys()
            for diagnostic in edition.diagnostics { reader.report(diagnostic) }
            if !pair.key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) || pair.key.isEmpty {
                reader.report(
                    .error(
                        .invalidConfig, "edition name '\(pair.key)' may hold only letters, digits and '-'",
                        at: pair.keyLocation))
                continue
            }
            editions.append(Edition(name: pair.key, audiences: audiences, title: title))
        }
        return editions
    }

    private static func readFrameworks(_ reader: inout FieldReader, into config: inout SiteConfig) {
        guard let pairs = reader.node("frameworks")?.pairs else { return }
        for pair in pairs {
            var framework = FieldReader(pair.value, context: "framework '\(pair.key)'")
            let title = framework.string("title") ?? pair.key
            let levels = framework.stringList("levels").map(\.value)
            let dimensions: [Framework.Dimension] = framework.mappingList("dimensions") { dimension in
                guard let slug = dimension.string("slug", required: true) else { return nil }
                let title = dimension.string("title") ?? slug
                dimension.reportUnknownKeys()
                return Framework.Dimension(slug: slug, title: title)
            }
            framework.reportUnknownKeys()
            for diagnostic in framework.diagnostics { reader.report(diagnostic) }
            let names = Framework.mapsaf.levelNames.filter { levels.contains($0.key) }
            config.frameworks[pair.key] = Framework(
                title: title, levels: levels.isEmpty ? Framework.mapsaf.levels : levels,
                levelNames: names, dimensions: dimensions)
        }
    }
}

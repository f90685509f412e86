/// Reads `data/themes.yaml`, `data/services.yaml` and `data/leads.yaml`; a problem here is a configuration error (exit 2).
enum SiteDataLoader {
    static let themesPath = "data/themes.yaml"
    static let servicesPath = "data/services.yaml"
    static let leadsPath = "data/leads.yaml"

    static func load(reader: SiteReader) -> (SiteData, [Diagnostic]) {
        var data = SiteData()
        var diagnostics: [Diagnostic] = []
        func entries(_ path: String) -> [YAMLNode] {
            guard reader.exists(path) else {
                diagnostics.append(
                    .error(
                        .invalidData, "missing data file \(path)", at: SourceLocation(file: path),
                        hint: "create it as a YAML list (it may be an empty list: [])"))
                return []
            }
            switch reader.readText(path) {
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                return []
            case .success(let file):
                switch YAMLReader().parse(file.text, file: path) {
                case .failure(let diagnostic):
                    diagnostics.append(diagnostic)
                    return []
                case .success(nil): return []
                case .success(let node?):
                    guard let items = node.items else {
                        diagnostics.append(
                            .error(
                                .invalidData, "\(path) should be a list of entries starting with '- '",
                                at: node.location))
                        return []
                    }
                    return items
                }
            }
        }
        func read<T>(_ item: YAMLNode, _ context: String, _ body: (inout FieldReader) -> T?) -> T? {
            guard item.pairs != nil else {
                diagnostics.append(
                    .error(.invalidData, "each \(context) should be a mapping of fields", at: item.location))
                return nil
            }
            var fields = FieldReader(item, context: context)
            let value = body(&fields)
            fields.reportUnknownKeys()
            diagnostics += fields.diagnostics
            return value
        }
        var slugs: [String: SourceLocation] = [:]
        func claim(_ slug: String, at location: SourceLocation) -> Bool {
            if let first = slugs[slug] {
                diagnostics.append(
                    .error(
                        .duplicateSlug, "slug '\(slug)' is already used at \(first)", at: location,
                        hint: "theme slugs, and directorate and service slugs together, must be unique"))
                return false
            }
            slugs[slug] = location
            return true
        }
        var parentLocations: [String: SourceLocation] = [:]
        data.themes = entries(themesPath).compactMap { item in
            read(item, "theme") { theme in
                guard let slug = validSlug(&theme), let title = theme.string("title", required: true) else {
                    return nil
                }
                guard claim(slug, at: theme.location(of: "slug")) else { return nil }
                let parent = theme.string("parent")
                if parent != nil {
                    parentLocations[slug] = theme.valueLocations["parent"] ?? theme.location(of: "parent")
                }
                return Theme(slug: slug, title: title, description: theme.string("description"), parent: parent)
            }
        }
        diagnostics += themeParentProblems(data.themes, parentLocations: parentLocations)
        slugs = [:]
        let problemsBeforeServices = diagnostics.count
        data.directorates = entries(servicesPath).compactMap { item in
            read(item, "directorate") { directorate in
                guard let slug = validSlug(&directorate), let title = directorate.string("title", required: true) else {
                    return nil
                }
                _ = claim(slug, at: directorate.location(of: "slug"))
                let services: [Service] = directorate.mappingList("services") { service in
                    guard let serviceSlug = validSlug(&service),
                        let serviceTitle = service.string("title", required: true)
                    else { return nil }
                    service.reportUnknownKeys()
                    guard claim(serviceSlug, at: service.location(of: "slug")) else { return nil }
                    return Service(slug: serviceSlug, title: serviceTitle, directorate: slug)
                }
                return Directorate(slug: slug, title: title, services: services)
            }
        }
        let serviceSlugs = data.services.map(\.slug)
        // When services.yaml itself is broken, every lead's service would look unknown: report the cause only.
        let servicesUsable = diagnostics.count == problemsBeforeServices
        data.leads = entries(leadsPath).compactMap { item in
            read(item, "lead") { lead in
                guard let name = lead.string("name", required: true), let role = lead.string("role", required: true),
                    let serviceNode = lead.node("service", required: true),
                    let service = lead.text(serviceNode, field: "service")
                else { return nil }
                if servicesUsable, !serviceSlugs.contains(service), data.directorate(service) == nil {
                    lead.report(
                        .error(
                            .unknownService,
                            "unknown service '\(service)'\(Suggestions.didYouMean(service, in: serviceSlugs))",
                            at: serviceNode.location, hint: "services are listed in \(servicesPath)"))
                }
                return Lead(
                    name: name, role: role, service: service, email: lead.string("email"), since: lead.date("since"))
            }
        }
        return (data, diagnostics)
    }

    /// Unknown parents and loops of parents (`a` → `b` → `a`), each located at the `parent` field that causes it.
    static func themeParentProblems(_ themes: [Theme], parentLocations: [String: SourceLocation]) -> [Diagnostic] {
        let slugs = themes.map(\.slug)
        var diagnostics: [Diagnostic] = []
        for theme in themes {
            if let parent = theme.parent, !slugs.contains(parent) {
                diagnostics.append(
                    .error(
                        .unknownTheme,
                        "theme '\(theme.slug)' has unknown parent '\(parent)'\(Suggestions.didYouMean(parent, in: slugs))",
                        at: parentLocations[theme.slug] ?? SourceLocation(file: themesPath)))
            }
        }
        for cycle in ThemeTree.cycles(in: themes) {
            guard let first = cycle.first else { continue }
            let loop = (cycle + [first]).map { "'\($0)'" }.joined(separator: " → ")
            diagnostics.append(
                .error(
                    .themeCycle, "the parents of theme '\(first)' loop back to it: \(loop)",
                    at: parentLocations[first] ?? SourceLocation(file: themesPath),
                    hint: "a theme cannot be its own ancestor: remove or change one of these 'parent' fields"))
        }
        return diagnostics
    }

    private static func validSlug(_ fields: inout FieldReader) -> String? {
        guard let slug = fields.string("slug", required: true) else { return nil }
        guard
            slug.allSatisfy({
                ($0.isLetter && $0.isLowercase && $0.isASCII) || ($0.isNumber && $0.isASCII) || $0 == "-"
            })
        else {
            fields.report(
                .error(
                    .invalidData, "slug '\(slug)' may hold only lower-case letters, digits and '-'",
                    at: fields.location(of: "slug")))
            return nil
        }
        return slug
    }
}

import Foundation

/// `lessons new <type> "Title"`: picks the next free id, writes the file and says where.
public enum NewDocument {
    /// What the command line asked for.
    public struct Request: Sendable {
        var siteDirectory: String
        var type: String
        var title: String
        /// The creation date (`--today`), else today in the site's time zone.
        public var today: String?
        /// The service the document belongs to (`--service`).
        public var service: String?
        /// The id to use instead of the next free one (`--id`).
        public var id: String?

        /// A request for a document of `type` (folder or singular name) titled `title` in the site at `siteDirectory`.
        public init(siteDirectory: String, type: String, title: String) {
            self.siteDirectory = siteDirectory
            self.type = type
            self.title = title
        }
    }

    /// The file written, or why nothing was.
    public struct Outcome: Sendable {
        /// The file written, relative to the site folder.
        public var path: String?
        /// Problems that stopped the command.
        public var diagnostics: [Diagnostic] = []
        /// A problem not about one file.
        public var failure: String?
        /// The exit status.
        public var status: BuildReport.Status = .success
    }

    /// Accepts the folder name or the singular (`incidents`, `incident`, `good-practice`).
    static func documentType(named name: String) -> DocumentType? {
        let lower = name.lowercased()
        return DocumentType(folder: lower) ?? DocumentType(rawValue: lower)
            ?? DocumentType.allCases.first {
                Slug.make($0.displayName) == lower || Slug.make($0.pluralName) == lower
            }
    }

    /// Writes the new document, or reports why it could not.
    public static func create(_ request: Request) -> Outcome {
        var outcome = Outcome()
        func fail(_ message: String, _ status: BuildReport.Status) -> Outcome {
            outcome.failure = message
            outcome.status = status
            return outcome
        }
        guard let type = documentType(named: request.type) else {
            let names = DocumentType.allCases.map(\.rawValue)
            return fail(
                "unknown document type '\(request.type)'\(Suggestions.didYouMean(request.type, in: names)); types: \(names.joined(separator: ", "))",
                .unusableConfiguration)
        }
        let title = request.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty, !title.contains(where: \.isNewline) else {
            return fail("the title must be one line of text", .unusableConfiguration)
        }
        let reader = SiteReader(siteDirectory: request.siteDirectory)
        let (loadedConfig, data, diagnostics) = LoadedSite.loadConfiguration(reader: reader)
        outcome.diagnostics = diagnostics
        guard let config = loadedConfig else {
            return fail("site.yaml or a data file cannot be used; nothing was written", .unusableConfiguration)
        }
        var dateOptions = BuildOptions(siteDirectory: request.siteDirectory)
        dateOptions.today = request.today
        guard let today = dateOptions.resolveToday(timezone: config.timezone) else {
            return fail(
                "--today must be a date written YYYY-MM-DD, not '\(request.today ?? "")'", .unusableConfiguration)
        }
        let site = SiteVocabularies(config: config, data: data)
        if let service = request.service, !site.services.contains(service) {
            return fail(
                "unknown service '\(service)'\(Suggestions.didYouMean(service, in: site.services)); services are listed in data/services.yaml",
                .unusableConfiguration)
        }
        let existing = existingDocuments(reader)
        let id: String
        do {
            if let given = request.id {
                guard DocumentID.isValid(given) else { throw IdPattern.Problem.invalid(given) }
                guard !existing.ids.contains(where: { $0.caseInsensitiveCompare(given) == .orderedSame }) else {
                    throw IdPattern.Problem.taken(given)
                }
                id = given
            } else {
                id = try IdPattern.forType(type, config: config).nextId(
                    existing: existing.ids, today: today, service: request.service, title: title)
            }
        } catch let problem as IdPattern.Problem {
            return fail(problem.description, .unusableConfiguration)
        } catch {
            return fail("\(error)", .internalFailure)
        }
        let template = NewDocumentTemplate(
            type: type, id: id, title: title, today: today, service: request.service,
            issue: type == .bulletin ? (existing.issues.max() ?? 0) + 1 : nil, site: site)
        let relative = "content/\(type.folder)/\(fileName(id: id, title: title))"
        let shown =
            request.siteDirectory == "."
            ? relative : (request.siteDirectory as NSString).appendingPathComponent(relative)
        do {
            try NewFileWriter.create(reader.absolute(relative), text: template.render(), displayPath: shown)
        } catch {
            return fail(error.description, error == .exists(shown) ? .contentErrors : .internalFailure)
        }
        outcome.path = shown
        return outcome
    }

    /// `inc-2026-015-missed-observation.md`; a page whose id is its slug is just `about-us.md`.
    static func fileName(id: String, title: String) -> String {
        let idPart = id.lowercased()
        let slug = Slug.make(title)
        return (slug.isEmpty || idPart == slug || idPart.hasSuffix("-" + slug) ? idPart : idPart + "-" + slug) + ".md"
    }

    /// Every id declared in the site (broken files included) and every bulletin issue number.
    static func existingDocuments(_ reader: SiteReader) -> (ids: [String], issues: [Int]) {
        var ids: [String] = []
        var issues: [Int] = []
        for entry in reader.listContent().documents {
            guard case .success(let file) = reader.readText(entry.path),
                case .success(let split) = FrontMatter.split(file),
                case .success(let root?) = YAMLReader().parse(split.yaml, file: file.path)
            else { continue }
            if let id = root["id"]?.scalar { ids.append(id) }
            if entry.type == .bulletin, let issue = root["issue"]?.scalar.flatMap({ Int($0) }) { issues.append(issue) }
        }
        return (ids, issues)
    }
}

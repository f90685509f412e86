/// A decoded ``Document`` as bytes and back, for the decoded-document cache (``DecodedDocumentFile``).
///
/// Written by hand rather than through `Codable`: a cached document is read on every rebuild, and a generic coder's
/// keyed containers cost more than the parse they replace. What only validation reads (the front-matter tree and the
/// Markdown source) is not stored: a cached document is already validated, and comes back as
/// ``Document/withoutValidationInputs()`` would leave it. Locations in the document's own file store no file name.
enum DocumentCoding {
    static func write(_ document: Document, to writer: inout CacheByteWriter) {
        let path = document.path
        writer.string(document.id)
        writer.string(document.type.rawValue)
        writer.string(document.title)
        writer.optional(document.date, writeDate)
        writer.optionalString(document.summary)
        writer.strings(document.themes)
        writer.optionalString(document.service)
        writer.string(document.audience)
        writer.bool(document.isDraft)
        writer.optional(document.privacy) {
            $0.string($1.reviewedBy)
            $0.optional($1.reviewedOn, writeDate)
            $0.strings($1.allow)
        }
        writer.array(document.governance) {
            $0.string($1.key)
            $0.string($1.value)
        }
        writer.array(document.actions) { writeAction($1, to: &$0, path: path) }
        writer.optional(document.reviewBy, writeDate)
        writer.optional(document.supersededBy) { writeLocated($1, to: &$0, path: path) }
        DetailsCoding.write(document.details, to: &writer, path: path)
        writer.int(document.bodyFirstLine)
        writer.array(document.fieldLocations.sorted { $0.key < $1.key }) {
            $0.string($1.key)
            writeLocation($1.value, to: &$0, path: path)
        }
        writer.array(document.videos) {
            writeLocated($1.file, to: &$0, path: path)
            $0.string($1.title)
            writeLocated($1.captions, to: &$0, path: path)
            $0.optional($1.transcript) { writeLocated($1, to: &$0, path: path) }
            $0.optionalString($1.language)
        }
    }

    /// The document at `path`, whose body's parse is `body` (its plain text and references come from there).
    static func read(from reader: inout CacheByteReader, path: String, body: PreparedMarkdown)
        throws(CacheBytesError) -> Document
    {
        let id = try reader.string()
        let type = try reader.rawValue(DocumentType.self)
        let title = try reader.string()
        let date = try reader.optional(readDate)
        let summary = try reader.optionalString()
        let themes = try reader.strings()
        let service = try reader.optionalString()
        let audience = try reader.string()
        let isDraft = try reader.bool()
        let privacy = try reader.optional { reader throws(CacheBytesError) in
            PrivacyReview(
                reviewedBy: try reader.string(), reviewedOn: try reader.optional(readDate), allow: try reader.strings())
        }
        let governance = try reader.array { reader throws(CacheBytesError) in
            GovernanceField(key: try reader.string(), value: try reader.string())
        }
        let actions = try reader.array { reader throws(CacheBytesError) in try readAction(&reader, path: path) }
        let reviewBy = try reader.optional(readDate)
        let supersededBy = try reader.optional { reader throws(CacheBytesError) in try readLocated(&reader, path: path)
        }
        let details = try DetailsCoding.read(from: &reader, path: path)
        let bodyFirstLine = try reader.int()
        // Written in the order of their keys: read into a document's locations as they are, without a dictionary.
        let locations = try reader.array { reader throws(CacheBytesError) in
            (key: try reader.string(), location: try readLocation(&reader, path: path))
        }
        let videos = try reader.array { reader throws(CacheBytesError) in
            Video(
                file: try readLocated(&reader, path: path), title: try reader.string(),
                captions: try readLocated(&reader, path: path),
                transcript: try reader.optional { reader throws(CacheBytesError) in
                    try readLocated(&reader, path: path)
                },
                language: try reader.optionalString())
        }
        return Document(
            id: id, type: type, title: title, date: date, summary: summary, themes: themes, service: service,
            audience: audience, isDraft: isDraft, privacy: privacy, governance: governance, actions: actions,
            reviewBy: reviewBy, supersededBy: supersededBy, details: details, body: "", bodyFirstLine: bodyFirstLine,
            path: path, fieldLocations: FieldLocations(sorted: locations, file: path),
            bodyReferences: DocumentDecoder.bodyReferences(of: body, path: path, bodyFirstLine: bodyFirstLine),
            frontMatter: YAMLNode(.mapping([]), at: SourceLocation(file: path)), videos: videos)
    }

    static func writeDate(_ writer: inout CacheByteWriter, _ date: PartialDate) {
        writer.int(date.year)
        writer.int(date.month)
        writer.int(date.day ?? 0)
    }

    static func readDate(_ reader: inout CacheByteReader) throws(CacheBytesError) -> PartialDate {
        let year = try reader.int()
        let month = try reader.int()
        let day = try reader.int()
        guard (1...12).contains(month), (0...31).contains(day) else { throw CacheBytesError() }
        return PartialDate(year: year, month: month, day: day == 0 ? nil : day)
    }

    /// A location: `path`'s own file is stored as a flag, any other file by name.
    static func writeLocation(_ location: SourceLocation, to writer: inout CacheByteWriter, path: String) {
        writer.int(location.line)
        writer.int(location.column)
        writer.bool(location.file != path)
        if location.file != path { writer.string(location.file) }
    }

    static func readLocation(_ reader: inout CacheByteReader, path: String) throws(CacheBytesError) -> SourceLocation {
        let line = try reader.int()
        let column = try reader.int()
        return SourceLocation(file: try reader.bool() ? try reader.string() : path, line: line, column: column)
    }

    static func writeLocated(_ value: Located<String>, to writer: inout CacheByteWriter, path: String) {
        writer.string(value.value)
        writeLocation(value.location, to: &writer, path: path)
    }

    static func readLocated(_ reader: inout CacheByteReader, path: String) throws(CacheBytesError) -> Located<String> {
        let value = try reader.string()
        return Located(value, at: try readLocation(&reader, path: path))
    }

    static func writeLocatedList(_ values: [Located<String>], to writer: inout CacheByteWriter, path: String) {
        writer.array(values) { writeLocated($1, to: &$0, path: path) }
    }

    static func readLocatedList(_ reader: inout CacheByteReader, path: String) throws(CacheBytesError)
        -> [Located<String>]
    {
        try reader.array { reader throws(CacheBytesError) in try readLocated(&reader, path: path) }
    }

    private static func writeAction(_ action: Action, to writer: inout CacheByteWriter, path: String) {
        writer.string(action.id)
        writer.string(action.action)
        writer.string(action.owner)
        writeDate(&writer, action.due)
        writer.string(action.status.rawValue)
        writer.optional(action.completed, writeDate)
        writer.optionalString(action.evidence)
        writer.optionalString(action.reason)
        writer.optionalString(action.strength)
        writeLocation(action.location, to: &writer, path: path)
    }

    private static func readAction(_ reader: inout CacheByteReader, path: String) throws(CacheBytesError) -> Action {
        Action(
            id: try reader.string(), action: try reader.string(), owner: try reader.string(),
            due: try readDate(&reader), status: try reader.rawValue(ActionStatus.self),
            completed: try reader.optional(readDate), evidence: try reader.optionalString(),
            reason: try reader.optionalString(), strength: try reader.optionalString(),
            location: try readLocation(&reader, path: path))
    }

    /// A problem, in full (its file may be another than the document's: a caption file, a data file).
    static func writeDiagnostic(_ diagnostic: Diagnostic, to writer: inout CacheByteWriter, path: String) {
        writer.string(diagnostic.severity.rawValue)
        writer.string(diagnostic.code.rawValue)
        writer.string(diagnostic.message)
        writer.optionalString(diagnostic.hint)
        writeLocation(diagnostic.location, to: &writer, path: path)
    }

    static func readDiagnostic(_ reader: inout CacheByteReader, path: String) throws(CacheBytesError) -> Diagnostic {
        let severity = try reader.rawValue(Severity.self)
        let code = DiagnosticCode(rawValue: try reader.string())
        let message = try reader.string()
        let hint = try reader.optionalString()
        return Diagnostic(severity, code, message, at: try readLocation(&reader, path: path), hint: hint)
    }
}

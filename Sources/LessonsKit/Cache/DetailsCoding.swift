/// A document's type-specific fields (``DocumentDetails``) as bytes and back: a tag (the type's raw value), then the
/// fields in declaration order. Part of ``DocumentCoding``.
enum DetailsCoding {
    typealias Coding = DocumentCoding

    static func write(_ details: DocumentDetails, to writer: inout CacheByteWriter, path: String) {
        switch details {
        case .incident(let d):
            writer.string(DocumentType.incident.rawValue)
            writer.string(d.source)
            writer.optionalString(d.harm?.rawValue)
            writer.optionalString(d.psychologicalHarm)
            writer.string(d.response.rawValue)
            writer.string(d.status.rawValue)
            writer.optionalString(d.dutyOfCandour)
            writer.bool(d.nationalPriority)
            writer.strings(d.contributoryFactors)
        case .lesson(let d):
            writer.string(DocumentType.lesson.rawValue)
            writer.strings(d.keyMessages)
            Coding.writeLocatedList(d.sources, to: &writer, path: path)
        case .session(let d):
            writer.string(DocumentType.session.rawValue)
            writeSession(d, to: &writer, path: path)
        case .bulletin(let d):
            writer.string(DocumentType.bulletin.rawValue)
            writer.int(d.issue)
            writePeriod(d.covers, to: &writer)
            writer.optional(d.lead) { Coding.writeLocated($1, to: &$0, path: path) }
            Coding.writeLocatedList(d.lessons, to: &writer, path: path)
            writer.optionalString(d.spotlight)
            Coding.writeLocatedList(d.practice, to: &writer, path: path)
            Coding.writeLocatedList(d.external, to: &writer, path: path)
            writer.int(d.maxPages)
        case .debrief(let d):
            writer.string(DocumentType.debrief.rawValue)
            writer.string(d.kind)
            writer.optional(d.incident) { Coding.writeLocated($1, to: &$0, path: path) }
            writer.optionalString(d.timeliness)
            writer.optionalString(d.facilitator)
            writer.optional(d.participants) { $0.int($1) }
            writer.strings(d.supportOffered)
        case .practice(let d):
            writer.string(DocumentType.practice.rawValue)
            writer.optionalString(d.source)
            writer.strings(d.thanks)
        case .external(let d):
            writer.string(DocumentType.external.rawValue)
            writer.string(d.organisation)
            writer.string(d.sourceType)
            writer.optionalString(d.url)
            writer.optionalString(d.gapAnalysis)
        case .review(let d):
            writer.string(DocumentType.review.rawValue)
            writePeriod(d.period, to: &writer)
            Coding.writeLocatedList(d.incidents, to: &writer, path: path)
            writer.optionalString(d.method)
        case .culture(let d):
            writer.string(DocumentType.culture.rawValue)
            writer.string(d.framework)
            writer.optional(d.participants) { $0.int($1) }
            writer.array(d.levels.sorted { $0.key < $1.key }) {
                $0.string($1.key)
                $0.string($1.value)
            }
            writer.array(d.spread.sorted { $0.key < $1.key }) {
                $0.string($1.key)
                $0.array($1.value.sorted { $0.key < $1.key }) {
                    $0.string($1.key)
                    $0.int($1.value)
                }
            }
            writer.optional(d.previous) { Coding.writeLocated($1, to: &$0, path: path) }
        case .page(let d):
            writer.string(DocumentType.page.rawValue)
            writer.optional(d.menu) { $0.int($1) }
        }
    }

    static func read(from reader: inout CacheByteReader, path: String) throws(CacheBytesError) -> DocumentDetails {
        switch try reader.rawValue(DocumentType.self) {
        case .incident:
            return .incident(
                IncidentDetails(
                    source: try reader.string(),
                    harm: try reader.optional { reader throws(CacheBytesError) in try reader.rawValue(Harm.self) },
                    psychologicalHarm: try reader.optionalString(),
                    response: try reader.rawValue(LearningResponse.self),
                    status: try reader.rawValue(IncidentStatus.self), dutyOfCandour: try reader.optionalString(),
                    nationalPriority: try reader.bool(), contributoryFactors: try reader.strings()))
        case .lesson:
            return .lesson(
                LessonDetails(
                    keyMessages: try reader.strings(), sources: try Coding.readLocatedList(&reader, path: path)))
        case .session:
            return .session(try readSession(&reader, path: path))
        case .bulletin:
            return .bulletin(
                BulletinDetails(
                    issue: try reader.int(), covers: try readPeriod(&reader),
                    lead: try reader.optional { reader throws(CacheBytesError) in
                        try Coding.readLocated(&reader, path: path)
                    },
                    lessons: try Coding.readLocatedList(&reader, path: path), spotlight: try reader.optionalString(),
                    practice: try Coding.readLocatedList(&reader, path: path),
                    external: try Coding.readLocatedList(&reader, path: path), maxPages: try reader.int()))
        case .debrief:
            return .debrief(
                DebriefDetails(
                    kind: try reader.string(),
                    incident: try reader.optional { reader throws(CacheBytesError) in
                        try Coding.readLocated(&reader, path: path)
                    },
                    timeliness: try reader.optionalString(), facilitator: try reader.optionalString(),
                    participants: try optionalInt(&reader), supportOffered: try reader.strings()))
        case .practice:
            return .practice(PracticeDetails(source: try reader.optionalString(), thanks: try reader.strings()))
        case .external:
            return .external(
                ExternalDetails(
                    organisation: try reader.string(), sourceType: try reader.string(),
                    url: try reader.optionalString(),
                    gapAnalysis: try reader.optionalString()))
        case .review:
            return .review(
                ReviewDetails(
                    period: try readPeriod(&reader), incidents: try Coding.readLocatedList(&reader, path: path),
                    method: try reader.optionalString()))
        case .culture:
            return .culture(try readCulture(&reader, path: path))
        case .page:
            return .page(PageDetails(menu: try optionalInt(&reader)))
        }
    }

    private static func writeSession(_ d: SessionDetails, to writer: inout CacheByteWriter, path: String) {
        writer.string(d.format.rawValue)
        writer.optionalString(d.location)
        writer.optionalString(d.facilitator)
        writer.array(d.speakers) {
            $0.optionalString($1.name)
            $0.optionalString($1.role)
        }
        writer.optional(d.attendance) { $0.int($1) }
        writer.array(d.attendanceByProfession) {
            $0.string($1.profession)
            $0.int($1.count)
        }
        writer.array(d.attendanceByAgency) {
            $0.string($1.agency)
            $0.int($1.count)
        }
        writer.strings(d.teamsReached)
        writer.strings(d.agencies)
        Coding.writeLocatedList(d.discussed, to: &writer, path: path)
        writer.optional(d.feedbackResponses) { $0.int($1) }
        writer.optional(d.feedbackRating) { $0.double($1) }
        writer.strings(d.quotes)
        writer.array(d.materials) {
            $0.string($1.title)
            $0.string($1.url)
        }
    }

    private static func readSession(_ reader: inout CacheByteReader, path: String) throws(CacheBytesError)
        -> SessionDetails
    {
        SessionDetails(
            format: try reader.rawValue(SessionFormat.self), location: try reader.optionalString(),
            facilitator: try reader.optionalString(),
            speakers: try reader.array { reader throws(CacheBytesError) in
                Speaker(name: try reader.optionalString(), role: try reader.optionalString())
            },
            attendance: try optionalInt(&reader),
            attendanceByProfession: try reader.array { reader throws(CacheBytesError) in
                ProfessionCount(profession: try reader.string(), count: try reader.int())
            },
            attendanceByAgency: try reader.array { reader throws(CacheBytesError) in
                AgencyCount(agency: try reader.string(), count: try reader.int())
            },
            teamsReached: try reader.strings(), agencies: try reader.strings(),
            discussed: try Coding.readLocatedList(&reader, path: path), feedbackResponses: try optionalInt(&reader),
            feedbackRating: try reader.optional { reader throws(CacheBytesError) in try reader.double() },
            quotes: try reader.strings(),
            materials: try reader.array { reader throws(CacheBytesError) in
                Material(title: try reader.string(), url: try reader.string())
            })
    }

    private static func readCulture(_ reader: inout CacheByteReader, path: String) throws(CacheBytesError)
        -> CultureDetails
    {
        let framework = try reader.string()
        let participants = try optionalInt(&reader)
        var levels: [String: String] = [:]
        for _ in 0..<(try reader.count()) { levels[try reader.string()] = try reader.string() }
        var spread: [String: [String: Int]] = [:]
        for _ in 0..<(try reader.count()) {
            let key = try reader.string()
            var counts: [String: Int] = [:]
            for _ in 0..<(try reader.count()) { counts[try reader.string()] = try reader.int() }
            spread[key] = counts
        }
        return CultureDetails(
            framework: framework, participants: participants, levels: levels, spread: spread,
            previous: try reader.optional { reader throws(CacheBytesError) in
                try Coding.readLocated(&reader, path: path)
            })
    }

    private static func writePeriod(_ period: MonthPeriod, to writer: inout CacheByteWriter) {
        Coding.writeDate(&writer, period.from)
        Coding.writeDate(&writer, period.to)
    }

    private static func readPeriod(_ reader: inout CacheByteReader) throws(CacheBytesError) -> MonthPeriod {
        MonthPeriod(from: try Coding.readDate(&reader), to: try Coding.readDate(&reader))
    }

    private static func optionalInt(_ reader: inout CacheByteReader) throws(CacheBytesError) -> Int? {
        try reader.optional { reader throws(CacheBytesError) in try reader.int() }
    }
}

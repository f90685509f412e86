import Crypto

/// What the aggregate pages (lists, themes, services, dashboards, home) may show of a document, as bytes: every field
/// the document was decoded into except its body (its Markdown, text and the ids its body names are kept out, as are
/// field locations and the front-matter tree, which only validation reads).
///
/// Two documents with the same listing bytes look the same on every aggregate page, so a body edit leaves every
/// aggregate page's input key (``AggregateInputs``) unchanged, while a title, date, theme, service, action or any other
/// front-matter field does not. A field added to ``Document`` must be added here too (``DocumentListingTests`` checks
/// that each field changes the bytes).
enum DocumentListing {
    /// The digest of `document`'s listing bytes.
    static func digest(_ document: Document) -> Digest32 {
        var inputs = PageInputs(kind: "listing 1")
        add(document, to: &inputs)
        return Digest32(SHA256.hash(data: inputs.bytes))
    }

    /// A document's ``digest(_:)`` and ``actionsDigest(_:)``, worked out once: the decoded-document cache stores them
    /// with the document, so a rebuild reads them for every document it did not decode again.
    struct Digests: Sendable, Hashable {
        let listing: Digest32
        let actions: Digest32
    }

    /// Both digests of `document`.
    static func digests(_ document: Document) -> Digests {
        Digests(listing: digest(document), actions: actionsDigest(document))
    }

    /// The digest of what the actions dashboard shows of a document: its path, id, type, title, date, service, draft
    /// flag and every action.
    static func actionsDigest(_ document: Document) -> Digest32 {
        var inputs = PageInputs(kind: "actions listing 1")
        addHeading(document, to: &inputs)
        inputs.add(document.service)
        inputs.add(document.isDraft)
        add(document.actions, to: &inputs)
        return Digest32(SHA256.hash(data: inputs.bytes))
    }

    static func add(_ document: Document, to inputs: inout PageInputs) {
        addHeading(document, to: &inputs)
        inputs.add(document.summary)
        inputs.add(document.themes)
        inputs.add(document.service)
        inputs.add(document.audience)
        inputs.add(document.isDraft)
        if let privacy = document.privacy {
            inputs.add(true)
            inputs.add(privacy.reviewedBy)
            add(privacy.reviewedOn, to: &inputs)
            inputs.add(privacy.allow)
        } else {
            inputs.add(false)
        }
        inputs.add(document.governance.flatMap { [$0.key, $0.value] })
        add(document.actions, to: &inputs)
        add(document.reviewBy, to: &inputs)
        inputs.add(document.supersededBy?.value)
        add(document.details, to: &inputs)
        inputs.add(document.videos.count)
        for video in document.videos {
            inputs.add([video.file.value, video.title, video.captions.value])
            inputs.add(video.transcript?.value)
            inputs.add(video.language)
        }
    }

    /// The path, id, type, title and date: what every listing of a document starts with.
    private static func addHeading(_ document: Document, to inputs: inout PageInputs) {
        inputs.add(document.path)
        inputs.add(document.id)
        inputs.add(document.type.rawValue)
        inputs.add(document.title)
        add(document.date, to: &inputs)
    }

    static func add(_ actions: [Action], to inputs: inout PageInputs) {
        inputs.add(actions.count)
        for action in actions {
            inputs.add([action.id, action.action, action.owner, action.status.rawValue])
            add(action.due, to: &inputs)
            add(action.completed, to: &inputs)
            inputs.add(action.evidence)
            inputs.add(action.reason)
            inputs.add(action.strength)
        }
    }

    static func add(_ date: PartialDate?, to inputs: inout PageInputs) {
        guard let date else { return inputs.add(false) }
        inputs.add(true)
        inputs.add(date.year)
        inputs.add(date.month)
        add(number: date.day, to: &inputs)
    }

    private static func add(number: Int?, to inputs: inout PageInputs) {
        inputs.add(number != nil)
        inputs.add(number ?? 0)
    }

    private static func add(_ ids: [Located<String>], to inputs: inout PageInputs) {
        inputs.add(ids.map(\.value))
    }

    private static func add(_ period: MonthPeriod, to inputs: inout PageInputs) {
        add(period.from, to: &inputs)
        add(period.to, to: &inputs)
    }

    private static func add(_ details: DocumentDetails, to inputs: inout PageInputs) {
        switch details {
        case .incident(let d):
            inputs.add("incident")
            inputs.add([d.source, d.response.rawValue, d.status.rawValue])
            inputs.add(d.harm?.rawValue)
            inputs.add(d.psychologicalHarm)
            inputs.add(d.dutyOfCandour)
            inputs.add(d.nationalPriority)
            inputs.add(d.contributoryFactors)
        case .lesson(let d):
            inputs.add("lesson")
            inputs.add(d.keyMessages)
            add(d.sources, to: &inputs)
        case .session(let d):
            inputs.add("session")
            inputs.add(d.format.rawValue)
            inputs.add(d.location)
            inputs.add(d.facilitator)
            inputs.add(d.speakers.count)
            for speaker in d.speakers {
                inputs.add(speaker.name)
                inputs.add(speaker.role)
            }
            add(number: d.attendance, to: &inputs)
            inputs.add(d.attendanceByProfession.flatMap { [$0.profession, String($0.count)] })
            inputs.add(d.attendanceByAgency.flatMap { [$0.agency, String($0.count)] })
            inputs.add(d.teamsReached)
            inputs.add(d.agencies)
            add(d.discussed, to: &inputs)
            add(number: d.feedbackResponses, to: &inputs)
            inputs.add(d.feedbackRating.map { String($0.bitPattern) })
            inputs.add(d.quotes)
            inputs.add(d.materials.flatMap { [$0.title, $0.url] })
        case .bulletin(let d):
            inputs.add("bulletin")
            inputs.add(d.issue)
            add(d.covers, to: &inputs)
            inputs.add(d.lead?.value)
            add(d.lessons, to: &inputs)
            inputs.add(d.spotlight)
            add(d.practice, to: &inputs)
            add(d.external, to: &inputs)
            inputs.add(d.maxPages)
        case .debrief(let d):
            inputs.add("debrief")
            inputs.add(d.kind)
            inputs.add(d.incident?.value)
            inputs.add(d.timeliness)
            inputs.add(d.facilitator)
            add(number: d.participants, to: &inputs)
            inputs.add(d.supportOffered)
        case .practice(let d):
            inputs.add("practice")
            inputs.add(d.source)
            inputs.add(d.thanks)
        case .external(let d):
            inputs.add("external")
            inputs.add([d.organisation, d.sourceType])
            inputs.add(d.url)
            inputs.add(d.gapAnalysis)
        case .review(let d):
            inputs.add("review")
            add(d.period, to: &inputs)
            add(d.incidents, to: &inputs)
            inputs.add(d.method)
        case .culture(let d):
            inputs.add("culture")
            inputs.add(d.framework)
            add(number: d.participants, to: &inputs)
            inputs.add(d.levels.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] })
            let spread = d.spread.sorted { $0.key < $1.key }
            inputs.add(spread.count)
            for (dimension, counts) in spread {
                inputs.add(dimension)
                inputs.add(counts.sorted { $0.key < $1.key }.flatMap { [$0.key, String($0.value)] })
            }
            inputs.add(d.previous?.value)
        case .page(let d):
            inputs.add("page")
            add(number: d.menu, to: &inputs)
        }
    }
}

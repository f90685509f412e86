/// The facts shown in a document's definition list, per type.
struct DocumentFacts: Sendable {
    let links: DocumentLinks
    let data: SiteData
    let gitHistory: GitHistory
    let frameworks: [String: Framework]
    /// Whether the edition shows governance fields and privacy reviews.
    let includesGovernance: Bool
    var content: EditionContent { links.content }

    func list(_ document: Document, from folder: String) -> [Fact] {
        var facts: [Fact] = []
        func add(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { facts.append(Fact(label: label, value: value)) }
        }
        func addLinks(_ label: String, _ ids: [Located<String>]) {
            // Documents outside the edition are left out entirely (the page warns about them once).
            let items = ids.filter { content.document($0.value) != nil }.map { links.linkItem($0.value, from: folder) }
            if !items.isEmpty { facts.append(Fact(label: label, items: items)) }
        }
        func addValues(_ label: String, _ values: [String]) {
            if !values.isEmpty {
                facts.append(Fact(label: label, items: values.map { LinkedText(text: Vocabulary.label($0)) }))
            }
        }
        add("Reference", document.id)
        if let date = document.date { add(document.type.names.dateLabel, date.displayText) }
        if let history = gitHistory[document.path] {
            add("First published", history.firstPublished.displayText)
            if history.lastUpdated != history.firstPublished { add("Last updated", history.lastUpdated.displayText) }
        }
        if let service = document.service {
            add("Service", data.unitTitle(service))
            if let directorate = data.service(service).flatMap({ data.directorate($0.directorate) }) {
                add("Directorate", directorate.title)
            }
        }
        switch document.details {
        case .incident(let incident):
            add("Source", Vocabulary.label(incident.source))
            add("Physical harm", incident.harm?.label)
            add("Psychological harm", incident.psychologicalHarm.map(Vocabulary.label))
            add("Learning response", incident.response.label)
            add("Status", incident.status.label)
            add("Duty of candour", incident.dutyOfCandour.map(Vocabulary.label))
            if incident.nationalPriority { add("National priority", "Yes (PSIRF national priority)") }
            addValues("Contributory factors", incident.contributoryFactors)
        case .lesson(let lesson):
            addLinks("Draws on", lesson.sources)
        case .session(let session):
            add("Format", session.format.label)
            add("Location", session.location)
            add("Facilitator", session.facilitator)
            add("Attendance", AttendanceLabels.summary(session))
            if !session.attendanceByProfession.isEmpty {
                facts.append(
                    Fact(
                        label: "Trust staff by profession",
                        items: session.attendanceByProfession.map {
                            LinkedText(text: "\(Vocabulary.label($0.profession)): \($0.count)")
                        }))
            }
            if !session.attendanceByAgency.isEmpty {
                facts.append(Fact(label: "Partner agencies by agency", items: AttendanceLabels.agencyItems(session)))
            }
            let teams = session.teamsReached.compactMap { data.unitTitle($0) }.map { LinkedText(text: $0) }
            if !teams.isEmpty { facts.append(Fact(label: "Trust teams reached", items: teams)) }
            addValues("Partner agencies", session.agencies)
            if let rating = session.feedbackRating {
                add(
                    "Feedback",
                    "Rated \(String(format: "%.1f", rating)) out of 5"
                        + (session.feedbackResponses.map { " by \($0) people" } ?? ""))
            }
            addLinks("Discussed", session.discussed)
        case .bulletin(let bulletin):
            add("Issue", "\(bulletin.issue)")
            add("Covers", bulletin.covers.displayText)
            if let spotlight = bulletin.spotlight { add("Theme spotlight", data.theme(spotlight)?.title) }
            addLinks("Lead lesson", bulletin.lead.map { [$0] } ?? [])
            addLinks("Further lessons", bulletin.lessons)
            addLinks("Good practice", bulletin.practice)
            addLinks("Learning from elsewhere", bulletin.external)
        case .debrief(let debrief):
            add("Kind of debrief", Vocabulary.label(debrief.kind))
            addLinks("Incident", debrief.incident.map { [$0] } ?? [])
            add("Timeliness", debrief.timeliness.map(Vocabulary.label))
            add("Facilitator", debrief.facilitator)
            add("Participants", debrief.participants.map(String.init))
            if !debrief.supportOffered.isEmpty {
                facts.append(Fact(label: "Support offered", items: debrief.supportOffered.map { LinkedText(text: $0) }))
            }
        case .practice(let practice):
            add("Source", practice.source.map(Vocabulary.label))
            if !practice.thanks.isEmpty {
                facts.append(Fact(label: "Thanks to", items: practice.thanks.map { LinkedText(text: $0) }))
            }
        case .external(let external):
            add("Organisation", external.organisation)
            add("Kind of report", Vocabulary.label(external.sourceType))
            add("Our gap analysis", external.gapAnalysis.map(Vocabulary.label))
            if let url = external.url, ExternalURL.isSafe(url) {
                facts.append(Fact(label: "Original report", items: [LinkedText(text: url, href: url)]))
            }
        case .review(let review):
            add("Period", review.period.displayText)
            add("Method", review.method)
            addLinks("Incidents reviewed", review.incidents)
        case .culture(let culture):
            add("Framework", frameworks[culture.framework]?.title)
            add("Participants", culture.participants.map(String.init))
            addLinks("Previous assessment", culture.previous.map { [$0] } ?? [])
        case .page:
            break
        }
        if let review = document.privacy, includesGovernance {
            add("Privacy review", "\(review.reviewedBy)" + (review.reviewedOn.map { ", \($0.displayText)" } ?? ""))
        }
        if includesGovernance {
            for field in document.governance {
                add(Vocabulary.label(field.key.replacingOccurrences(of: "_", with: "-")), field.value)
            }
        }
        if let reviewBy = document.reviewBy { add("Review by", reviewBy.displayText) }
        return facts
    }

}

/// Assembles a bulletin issue from its document and the edition's content, with the defaults of content-model.md.
///
/// Everything period-based is relative to the bulletin's own `date` and `covers`, never to the build date, so an
/// old issue does not change when the site is rebuilt later. Only documents of the edition can appear.
enum BulletinAssembly {
    /// The issue for `bulletin`, or nil when the document is not a bulletin; `themes` gives the spotlight's counts.
    static func assemble(
        _ bulletin: Document, content: EditionContent, data: SiteData, config: SiteConfig, themes: ThemeAnalysis
    ) -> BulletinIssue? {
        guard case .bulletin(let details) = bulletin.details else { return nil }
        let published = bulletin.date
        // Default selections leave out superseded documents and anything dated after the issue came out.
        func inPeriod(_ type: DocumentType) -> [Document] {
            let documents = content.documents(of: type)  // newest first
            return documents[details.covers.run(in: documents, newestFirstBy: \.date)].filter { document in
                guard let date = document.date, document.supersededBy == nil else { return false }
                return published.map { date <= $0 } ?? true
            }
        }
        func named(_ ids: [Located<String>], _ type: DocumentType) -> [Document] {
            var seen: Set<String> = []
            return ids.compactMap { content.document($0.value) }.filter {
                $0.type == type && seen.insert($0.slug).inserted
            }
        }

        let periodLessons = inPeriod(.lesson)
        let lead =
            details.lead.flatMap { content.document($0.value) }.flatMap { $0.type == .lesson ? $0 : nil }
            ?? periodLessons.first
        let lessons = (details.lessons.isEmpty ? periodLessons : named(details.lessons, .lesson)).filter {
            $0.slug != lead?.slug
        }
        let practice = details.practice.isEmpty ? inPeriod(.practice) : named(details.practice, .practice)
        let external = details.external.isEmpty ? inPeriod(.external) : named(details.external, .external)

        let completed = ActionsAnalysis.completed(in: details.covers, content: content)
            .map { BulletinIssue.CompletedAction(document: $0.document, action: $0.action) }
        let sessions = content.documents(of: .session).filter { session in
            guard let date = session.date else { return false }
            return details.covers.contains(date) && published.map { date <= $0 } ?? true
        }
        .map(BulletinIssue.HeldSession.init)
        let next = published.flatMap { date in
            content.documents(of: .session).filter { ($0.date.map { $0 > date }) ?? false }.last
        }

        let spotlight = details.spotlight.flatMap { slug in
            data.theme(slug).map {
                BulletinSpotlight(
                    theme: $0, covers: details.covers, summary: themes[$0.slug],
                    policy: SmallNumberPolicy(edition: content.edition, privacy: config.privacy))
            }
        }
        return BulletinIssue(
            bulletin: bulletin, details: details, lead: lead, lessons: lessons, spotlight: spotlight,
            practice: practice,
            external: external, completedActions: completed, sessions: sessions, nextSession: next,
            leads: BulletinIssue.LeadGroup.groups(data: data), support: config.bulletin.support)
    }
}

/// One bulletin issue as every form (web, print, e-mail) shows it.
struct BulletinIssue: Sendable {
    /// A completed action shown under "You said, we did".
    struct CompletedAction: Sendable, Hashable {
        let document: Document
        let action: Action
    }

    /// A session held in the period: its attendance and one feedback quote.
    struct HeldSession: Sendable, Hashable {
        let document: Document
        let attendance: Int?
        let quote: String?

        init(_ document: Document) {
            self.document = document
            if case .session(let session) = document.details {
                attendance = session.attendance
                quote = session.quotes.first
            } else {
                attendance = nil
                quote = nil
            }
        }
    }

    /// The Learning Lessons Leads of one service (or of the directorate as a whole).
    struct ServiceLeads: Sendable, Hashable {
        let service: String
        let leads: [Lead]
    }

    /// The Learning Lessons Leads of one directorate, service by service.
    struct LeadGroup: Sendable, Hashable {
        let title: String
        let entries: [ServiceLeads]

        /// Directorates in data-file order, each with its services that have at least one lead.
        static func groups(data: SiteData) -> [LeadGroup] {
            data.directorates.compactMap { directorate in
                let units = [(directorate.slug, directorate.title)] + directorate.services.map { ($0.slug, $0.title) }
                let entries = units.compactMap { slug, title -> ServiceLeads? in
                    let leads = data.leads.filter { $0.service == slug }
                    return leads.isEmpty ? nil : ServiceLeads(service: title, leads: leads)
                }
                return entries.isEmpty ? nil : LeadGroup(title: directorate.title, entries: entries)
            }
        }
    }

    let bulletin: Document
    let details: BulletinDetails
    /// The lead lesson, shown in full.
    let lead: Document?
    /// Further lessons, shown as cards with their key messages.
    let lessons: [Document]
    let spotlight: BulletinSpotlight?
    let practice: [Document]
    let external: [Document]
    /// "You said, we did": actions completed in the covered period, most recent first.
    let completedActions: [CompletedAction]
    /// Sessions held in the period, newest first.
    let sessions: [HeldSession]
    /// The first session after the bulletin's date.
    let nextSession: Document?
    let leads: [LeadGroup]
    /// Staff-support signposting from `site.yaml` (Markdown).
    let support: String?

    /// "Issue 3 · September to October 2026".
    var issueLine: String { "Issue \(details.issue) · \(details.covers.displayText)" }
}

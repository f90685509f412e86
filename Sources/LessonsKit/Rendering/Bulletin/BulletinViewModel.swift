/// The view model of a bulletin issue, shared by the web, print and e-mail templates (see TEMPLATES.md, "bulletin").
extension BulletinPages {
    /// What the templates see of `issue`; `forewordHTML` is passed in because the web page renders it with diagnostics.
    func bulletinView(
        _ issue: BulletinIssue, links: BulletinLinks, forewordHTML: HTMLFragment, formats: BulletinModel.Formats
    ) -> BulletinModel {
        let details = issue.details
        var view = BulletinModel(
            id: issue.bulletin.id,
            title: issue.bulletin.title,
            masthead: .init(
                organisation: config.organisation, name: "\(config.title) Bulletin",
                issueText: "Issue \(details.issue)",
                periodText: details.covers.displayText, dateText: issue.bulletin.date?.displayText ?? "",
                strapline: "Learning, not blame"),
            issueLine: issue.issueLine,
            forewordHTML: forewordHTML,
            lessons: issue.lessons.map { lessonItem($0, links: links) },
            practice: issue.practice.map { storyItem($0, links: links) },
            external: issue.external.map { storyItem($0, links: links) },
            actions: issue.completedActions.map { actionItem($0, links: links) },
            sessions: issue.sessions.map { sessionItem($0, links: links) },
            leadGroups: issue.leads.map(leadGroupItem),
            formats: formats,
            summary: issue.bulletin.summary)
        if let lead = issue.lead {
            var item = lessonItem(lead, links: links)
            item.bodyHTML = bodies.bulletinBodyHTML(lead, links: links, headingShift: 1)
            view.lead = item
        }
        if let spotlight = issue.spotlight {
            view.spotlight = spotlightItem(spotlight, links: links, bulletinId: issue.bulletin.slug)
        }
        if let next = issue.nextSession { view.nextSession = nextSessionItem(next, links: links) }
        if issue.support != nil { view.supportHTML = supportHTML }
        return view
    }

    private func baseItem(_ document: Document, links: BulletinLinks) -> BulletinModel.Item {
        BulletinModel.Item(
            id: document.id, title: document.title, href: links.href(paths.folder(of: document)),
            dateText: document.date?.displayText, summary: document.summary,
            shortURL: BulletinLinks.shortURL(base: config.baseURL, target: paths.folder(of: document)))
    }

    private func lessonItem(_ lesson: Document, links: BulletinLinks) -> BulletinModel.Item {
        var item = baseItem(lesson, links: links)
        if case .lesson(let details) = lesson.details { item.keyMessages = details.keyMessages }
        if let service = lesson.service, let title = data.unitTitle(service) { item.serviceText = title }
        return item
    }

    private func storyItem(_ document: Document, links: BulletinLinks) -> BulletinModel.Item {
        var item = baseItem(document, links: links)
        switch document.details {
        case .practice(let practice) where !practice.thanks.isEmpty:
            item.thanksText = "Thank you to " + Self.listText(practice.thanks) + "."
        case .external(let external):
            item.sourceText = "\(external.organisation) · \(Vocabulary.label(external.sourceType))"
        default: break
        }
        return item
    }

    private func actionItem(_ entry: BulletinIssue.CompletedAction, links: BulletinLinks)
        -> BulletinModel.CompletedAction
    {
        .init(
            action: entry.action.action, owner: entry.action.owner, documentTitle: entry.document.title,
            documentId: entry.document.id,
            href: links.href(paths.folder(of: entry.document)), completedText: entry.action.completed?.displayText,
            evidence: entry.action.evidence)
    }

    private func sessionItem(_ session: BulletinIssue.HeldSession, links: BulletinLinks) -> BulletinModel.Item {
        var item = baseItem(session.document, links: links)
        item.attendanceText = session.attendance.map { "\($0) attended" }
        item.quote = session.quote
        return item
    }

    private func nextSessionItem(_ session: Document, links: BulletinLinks) -> BulletinModel.Item {
        var item = baseItem(session, links: links)
        if case .session(let details) = session.details {
            item.formatText = details.format.label
            item.location = details.location
        }
        return item
    }

    private func spotlightItem(_ spotlight: BulletinSpotlight, links: BulletinLinks, bulletinId: String)
        -> BulletinModel.Spotlight
    {
        let chart = BarChart(
            id: "spotlight-\(bulletinId)", title: "Incidents about \(spotlight.theme.title.lowercased()) per quarter",
            bars: spotlight.quarters.map { BarChart.Bar(label: $0.label, count: $0.count) })
        let largest = max(spotlight.quarters.filter { !$0.count.isSuppressed }.map(\.count.value).max() ?? 1, 1)
        let rows = spotlight.quarters.map { quarter -> BulletinModel.Spotlight.Row in
            // Suppressed bars get a fixed length so the e-mail's bars never reveal the hidden value.
            let percent = quarter.count.isSuppressed ? 15 : quarter.count.value * 100 / largest
            return .init(
                label: quarter.label, text: quarter.count.text, isSuppressed: quarter.count.isSuppressed,
                barWidth: max(percent * 3, quarter.count.value > 0 ? 4 : 0), hasBar: quarter.count.value > 0)
        }
        return .init(
            themeTitle: spotlight.theme.title, href: links.href("themes/\(spotlight.theme.slug)/"),
            sentence: spotlight.sentence,
            chartHTML: HTMLFragment(scanning: chart.svg(width: 560, height: 170)), chartAlt: chart.textAlternative,
            rows: rows,
            totalText: spotlight.total.text, description: spotlight.theme.description)
    }

    private func leadGroupItem(_ group: BulletinIssue.LeadGroup) -> BulletinModel.LeadGroup {
        .init(
            title: group.title,
            services: group.entries.map { entry in
                .init(
                    service: entry.service,
                    leads: entry.leads.enumerated().map { index, lead in
                        .init(
                            name: lead.name, role: lead.role, separator: index == entry.leads.count - 1 ? "" : "; ",
                            email: lead.email)
                    })
            })
    }

    /// "a, b and c".
    static func listText(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}

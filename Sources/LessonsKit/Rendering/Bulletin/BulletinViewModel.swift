/// The view model of a bulletin issue, shared by the web, print and e-mail templates (see TEMPLATES.md, "bulletin").
extension RenderContext {
    /// What the templates see of `issue`; `forewordHTML` is passed in because the web page renders it with diagnostics.
    func bulletinView(_ issue: BulletinIssue, links: BulletinLinks, forewordHTML: String, formats: [String: String]) -> [String: Any] {
        let details = issue.details
        var view: [String: Any] = [
            "id": issue.bulletin.id,
            "title": issue.bulletin.title,
            "masthead": [
                "organisation": config.organisation,
                "name": "\(config.title) Bulletin",
                "issueText": "Issue \(details.issue)",
                "periodText": details.covers.displayText,
                "dateText": issue.bulletin.date?.displayText ?? "",
                "strapline": "Learning, not blame",
            ],
            "issueLine": issue.issueLine,
            "forewordHTML": forewordHTML,
            "lessons": issue.lessons.map { lessonItem($0, links: links) },
            "practice": issue.practice.map { storyItem($0, links: links) },
            "external": issue.external.map { storyItem($0, links: links) },
            "actions": issue.completedActions.map { actionItem($0, links: links) },
            "sessions": issue.sessions.map { sessionItem($0, links: links) },
            "leadGroups": issue.leads.map(leadGroupItem),
            "formats": formats,
        ]
        view["summary"] = issue.bulletin.summary
        if let lead = issue.lead {
            var item = lessonItem(lead, links: links)
            item["bodyHTML"] = bulletinBodyHTML(lead, links: links, headingShift: 1)
            view["lead"] = item
        }
        if let spotlight = issue.spotlight { view["spotlight"] = spotlightItem(spotlight, links: links, bulletinId: issue.bulletin.slug) }
        if let next = issue.nextSession { view["nextSession"] = nextSessionItem(next, links: links) }
        if let support = issue.support { view["supportHTML"] = bulletinMarkdownHTML(support) }
        return view
    }

    private func baseItem(_ document: Document, links: BulletinLinks) -> [String: Any] {
        var item: [String: Any] = ["id": document.id, "title": document.title, "href": links.href(paths.folder(of: document))]
        item["dateText"] = document.date?.displayText
        item["summary"] = document.summary
        item["shortURL"] = BulletinLinks.shortURL(base: config.baseURL, target: paths.folder(of: document))
        return item
    }

    private func lessonItem(_ lesson: Document, links: BulletinLinks) -> [String: Any] {
        var item = baseItem(lesson, links: links)
        if case .lesson(let details) = lesson.details { item["keyMessages"] = details.keyMessages }
        if let service = lesson.service, let title = data.unitTitle(service) { item["serviceText"] = title }
        return item
    }

    private func storyItem(_ document: Document, links: BulletinLinks) -> [String: Any] {
        var item = baseItem(document, links: links)
        switch document.details {
        case .practice(let practice) where !practice.thanks.isEmpty:
            item["thanksText"] = "Thank you to " + Self.listText(practice.thanks) + "."
        case .external(let external):
            item["sourceText"] = "\(external.organisation) · \(Vocabulary.label(external.sourceType))"
        default: break
        }
        return item
    }

    private func actionItem(_ entry: BulletinIssue.CompletedAction, links: BulletinLinks) -> [String: Any] {
        var item: [String: Any] = [
            "action": entry.action.action, "owner": entry.action.owner,
            "documentTitle": entry.document.title, "documentId": entry.document.id,
            "href": links.href(paths.folder(of: entry.document)),
        ]
        item["completedText"] = entry.action.completed?.displayText
        item["evidence"] = entry.action.evidence
        return item
    }

    private func sessionItem(_ session: BulletinIssue.HeldSession, links: BulletinLinks) -> [String: Any] {
        var item = baseItem(session.document, links: links)
        item["attendanceText"] = session.attendance.map { "\($0) attended" }
        item["quote"] = session.quote
        return item
    }

    private func nextSessionItem(_ session: Document, links: BulletinLinks) -> [String: Any] {
        var item = baseItem(session, links: links)
        if case .session(let details) = session.details {
            item["formatText"] = Vocabulary.label(details.format)
            item["location"] = details.location
        }
        return item
    }

    private func spotlightItem(_ spotlight: BulletinSpotlight, links: BulletinLinks, bulletinId: String) -> [String: Any] {
        let chart = BarChart(id: "spotlight-\(bulletinId)", title: "Incidents about \(spotlight.theme.title.lowercased()) per quarter",
                             bars: spotlight.quarters.map { BarChart.Bar(label: $0.label, count: $0.count) })
        let largest = max(spotlight.quarters.filter { !$0.count.isSuppressed }.map(\.count.value).max() ?? 1, 1)
        let rows: [[String: Any]] = spotlight.quarters.map { quarter in
            // Suppressed bars get a fixed length so the e-mail's bars never reveal the hidden value.
            let percent = quarter.count.isSuppressed ? 15 : quarter.count.value * 100 / largest
            return ["label": quarter.label, "text": quarter.count.text, "isSuppressed": quarter.count.isSuppressed,
                    "barWidth": max(percent * 3, quarter.count.value > 0 ? 4 : 0), "hasBar": quarter.count.value > 0]
        }
        var item: [String: Any] = [
            "themeTitle": spotlight.theme.title,
            "href": links.href("themes/\(spotlight.theme.slug)/"),
            "sentence": spotlight.sentence,
            "chartHTML": chart.svg(width: 560, height: 170),
            "chartAlt": chart.textAlternative,
            "rows": rows,
            "totalText": spotlight.total.text,
        ]
        item["description"] = spotlight.theme.description
        return item
    }

    private func leadGroupItem(_ group: BulletinIssue.LeadGroup) -> [String: Any] {
        ["title": group.title, "services": group.entries.map { entry -> [String: Any] in
            ["service": entry.service, "leads": entry.leads.enumerated().map { index, lead -> [String: Any] in
                // The e-mail writes the list inline, so each lead but the last carries its separator.
                var item: [String: Any] = ["name": lead.name, "role": lead.role, "separator": index == entry.leads.count - 1 ? "" : "; "]
                item["email"] = lead.email
                return item
            }]
        }]
    }

    /// "a, b and c".
    static func listText(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}

/// The plain-text part of the bulletin e-mail: the same content as the HTML, readable in any mail client, lines ≤ 78.
enum BulletinPlainText {
    static let width = 78

    /// Builds the text from the e-mail's model (whose links are already absolute).
    static func render(_ issue: BulletinIssue, view: BulletinModel) -> String {
        var out = TextBuilder()
        let masthead = view.masthead
        out.line(masthead.organisation)
        out.heading(masthead.name, underline: "=")
        out.line("\(masthead.issueText) · \(masthead.periodText) · published \(masthead.dateText)")
        out.line(masthead.strapline)
        out.blank()
        out.paragraph(issue.bulletin.title)
        if let web = view.formats.webHref { out.paragraph("Read it on the web: <\(web)>") }
        if let pdf = view.formats.pdfHref { out.paragraph("Print it (PDF): <\(pdf)>") }
        out.html(view.forewordHTML.html)

        if let lead = view.lead {
            out.heading("Lead story: " + lead.title, underline: "-")
            if let summary = lead.summary { out.paragraph(summary) }
            keyMessages(lead, into: &out)
            out.html(lead.bodyHTML?.html ?? "")
            out.paragraph("Read the full lesson: <\(lead.href)>")
        }
        if !view.lessons.isEmpty {
            out.heading("More lessons", underline: "-")
            for lesson in view.lessons {
                out.paragraph("* " + lesson.title, indent: "  ")
                if let summary = lesson.summary { out.paragraph(summary, indent: "  ", first: "  ") }
                keyMessages(lesson, into: &out, indent: "  ")
                out.paragraph("<\(lesson.href)>", first: "  ")
            }
        }
        if let spotlight = view.spotlight {
            out.heading("Theme spotlight: " + spotlight.themeTitle, underline: "-")
            out.paragraph(spotlight.sentence)
            for row in spotlight.rows {
                out.line("  " + row.label.padding(toLength: 10, withPad: " ", startingAt: 0) + row.text)
            }
            out.blank()
        }
        stories("Celebrating good practice", view.practice, into: &out)
        stories("Learning from elsewhere", view.external, into: &out)

        if !view.actions.isEmpty {
            out.heading("You said, we did", underline: "-")
            for action in view.actions {
                out.paragraph("* " + action.action, indent: "  ")
                var done = "Done"
                if let date = action.completedText { done += " " + date }
                done += " by \(action.owner), from \(action.documentTitle)."
                if let evidence = action.evidence { done += " " + evidence }
                out.paragraph(done, indent: "  ", first: "  ")
            }
        }
        if !view.sessions.isEmpty || view.nextSession != nil {
            out.heading("Learning Lessons sessions", underline: "-")
            for session in view.sessions {
                var line = "* \(session.title), \(session.dateText ?? "")"
                if let attended = session.attendanceText { line += " (\(attended))" }
                out.paragraph(line, indent: "  ")
                if let quote = session.quote { out.paragraph("“\(quote)”", indent: "  ", first: "  ") }
            }
            if let next = view.nextSession {
                var line = "Next session: \(next.title), \(next.dateText ?? "")"
                if let format = next.formatText { line += ", \(format.lowercased())" }
                if let location = next.location { line += ", \(location)" }
                out.paragraph(line + ". <\(next.href)>")
            }
        }
        if !view.leadGroups.isEmpty {
            out.heading("Your Learning Lessons Leads", underline: "-")
            for group in view.leadGroups {
                out.line(group.title)
                for service in group.services {
                    let names = service.leads.map { lead in "\(lead.name)\(lead.email.map { " <\($0)>" } ?? "")" }
                    out.paragraph(
                        "  \(service.service): " + names.joined(separator: ", "), indent: "    ", spaced: false)
                }
                out.blank()
            }
        }
        if let support = view.supportHTML {
            out.heading("Support for you", underline: "-")
            out.html(support.html)
        }
        return out.text
    }

    private static func keyMessages(_ item: BulletinModel.Item, into out: inout TextBuilder, indent: String = "") {
        let messages = item.keyMessages ?? []
        guard !messages.isEmpty else { return }
        out.line(indent + "What this means for you:")
        for message in messages { out.paragraph(indent + "- " + message, indent: indent + "  ", spaced: false) }
        out.blank()
    }

    private static func stories(_ heading: String, _ items: [BulletinModel.Item], into out: inout TextBuilder) {
        guard !items.isEmpty else { return }
        out.heading(heading, underline: "-")
        for item in items {
            out.paragraph("* " + item.title, indent: "  ")
            if let source = item.sourceText { out.paragraph(source, indent: "  ", first: "  ") }
            if let summary = item.summary { out.paragraph(summary, indent: "  ", first: "  ") }
            if let thanks = item.thanksText { out.paragraph(thanks, indent: "  ", first: "  ") }
            out.paragraph("<\(item.href)>", first: "  ")
        }
    }
}

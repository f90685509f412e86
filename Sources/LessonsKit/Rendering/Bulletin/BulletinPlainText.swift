/// The plain-text part of the bulletin e-mail: the same content as the HTML, readable in any mail client, lines ≤ 78.
enum BulletinPlainText {
    static let width = 78

    /// Builds the text from the e-mail's view model (whose links are already absolute).
    static func render(_ issue: BulletinIssue, view: [String: Any]) -> String {
        var out = TextBuilder()
        let masthead = view["masthead"] as? [String: String] ?? [:]
        out.line(masthead["organisation"] ?? "")
        out.heading(masthead["name"] ?? "", underline: "=")
        out.line("\(masthead["issueText"] ?? "") · \(masthead["periodText"] ?? "") · published \(masthead["dateText"] ?? "")")
        out.line("\(masthead["strapline"] ?? "")")
        out.blank()
        out.paragraph(issue.bulletin.title)
        if let formats = view["formats"] as? [String: String] {
            if let web = formats["webHref"] { out.paragraph("Read it on the web: <\(web)>") }
            if let pdf = formats["pdfHref"] { out.paragraph("Print it (PDF): <\(pdf)>") }
        }
        out.html(view["forewordHTML"] as? String ?? "")

        if let lead = view["lead"] as? [String: Any] {
            out.heading("Lead story: " + (lead["title"] as? String ?? ""), underline: "-")
            if let summary = lead["summary"] as? String { out.paragraph(summary) }
            keyMessages(lead, into: &out)
            out.html(lead["bodyHTML"] as? String ?? "")
            out.paragraph("Read the full lesson: <\(lead["href"] as? String ?? "")>")
        }
        let lessons = view["lessons"] as? [[String: Any]] ?? []
        if !lessons.isEmpty {
            out.heading("More lessons", underline: "-")
            for lesson in lessons {
                out.paragraph("* " + (lesson["title"] as? String ?? ""), indent: "  ")
                if let summary = lesson["summary"] as? String { out.paragraph(summary, indent: "  ", first: "  ") }
                keyMessages(lesson, into: &out, indent: "  ")
                out.paragraph("<\(lesson["href"] as? String ?? "")>", first: "  ")
            }
        }
        if let spotlight = view["spotlight"] as? [String: Any] {
            out.heading("Theme spotlight: " + (spotlight["themeTitle"] as? String ?? ""), underline: "-")
            out.paragraph(spotlight["sentence"] as? String ?? "")
            for row in spotlight["rows"] as? [[String: Any]] ?? [] {
                out.line("  " + (row["label"] as? String ?? "").padding(toLength: 10, withPad: " ", startingAt: 0) + (row["text"] as? String ?? ""))
            }
            out.blank()
        }
        stories("Celebrating good practice", view["practice"], into: &out)
        stories("Learning from elsewhere", view["external"], into: &out)

        let actions = view["actions"] as? [[String: Any]] ?? []
        if !actions.isEmpty {
            out.heading("You said, we did", underline: "-")
            for action in actions {
                out.paragraph("* " + (action["action"] as? String ?? ""), indent: "  ")
                var done = "Done"
                if let date = action["completedText"] as? String { done += " " + date }
                done += " by \(action["owner"] as? String ?? ""), from \(action["documentTitle"] as? String ?? "")."
                if let evidence = action["evidence"] as? String { done += " " + evidence }
                out.paragraph(done, indent: "  ", first: "  ")
            }
        }
        let sessions = view["sessions"] as? [[String: Any]] ?? []
        if !sessions.isEmpty || view["nextSession"] != nil {
            out.heading("Learning Lessons sessions", underline: "-")
            for session in sessions {
                var line = "* \(session["title"] as? String ?? ""), \(session["dateText"] as? String ?? "")"
                if let attended = session["attendanceText"] as? String { line += " (\(attended))" }
                out.paragraph(line, indent: "  ")
                if let quote = session["quote"] as? String { out.paragraph("“\(quote)”", indent: "  ", first: "  ") }
            }
            if let next = view["nextSession"] as? [String: Any] {
                var line = "Next session: \(next["title"] as? String ?? ""), \(next["dateText"] as? String ?? "")"
                if let format = next["formatText"] as? String { line += ", \(format.lowercased())" }
                if let location = next["location"] as? String { line += ", \(location)" }
                out.paragraph(line + ". <\(next["href"] as? String ?? "")>")
            }
        }
        let groups = view["leadGroups"] as? [[String: Any]] ?? []
        if !groups.isEmpty {
            out.heading("Your Learning Lessons Leads", underline: "-")
            for group in groups {
                out.line(group["title"] as? String ?? "")
                for service in group["services"] as? [[String: Any]] ?? [] {
                    let names = (service["leads"] as? [[String: Any]] ?? []).map { lead -> String in
                        let email = (lead["email"] as? String).map { " <\($0)>" } ?? ""
                        return "\(lead["name"] as? String ?? "")\(email)"
                    }
                    out.paragraph("  \(service["service"] as? String ?? ""): " + names.joined(separator: ", "), indent: "    ", spaced: false)
                }
                out.blank()
            }
        }
        if let support = view["supportHTML"] as? String {
            out.heading("Support for you", underline: "-")
            out.html(support)
        }
        return out.text
    }

    private static func keyMessages(_ item: [String: Any], into out: inout TextBuilder, indent: String = "") {
        let messages = item["keyMessages"] as? [String] ?? []
        guard !messages.isEmpty else { return }
        out.line(indent + "What this means for you:")
        for message in messages { out.paragraph(indent + "- " + message, indent: indent + "  ", spaced: false) }
        out.blank()
    }

    private static func stories(_ heading: String, _ value: Any?, into out: inout TextBuilder) {
        let items = value as? [[String: Any]] ?? []
        guard !items.isEmpty else { return }
        out.heading(heading, underline: "-")
        for item in items {
            out.paragraph("* " + (item["title"] as? String ?? ""), indent: "  ")
            if let source = item["sourceText"] as? String { out.paragraph(source, indent: "  ", first: "  ") }
            if let summary = item["summary"] as? String { out.paragraph(summary, indent: "  ", first: "  ") }
            if let thanks = item["thanksText"] as? String { out.paragraph(thanks, indent: "  ", first: "  ") }
            out.paragraph("<\(item["href"] as? String ?? "")>", first: "  ")
        }
    }
}

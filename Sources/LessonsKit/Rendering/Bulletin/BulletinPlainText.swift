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

/// Accumulates wrapped plain text.
struct TextBuilder {
    private(set) var text = ""

    mutating func line(_ line: String) { text += line + "\n" }

    mutating func blank() {
        if !text.isEmpty && !text.hasSuffix("\n\n") { text += "\n" }
    }

    mutating func heading(_ title: String, underline: Character) {
        blank()
        let lines = TextWrap.wrap(title, width: BulletinPlainText.width)
        for line in lines { self.line(line) }
        self.line(String(repeating: underline, count: min(lines.map(\.count).max() ?? 0, BulletinPlainText.width)))
        blank()
    }

    /// A wrapped paragraph; `first` prefixes the first line, `indent` the others.
    mutating func paragraph(_ paragraph: String, indent: String = "", first: String = "", spaced: Bool = true) {
        for line in TextWrap.wrap(first + paragraph, width: BulletinPlainText.width, indent: indent) { self.line(line) }
        if spaced { blank() }
    }

    /// Rendered Markdown as text: paragraphs, headings and list items on lines of their own, links as `text <url>`.
    mutating func html(_ html: String) {
        for block in HTMLText.blocks(html) {
            switch block {
            case .heading(let title): heading(title, underline: "~")
            case .paragraph(let text): paragraph(text)
            case .item(let text): paragraph("- " + text, indent: "  ", spaced: false)
            case .end: blank()
            }
        }
        blank()
    }
}

/// Word wrapping at a width; a word longer than the width (a long URL) stays whole on a line of its own.
enum TextWrap {
    static func wrap(_ text: String, width: Int, indent: String = "") -> [String] {
        var lines: [String] = []
        var current = ""
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        let leading = String(text.prefix { $0 == " " })
        current = leading
        var currentHasWord = false
        for word in words {
            if currentHasWord && current.count + 1 + word.count > width {
                lines.append(current)
                current = indent + word
            } else {
                current += (currentHasWord ? " " : "") + word
            }
            currentHasWord = true
        }
        if currentHasWord || !current.isEmpty { lines.append(current) }
        return lines
    }
}

/// The few block shapes of cmark's HTML output, as text.
enum HTMLText {
    enum Block: Equatable {
        case heading(String)
        case paragraph(String)
        case item(String)
        case end
    }

    static func blocks(_ html: String) -> [Block] {
        var blocks: [Block] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let tag = rest[rest.index(after: open)..<close].split(separator: " ").first.map(String.init) ?? ""
            rest = rest[rest.index(after: close)...]
            let kind: ((String) -> Block)?
            switch tag {
            case "h1", "h2", "h3", "h4", "h5", "h6": kind = Block.heading
            case "p": kind = Block.paragraph
            case "li": kind = Block.item
            case "/ul", "/ol", "/table": blocks.append(.end); kind = nil
            case "td", "th": kind = Block.paragraph
            default: kind = nil
            }
            guard let kind, let end = rest.range(of: "</\(tag)>") else { continue }
            let raw = rest[..<end.lowerBound]
            // A list item holding a nested list: its own text now, the nested items on the next turns.
            if tag == "li", let nested = raw.range(of: "<ul>") ?? raw.range(of: "<ol>") {
                blocks.append(kind(text(String(raw[..<nested.lowerBound]))))
                rest = rest[nested.lowerBound...]
                continue
            }
            let inner = String(raw)
            blocks.append(kind(text(inner)))
            rest = rest[end.upperBound...]
        }
        return blocks
    }

    /// Inline HTML as text: tags dropped, links followed by their address, entities decoded, whitespace collapsed.
    static func text(_ html: String) -> String {
        var result = ""
        var rest = Substring(html)
        var pendingHref: [String] = []
        while let open = rest.firstIndex(of: "<") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: ">") else { rest = rest[open...]; break }
            let tag = String(rest[rest.index(after: open)..<close])
            if tag.hasPrefix("a ") {
                let href = attribute("href", in: tag)
                pendingHref.append(href.hasPrefix("http") ? href : "")
            } else if tag == "/a", let href = pendingHref.popLast(), !href.isEmpty {
                result += " <\(href)>"
            } else if tag.hasPrefix("img ") {
                result += attribute("alt", in: tag)
            } else if tag.hasPrefix("br") {
                result += " "
            }
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return decodeEntities(result).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func attribute(_ name: String, in tag: String) -> String {
        guard let start = tag.range(of: name + "=\"") else { return "" }
        let value = tag[start.upperBound...].prefix { $0 != "\"" }
        return decodeEntities(String(value))
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            guard let semi = rest[amp...].prefix(10).firstIndex(of: ";") else { result += "&"; rest = rest[rest.index(after: amp)...]; continue }
            let name = rest[rest.index(after: amp)..<semi]
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " "]
            if let value = named[String(name)] {
                result += value
            } else if name.hasPrefix("#x") || name.hasPrefix("#X"), let code = UInt32(name.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code) {
                result.unicodeScalars.append(scalar)
            } else if name.hasPrefix("#"), let code = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(code) {
                result.unicodeScalars.append(scalar)
            } else {
                result += "&" + name + ";"
            }
            rest = rest[rest.index(after: semi)...]
        }
        return result + rest
    }
}

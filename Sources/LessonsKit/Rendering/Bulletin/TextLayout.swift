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

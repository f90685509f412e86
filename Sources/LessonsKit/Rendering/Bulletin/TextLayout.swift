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
        let words = Self.words(text)
        let leading = String(text.prefix { $0 == " " })
        current = leading
        // The current line's length in characters, kept as words are added rather than counted again for each word (a
        // bulletin's text is tens of thousands of words). The words were split at spaces that are characters of their
        // own, so no character spans a space and the word after it: the lengths add up.
        var count = current.count
        var currentHasWord = false
        for word in words {
            let length = word.count
            if currentHasWord && count + 1 + length > width {
                lines.append(current)
                current = indent + word
                count = current.count
            } else {
                current += (currentHasWord ? " " : "") + word
                count += (currentHasWord ? 1 : 0) + length
            }
            currentHasWord = true
        }
        if currentHasWord || !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The text's words: its runs of characters other than a space. ASCII text (nearly all of a bulletin's) is split
    /// at its space bytes, which are then characters of their own; other text character by character, where a space
    /// followed by a combining mark is one character and no break.
    static func words(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return text.split(separator: " ", omittingEmptySubsequences: true) }
        var words: [Substring] = []
        var start: String.Index? = nil
        var index = utf8.startIndex
        while index != utf8.endIndex {
            if utf8[index] == UInt8(ascii: " ") {
                if let first = start { words.append(text[first..<index]) }
                start = nil
            } else if start == nil {
                start = index
            }
            index = utf8.index(after: index)
        }
        if let first = start { words.append(text[first..<utf8.endIndex]) }
        return words
    }
}

/// An Atom feed (RFC 4287): the feed's identity and its entries, newest first.
struct AtomFeed: Sendable, Hashable {
    /// A category of an entry: one of the document's themes.
    struct Category: Sendable, Hashable {
        let term: String
        let label: String

    }

    /// One entry: a document's page.
    struct Entry: Sendable, Hashable {
        /// A stable identifier: the page's absolute URL.
        let id: String
        let title: String
        let updated: PartialDate
        let link: String
        let summary: String
        let categories: [Category]

    }

    /// The feed's own absolute URL, also its id.
    let selfURL: String
    /// The page the feed mirrors.
    let pageURL: String
    let title: String
    let author: String
    let language: String
    let entries: [Entry]

    init(selfURL: String, pageURL: String, title: String, author: String, language: String, entries: [Entry]) {
        self.selfURL = selfURL
        self.pageURL = pageURL
        self.title = title
        self.author = author
        self.language = language
        self.entries = entries
    }

    /// `2026-03-14T00:00:00Z`; a month-precision date stands for its first day.
    static func timestamp(_ date: PartialDate) -> String {
        PartialDate(year: date.year, month: date.month, day: date.day ?? 1).description + "T00:00:00Z"
    }

    /// The feed document. `updated` is the newest entry's date, so the same content gives the same bytes.
    var xml: String {
        let e = XMLText.escape
        let updated = entries.map(\.updated).max().map(Self.timestamp) ?? "1970-01-01T00:00:00Z"
        var lines = [
            #"<?xml version="1.0" encoding="utf-8"?>"#,
            #"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\#(e(language))">"#,
            "  <id>\(e(selfURL))</id>",
            "  <title>\(e(title))</title>",
            "  <updated>\(updated)</updated>",
            #"  <link rel="self" type="application/atom+xml" href="\#(e(selfURL))"/>"#,
            #"  <link rel="alternate" type="text/html" href="\#(e(pageURL))"/>"#,
            "  <author><name>\(e(author))</name></author>",
            "  <generator>lessons</generator>",
        ]
        for entry in entries {
            lines.append("  <entry>")
            lines.append("    <id>\(e(entry.id))</id>")
            lines.append("    <title>\(e(entry.title))</title>")
            lines.append("    <updated>\(Self.timestamp(entry.updated))</updated>")
            lines.append(#"    <link rel="alternate" type="text/html" href="\#(e(entry.link))"/>"#)
            if !entry.summary.isEmpty { lines.append("    <summary>\(e(entry.summary))</summary>") }
            for category in entry.categories {
                lines.append(#"    <category term="\#(e(category.term))" label="\#(e(category.label))"/>"#)
            }
            lines.append("  </entry>")
        }
        lines.append("</feed>")
        return lines.joined(separator: "\n") + "\n"
    }
}

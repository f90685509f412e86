/// An Atom feed (RFC 4287): the feed's identity and its entries, newest first.
public struct AtomFeed: Sendable, Hashable {
    /// A category of an entry: one of the document's themes.
    public struct Category: Sendable, Hashable {
        public let term: String
        public let label: String

        public init(term: String, label: String) {
            self.term = term
            self.label = label
        }
    }

    /// One entry: a document's page.
    public struct Entry: Sendable, Hashable {
        /// A stable identifier: the page's absolute URL.
        public let id: String
        public let title: String
        public let updated: PartialDate
        public let link: String
        public let summary: String
        public let categories: [Category]

        public init(
            id: String, title: String, updated: PartialDate, link: String, summary: String, categories: [Category]
        ) {
            self.id = id
            self.title = title
            self.updated = updated
            self.link = link
            self.summary = summary
            self.categories = categories
        }
    }

    /// The feed's own absolute URL, also its id.
    public let selfURL: String
    /// The page the feed mirrors.
    public let pageURL: String
    public let title: String
    public let author: String
    public let language: String
    public let entries: [Entry]

    public init(selfURL: String, pageURL: String, title: String, author: String, language: String, entries: [Entry]) {
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
    public var xml: String {
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

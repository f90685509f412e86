/// The files found under `content/`: documents by type, attachments, and the problems met while listing.
struct ContentListing: Sendable {
    /// A Markdown document and the type its top-level folder gives it.
    struct Entry: Sendable, Hashable {
        let type: DocumentType
        let path: String
        let absolutePath: String
    }

    var documents: [Entry] = []
    /// Non-Markdown files inside type folders, by path relative to the site (for attachment links).
    var attachments: Set<String> = []
    var diagnostics: [Diagnostic] = []
    /// True when some entry under `content/` could not be read (an unreadable folder, a named pipe, a name that is not
    /// UTF-8…): the ids it may hold are unknown, so references to unknown ids are not reported on top of that error.
    var isIncomplete = false
}

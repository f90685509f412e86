/// The files found under `content/`: documents by type, attachments, and the problems met while listing.
public struct ContentListing: Sendable {
    /// A Markdown document and the type its top-level folder gives it.
    public struct Entry: Sendable, Hashable {
        public let type: DocumentType
        public let path: String
        public let absolutePath: String
    }

    public var documents: [Entry] = []
    /// Non-Markdown files inside type folders, by path relative to the site (for attachment links).
    public var attachments: Set<String> = []
    public var diagnostics: [Diagnostic] = []
    /// True when some entry under `content/` could not be read (an unreadable folder, a named pipe, a name that is not
    /// UTF-8…): the ids it may hold are unknown, so references to unknown ids are not reported on top of that error.
    public var isIncomplete = false
}

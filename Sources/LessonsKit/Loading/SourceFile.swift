/// A text file of the site as read from disk: its path relative to the site folder and its contents.
struct SourceFile: Sendable, Hashable {
    /// Path relative to the site folder, with forward slashes (used in diagnostics).
    let path: String
    /// Absolute path on disk (used to find attachments beside it).
    let absolutePath: String
    let text: String

}

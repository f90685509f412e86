/// A text file of the site as read from disk: its path relative to the site folder and its contents.
public struct SourceFile: Sendable, Hashable {
    /// Path relative to the site folder, with forward slashes (used in diagnostics).
    public let path: String
    /// Absolute path on disk (used to find attachments beside it).
    public let absolutePath: String
    public let text: String

    public init(path: String, absolutePath: String, text: String) {
        self.path = path
        self.absolutePath = absolutePath
        self.text = text
    }
}

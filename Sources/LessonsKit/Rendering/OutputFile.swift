/// One file of the built site: a path relative to the output folder (forward slashes) and its contents.
///
/// Paths such as `lessons/ll-2026-003/index.html` are checked by ``SiteWriter`` before anything is
/// written: they must be relative, made of non-empty names other than `.` and `..`, and free of
/// backslashes and NUL characters.
public struct OutputFile: Sendable, Hashable {
    /// Where the bytes of an output file come from.
    public enum Contents: Sendable, Hashable {
        /// The exact bytes of the file.
        case bytes([UInt8])
        /// A copy of an existing file, named by its absolute path (static files, theme assets).
        case copy(from: String)
    }

    /// The path inside the output folder, with `/` between folder and file names.
    public let path: String
    /// What the file holds.
    public let contents: Contents

    /// Creates an output file from a relative path and its contents.
    public init(path: String, contents: Contents) {
        self.path = path
        self.contents = contents
    }

    /// Creates an output file holding `text` encoded as UTF-8.
    public init(path: String, text: String) {
        self.init(path: path, contents: .bytes(Array(text.utf8)))
    }
}

/// What ``SiteWriter/write(_:)`` wrote: the number of site files and their total size in bytes.
///
/// The `.lessons-output` marker file is not counted.
public struct WriteSummary: Sendable, Hashable {
    /// The number of site files written.
    public let fileCount: Int
    /// The total number of bytes in those files.
    public let byteCount: Int

    /// Creates a summary.
    public init(fileCount: Int, byteCount: Int) {
        self.fileCount = fileCount
        self.byteCount = byteCount
    }
}

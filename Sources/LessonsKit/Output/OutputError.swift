/// Why ``SiteWriter`` refused to write, or failed while writing, the output folder.
///
/// Every refusal is decided before anything is written; a failure while writing leaves the previous
/// output as it was.
enum OutputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The output folder is the site folder itself.
    case outputIsSiteFolder(String)
    /// The output folder contains the site folder, so replacing it would delete the site.
    case outputContainsSite(String)
    /// The output folder is (inside) the site's `content/`, `data/`, `themes/` or `static/` folder.
    case outputInsideContent(String)
    /// The output path exists but is not an empty folder or an earlier output with the marker file
    /// (a folder of other files, a plain file or a symbolic link).
    case notPreviousOutput(String)
    /// A file path is absolute, empty, has an empty, `.` or `..` component, contains a backslash or
    /// NUL, repeats another file's path, names a folder of another file, or is the marker file's name.
    case invalidPath(String)
    /// A file system call failed; `message` says what was being done and the system's reason.
    case io(path: String, message: String)

    /// A one-line message for people, with a hint on how to fix the problem.
    var description: String {
        switch self {
        case .outputIsSiteFolder(let path):
            return "refusing to write the site into '\(path)': it is the site folder itself; "
                + "choose another --output, such as site-output"
        case .outputContainsSite(let path):
            return "refusing to replace '\(path)': it contains the site folder and replacing it would delete the site; "
                + "choose another --output, such as site-output"
        case .outputInsideContent(let path):
            return "refusing to write into '\(path)': it is inside the site's content, data, themes or static folder, "
                + "so the output would be read back as input; choose another --output, such as site-output"
        case .notPreviousOutput(let path):
            return "refusing to replace '\(path)': it is not empty and was not written by lessons "
                + "(no \(SiteWriter.markerFileName) marker, or not a plain folder); "
                + "remove it or choose another --output"
        case .invalidPath(let path):
            return "invalid output file path '\(path)': paths must be relative and unique, with '/' between "
                + "non-empty names other than '.' and '..', and no backslash or NUL; rename the source that produces it"
        case .io(let path, let message):
            return "\(path): \(message)"
        }
    }
}

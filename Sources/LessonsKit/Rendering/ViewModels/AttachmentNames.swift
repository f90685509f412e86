/// Where an attachment is copied, relative to its document's page folder.
extension BodyRenderer {
    /// The attachment's path below the document's folder when it lies there (`2025/chart.txt` stays `2025/chart.txt`,
    /// so files of the same name in different sub-folders never meet); a file reached with `../` goes under `files/`
    /// with its path inside `content/`.
    static func attachmentName(source: String, documentFolder: String) -> String {
        if source.hasPrefix(documentFolder + "/") { return String(source.dropFirst(documentFolder.count + 1)) }
        return "files/" + (source.hasPrefix("content/") ? String(source.dropFirst("content/".count)) : source)
    }
}

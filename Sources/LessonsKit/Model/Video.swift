/// A video clip attached to a document (`videos:` in front matter): a `.mp4` or `.webm` file beside the document,
/// its WebVTT captions (required) and, optionally, a transcript file.
struct Video: Sendable, Hashable {
    /// File names relative to the document's folder.
    let file: Located<String>
    /// What the clip shows.
    let title: String
    /// The WebVTT captions file beside the document.
    let captions: Located<String>
    /// A transcript file beside the document, if given.
    let transcript: Located<String>?
    /// Language of the captions (`srclang`); the site's language when not given.
    let language: String?

    /// Extensions accepted for the clip, with their MIME types.
    static let types = ["mp4": "video/mp4", "webm": "video/webm"]

    /// The MIME type of the clip, from its extension.
    var mimeType: String { Self.types[Self.fileExtension(file.value)] ?? "video/mp4" }

    static func fileExtension(_ name: String) -> String {
        guard let dot = name.lastIndex(of: ".") else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}

/// A document's video clips as its page shows them: native `<video controls>` (never autoplay) with a captions track
/// and an optional transcript link, every file copied beside the page so nothing is fetched from outside the site.
struct VideoView: Sendable {
    let title: String
    let src: String
    let mimeType: String
    let captionsSrc: String
    let language: String
    let transcriptHref: String?
}

// MARK: - Field lists for Mustache (see `TemplateFields`)

extension VideoView: TemplateFields {
    var templateFields: TemplateValue.Fields {
        [
            "title": title, "src": src, "mimeType": mimeType, "captionsSrc": captionsSrc, "language": language,
            "transcriptHref": transcriptHref,
        ]
    }
}

/// `videos:`: clips beside the document, each with a title and WebVTT captions (a clip without captions is an
/// error: staff watch on wards with the sound off, and deaf colleagues need them).
extension DocumentDecoder {
    func readVideos(_ fields: inout FieldReader) -> [Video] {
        fields.mappingList("videos") { item in
            let file = locatedString(
                &item, "file", required: true, hint: "name the clip beside the document, e.g. 'file: demo.webm'")
            let title = item.string("title", required: true, hint: "give the clip a title that says what it shows")
            let captions = locatedString(&item, "captions", required: false)
            let transcript = locatedString(&item, "transcript", required: false)
            let language = item.string("language")
            item.reportUnknownKeys()
            if let file, Video.types[Video.fileExtension(file.value)] == nil {
                item.report(
                    .error(
                        .videoFile, "video '\(file.value)' should be an .mp4 or .webm file", at: file.location,
                        hint: "convert the clip to MP4 (H.264) or WebM, which every browser plays"))
            }
            if captions == nil, item.node("captions") == nil {
                item.report(
                    .error(
                        .videoCaptions, "video '\(file?.value ?? "")' has no captions", at: item.location,
                        hint:
                            "add 'captions: name.vtt', a WebVTT captions file beside the document; every clip needs captions"
                    ))
            }
            if let captions, Video.fileExtension(captions.value) != "vtt" {
                item.report(
                    .error(
                        .videoCaptions, "captions '\(captions.value)' should be a WebVTT (.vtt) file",
                        at: captions.location,
                        hint: "save the captions as WebVTT; most captioning tools can export it"))
            }
            guard let file, let title, let captions, Video.fileExtension(captions.value) == "vtt" else { return nil }
            return Video(file: file, title: title, captions: captions, transcript: transcript, language: language)
        }
    }

    /// A text value with the location of the value itself.
    private func locatedString(_ item: inout FieldReader, _ key: String, required: Bool, hint: String? = nil)
        -> Located<String>?
    {
        guard let node = item.node(key, required: required, hint: hint), let text = item.text(node, field: key) else {
            return nil
        }
        return Located(text, at: node.location)
    }
}

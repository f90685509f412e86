extension BodyRenderer {
    /// The clips of a document, checking that each file exists beside it (Loading checked that captions are WebVTT).
    func videoViews(
        _ document: Document, folder: String, diagnostics: inout [Diagnostic], copiedFiles: inout [OutputFile]
    ) -> [VideoView] {
        let documentFolder = document.path.split(separator: "/").dropLast().joined(separator: "/")
        var views: [VideoView] = []
        for video in document.videos {
            var missing = false
            var names: [String: String] = [:]
            for item in [video.file, video.captions] + (video.transcript.map { [$0] } ?? []) {
                guard let source = Self.normalise(documentFolder + "/" + item.value), attachments.contains(source)
                else {
                    diagnostics.append(
                        .error(
                            .missingAttachment, "attachment '\(item.value)' not found beside the document",
                            at: item.location,
                            hint: "put the file in the same folder as the document, or fix the file name"))
                    missing = true
                    continue
                }
                names[item.value] = source
            }
            guard !missing else { continue }
            for source in Set(names.values).sorted() {
                let name = source.split(separator: "/").last.map(String.init) ?? source
                copiedFiles.append(OutputFile(path: folder + name, contents: .copy(from: siteDirectory + "/" + source)))
            }
            func name(_ value: String) -> String {
                names[value].flatMap { $0.split(separator: "/").last.map(String.init) } ?? value
            }
            views.append(
                VideoView(
                    title: video.title, src: name(video.file.value), mimeType: video.mimeType,
                    captionsSrc: name(video.captions.value),
                    language: video.language ?? language, transcriptHref: video.transcript.map { name($0.value) }
                ))
        }
        return views
    }
}

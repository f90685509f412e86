import Foundation

/// Checks that each video's captions file beside its document is WebVTT: it must start with `WEBVTT` (after an optional
/// byte-order mark), or browsers show no captions. Missing files are reported where the page is rendered.
enum CaptionFiles {
    /// An error for each captions file that exists but is not WebVTT.
    static func check(_ documents: [Document], siteDirectory: String, attachments: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for document in documents where !document.videos.isEmpty {
            let folder = document.path.split(separator: "/").dropLast().joined(separator: "/")
            for video in document.videos {
                let path = (folder.isEmpty ? "" : folder + "/") + video.captions.value
                guard attachments.contains(path), !isWebVTT(siteDirectory + "/" + path) else { continue }
                diagnostics.append(
                    .error(
                        .videoCaptions,
                        "captions '\(video.captions.value)' are not a WebVTT file (it must start with 'WEBVTT')",
                        at: video.captions.location, hint: "export the captions as WebVTT (.vtt)"))
            }
        }
        return diagnostics
    }

    /// Whether a file starts with the WebVTT signature (after an optional byte-order mark).
    static func isWebVTT(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        var bytes = [UInt8](handle.readData(ofLength: 16))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard bytes.starts(with: Array("WEBVTT".utf8)) else { return false }
        return bytes.count == 6 || [0x20, 0x09, 0x0A, 0x0D].contains(bytes[6])
    }
}

import Foundation
import Testing

@testable import LessonsKit

/// Issue 13, part 2: video clips beside a document, each with WebVTT captions (required), shown with native controls.
@Suite struct VideoTests {
    static let vtt = "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nHello.\n"

    static func session(videos: String) -> String {
        """
        ---
        id: LLS-2026-07
        title: Multi-agency session
        date: 2026-07-15
        format: hybrid
        \(videos)
        ---
        Notes.
        """
    }

    static let captioned = """
        videos:
          - file: demo.webm
            title: How fast the fabric burns
            captions: demo.vtt
            transcript: demo.txt
        """

    func site(
        videos: String,
        files: [String: String] = [
            "content/sessions/demo.webm": "webm", "content/sessions/demo.vtt": Self.vtt,
            "content/sessions/demo.txt": "Transcript.",
        ]
    ) throws -> MiniSite {
        var all = ["content/sessions/s.md": Self.session(videos: videos)]
        for (path, text) in files { all[path] = text }
        return try MiniSite(files: all)
    }

    @Test func captionedClipPlaysNativelyWithItsTrackAndTranscript() async throws {
        let site = try site(videos: Self.captioned)
        defer { site.remove() }
        let report = await BuildPipeline.build(site.options())
        #expect(report.status == .success, "\(report.diagnostics)")
        let page = try #require(site.read("site-output/sessions/lls-2026-07/index.html"))
        #expect(page.contains("<video controls preload=\"metadata\">"))
        #expect(!page.contains("autoplay"))
        #expect(page.contains("<source src=\"demo.webm\" type=\"video/webm\">"))
        #expect(page.contains("<track kind=\"captions\" src=\"demo.vtt\" srclang=\"en-GB\""))
        #expect(page.contains("<a href=\"demo.txt\">Read the transcript</a>"))
        for file in ["demo.webm", "demo.vtt", "demo.txt"] {
            #expect(site.read("site-output/sessions/lls-2026-07/" + file) != nil, "\(file) copied")
        }
        let sources = page.components(separatedBy: "src=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(!sources.contains { $0.contains("://") }, "nothing fetched from outside the site")
    }

    @Test func aClipWithoutCaptionsIsAnErrorAtItsLine() async throws {
        let site = try site(videos: "videos:\n  - file: demo.webm\n    title: No captions here")
        defer { site.remove() }
        let report = await site.check()
        let error = try #require(report.diagnostics.first { $0.code == .videoCaptions }, "\(report.diagnostics)")
        #expect(error.severity == .error)
        #expect(error.location.file == "content/sessions/s.md" && error.location.line == 7)
        #expect(report.status != .success)
    }

    @Test func captionsMustBeWebVTTAndFilesMustExist() async throws {
        let notVTT = try site(
            videos: Self.captioned,
            files: [
                "content/sessions/demo.webm": "webm",
                "content/sessions/demo.vtt": "1\n00:00:00,000 --> 00:00:01,000\nHi\n",
                "content/sessions/demo.txt": "t",
            ])
        defer { notVTT.remove() }
        let bad = await notVTT.check()
        #expect(
            bad.diagnostics.contains {
                $0.code == .videoCaptions && $0.location.line == 9 && $0.message.contains("not a WebVTT file")
            })
        let missing = try site(
            videos: Self.captioned, files: ["content/sessions/demo.vtt": Self.vtt, "content/sessions/demo.txt": "t"])
        defer { missing.remove() }
        let absent = await missing.check()
        #expect(
            absent.diagnostics.contains {
                $0.code == .missingAttachment && $0.location.line == 7 && $0.message.contains("demo.webm")
            })
        let wrongType = try site(
            videos: Self.captioned.replacingOccurrences(of: "captions: demo.vtt", with: "captions: demo.srt"))
        defer { wrongType.remove() }
        let srt = await wrongType.check()
        #expect(srt.diagnostics.contains { $0.code == .videoCaptions && $0.message.contains("WebVTT (.vtt)") })
        let avi = try site(videos: Self.captioned.replacingOccurrences(of: "file: demo.webm", with: "file: demo.avi"))
        defer { avi.remove() }
        #expect(await avi.check().diagnostics.contains { $0.code == .videoFile })
    }
}

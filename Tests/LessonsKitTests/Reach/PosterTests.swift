import Foundation
import Testing

@testable import LessonsKit

/// Issue 13, part 1: a noticeboard poster per lesson with a QR code that a real decoder reads back as the lesson's
/// address, and the "lesson on a page" check made by printing with Chromium.
@Suite struct PosterTests {
    static let lessonWithPicture = MiniSite.lesson.replacingOccurrences(
        of: "See [[INC-2026-001]].",
        with: """
            See [[INC-2026-001]].

            ![Pocket card: check the chart at every handover](card.svg)
            """)
    static let card =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\"/></svg>"

    func site(yaml: String = MiniSite.siteYAML, lesson: String = Self.lessonWithPicture) throws -> MiniSite {
        try MiniSite(
            files: [
                "content/lessons/ll.md": lesson, "content/lessons/card.svg": Self.card,
                "content/incidents/inc.md": MiniSite.incident,
            ], site: yaml)
    }

    @Test func posterShowsTheLessonTheTrustAndAQRCodeThatDecodesToTheLessonPage() async throws {
        let site = try site()
        defer { site.remove() }
        let report = await BuildPipeline.build(site.options())
        #expect(report.status == .success, "\(report.diagnostics)")
        let poster = try #require(site.read("site-output/lessons/ll-2026-001/poster.html"))
        #expect(poster.contains("<h1 class=\"poster__title\">Check the observation chart at handover</h1>"))
        #expect(poster.contains("<li>Check the chart.</li>"))
        #expect(poster.contains("Test Trust"))
        #expect(poster.contains("<img src=\"card.svg\" alt=\"Pocket card: check the chart at every handover\">"))
        let address = "https://intranet.example.nhs.uk/learning/lessons/ll-2026-001/"
        #expect(poster.contains(address))
        let svg = try #require(poster.components(separatedBy: "<svg").dropFirst().first.map { "<svg" + $0 })
        let grid = try #require(QRSVGReader.modules(svg))
        if QRCodeTests.zbarimg != nil {
            #expect(try QRCodeTests.decode(pbm: grid.pbm()) == address, "zbarimg reads the poster's own SVG")
        }
        let page = try #require(site.read("site-output/lessons/ll-2026-001/index.html"))
        #expect(page.contains("<a href=\"poster.html\">"), "the lesson page links its poster")
    }

    @Test func withoutBaseURLThereIsNoQRCodeButAWayToFindTheLesson() async throws {
        let site = try site(yaml: "title: Learning Lessons\norganisation: Test Trust\n")
        defer { site.remove() }
        _ = await BuildPipeline.build(site.options())
        let poster = try #require(site.read("site-output/lessons/ll-2026-001/poster.html"))
        #expect(!poster.contains("<svg"), "no QR code without base_url")
        #expect(poster.contains("search for LL-2026-001"))
    }

    @Test func aLessonWithoutAPictureHasNone() async throws {
        let site = try site(lesson: MiniSite.lesson)
        defer { site.remove() }
        _ = await BuildPipeline.build(site.options())
        let poster = try #require(site.read("site-output/lessons/ll-2026-001/poster.html"))
        #expect(!poster.contains("<img"))
    }

    @Test(.enabled(if: BulletinPDFTests.chromiumInstalled))
    func aLessonLongerThanOnePageIsAWarningAtTheLessonAndPostersGetPDFs() async throws {
        let long = Self.lessonWithPicture.replacingOccurrences(
            of: "## What happened",
            with: "## What happened\n\n"
                + (1...40).map {
                    "Paragraph \($0) of a lesson that has grown far beyond one page of A4 with many words in it."
                }.joined(separator: "\n\n"))
        let site = try site(yaml: MiniSite.siteYAML + "\nprint:\n  pdf: required\n", lesson: long)
        defer { site.remove() }
        let report = await BuildPipeline.build(site.options())
        let warning = try #require(report.diagnostics.first { $0.code == .lessonTooLong }, "\(report.diagnostics)")
        #expect(warning.severity == .warning)
        #expect(warning.location.file == "content/lessons/ll.md" && warning.location.line == 2)
        #expect(!report.diagnostics.contains { $0.code == .posterTooLong }, "the poster stays on one page")
        let pdf = try #require(
            FileManager.default.contents(atPath: site.root + "/site-output/lessons/ll-2026-001/poster.pdf"))
        #expect(PDFFile.pageCount([UInt8](pdf)) == 1)
    }

    @Test(.enabled(if: BulletinPDFTests.chromiumInstalled))
    func aShortLessonPrintsOnOnePageWithoutWarning() async throws {
        let site = try site(yaml: MiniSite.siteYAML + "\nprint:\n  pdf: required\n")
        defer { site.remove() }
        let report = await BuildPipeline.build(site.options())
        #expect(report.status == .success)
        #expect(
            !report.diagnostics.contains { $0.code == .lessonTooLong || $0.code == .posterTooLong },
            "\(report.diagnostics)")
    }
}

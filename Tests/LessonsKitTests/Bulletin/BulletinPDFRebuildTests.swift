import Foundation
import Testing

@testable import LessonsKit

/// Bulletin PDFs across builds, with a stand-in Chromium: bulletin pages are rendered once, already linking to the
/// PDFs the build will print; a rebuild whose print pages are unchanged prints nothing; a changed print page, style
/// sheet or image prints again; a PDF that could not be made leaves no link to it anywhere.
@Suite("Bulletin PDFs across builds")
struct BulletinPDFRebuildTests {
    /// The bulletin assembly site with a second bulletin whose foreword shows an image beside it.
    static func site() throws -> MiniSite {
        let site = try BulletinAssemblyTests.site()
        try site.write(
            "content/bulletins/llb-002.md",
            """
            ---
            id: LLB-002
            title: Issue two
            date: 2026-09-10
            issue: 2
            covers: { from: 2026-07, to: 2026-08 }
            ---
            Welcome to the second issue.

            ![A chart of falls by month](chart.png)
            """)
        try site.write("content/bulletins/chart.png", "first image")
        return site
    }

    static func options(_ site: MiniSite, chromium: PDFCacheTests.FakeChromium) -> BuildOptions {
        var options = site.options()
        options.cacheDirectory = site.root + "-cache"
        options.pdfEnvironment = ["LESSONS_CHROME": chromium.script]
        return options
    }

    /// Every file of the staff edition's output by path.
    static func output(_ site: MiniSite) -> [String: Data] {
        let root = site.root + "/site-output/"
        let paths = FileManager.default.enumerator(atPath: root)?.allObjects.compactMap { $0 as? String } ?? []
        return Dictionary(
            uniqueKeysWithValues: paths.compactMap { path in
                FileManager.default.contents(atPath: root + path).map { (path, $0) }
            })
    }

    static func text(_ site: MiniSite, _ path: String) -> String {
        site.read("site-output/" + path) ?? ""
    }

    @Test func aRebuildPrintsOnlyWhenAPrintPageOrAFileItUsesChanged() async throws {
        let site = try Self.site()
        let chromium = try PDFCacheTests.FakeChromium()
        defer {
            site.remove()
            chromium.remove()
            try? FileManager.default.removeItem(atPath: site.root + "-cache")
        }
        let options = Self.options(site, chromium: chromium)
        let first = await BuildPipeline.build(options)
        #expect(first.status == .success, "\(first.diagnostics) \(first.failure ?? "")")
        #expect(chromium.runs == 2)
        let built = Self.output(site)
        for slug in ["llb-001", "llb-002"] {
            #expect(built["bulletins/\(slug)/\(slug).pdf"] != nil)
            #expect(Self.text(site, "bulletins/\(slug)/index.html").contains("href=\"\(slug).pdf\""))
            #expect(Self.text(site, "bulletins/index.html").contains("\(slug)/\(slug).pdf\""))
            #expect(!Self.text(site, "bulletins/\(slug)/print.html").contains(".pdf"), "the print page never links")
        }

        // An incident body is on no print page: nothing is printed, and the bulletin files are the same bytes.
        try site.write(
            "content/incidents/inc-4.md",
            BulletinAssemblyTests.incident("INC-4", month: "2026-07") + "\nA sentence added later.\n")
        let second = await BuildPipeline.build(options)
        #expect(second.status == .success, "\(second.diagnostics)")
        #expect(chromium.runs == 2, "no print page changed, so no PDF is printed again")
        let rebuilt = Self.output(site)
        #expect(rebuilt["incidents/inc-4/index.html"] != built["incidents/inc-4/index.html"], "the edit was built")
        for (path, bytes) in built where path.hasPrefix("bulletins/") {
            #expect(rebuilt[path] == bytes, "\(path) is unchanged")
        }

        // The second bulletin's foreword changes its print page: that one PDF is printed again.
        try site.write(
            "content/bulletins/llb-002.md",
            try #require(site.read("content/bulletins/llb-002.md")).replacingOccurrences(
                of: "second issue", with: "second issue, revised"))
        #expect(await BuildPipeline.build(options).status == .success)
        #expect(chromium.runs == 3, "only the changed print page is printed")

        // The image it shows keeps its name and the page its bytes, but the PDF would show the new image.
        try site.write("content/bulletins/chart.png", "second image")
        #expect(await BuildPipeline.build(options).status == .success)
        #expect(chromium.runs == 4, "a changed image prints the page that shows it")

        // The style sheet every bulletin print page uses: both PDFs are printed again.
        try site.write("themes/default/assets/bulletin-print.css", "@page { size: A4; margin: 2cm }")
        #expect(await BuildPipeline.build(options).status == .success)
        #expect(chromium.runs == 6, "a changed style sheet prints every page using it")
    }

    @Test func aPDFThatCouldNotBeMadeLeavesNoLinkToIt() async throws {
        let site = try Self.site()
        let chromium = try PDFCacheTests.FakeChromium(failing: "llb-002")
        defer {
            site.remove()
            chromium.remove()
            try? FileManager.default.removeItem(atPath: site.root + "-cache")
        }
        let report = await BuildPipeline.build(Self.options(site, chromium: chromium))
        #expect(report.status == .success, "\(report.diagnostics) \(report.failure ?? "")")
        #expect(report.diagnostics.filter { $0.code == .bulletinPDF }.map(\.severity) == [.warning])
        #expect(!report.diagnostics.contains { $0.code == .brokenOutputLink }, "\(report.diagnostics)")
        let output = Self.output(site)
        #expect(output["bulletins/llb-001/llb-001.pdf"] != nil)
        #expect(output["bulletins/llb-002/llb-002.pdf"] == nil)
        #expect(Self.text(site, "bulletins/llb-001/index.html").contains("href=\"llb-001.pdf\""))
        #expect(Self.text(site, "bulletins/index.html").contains("llb-001/llb-001.pdf\""))
        for path in ["bulletins/llb-002/index.html", "bulletins/llb-002/email.html", "bulletins/llb-002/llb-002.eml"] {
            #expect(!Self.text(site, path).isEmpty, "\(path)")
            #expect(!Self.text(site, path).contains("llb-002.pdf"), "\(path) links to a PDF that was not made")
        }
        #expect(!Self.text(site, "bulletins/index.html").contains("llb-002.pdf"))

        // With bulletin PDFs required, the failure is an error, reported alone (no broken link to the PDF).
        var required = Self.options(site, chromium: chromium)
        required.requirePDF = true
        let failed = await BuildPipeline.build(required)
        #expect(failed.status == .contentErrors)
        #expect(
            failed.diagnostics.filter { $0.severity == .error }.map(\.code) == [.bulletinPDF], "\(failed.diagnostics)")
    }

    @Test func aBuildStoppedByAnErrorPrintsNothingAndLinksNoPDF() async throws {
        let site = try Self.site()
        try site.write("content/lessons/broken.md", "---\nid: LL-BROKEN\n---\nNo title, no date.\n")
        let chromium = try PDFCacheTests.FakeChromium()
        defer {
            site.remove()
            chromium.remove()
            try? FileManager.default.removeItem(atPath: site.root + "-cache")
        }
        let report = await BuildPipeline.build(Self.options(site, chromium: chromium))
        #expect(report.status == .contentErrors)
        #expect(chromium.runs == 0)
        #expect(!report.diagnostics.contains { $0.code == .brokenOutputLink }, "\(report.diagnostics)")
    }

    /// The stage itself: pages rendered for the PDFs made are kept as they are (a stand-in page proves they were not
    /// rendered again); a failed print renders the pages linking to it again, without the link.
    @Test func theStageRendersPagesAgainOnlyForAPDFNotMade() async throws {
        let site = try Self.site()
        defer { site.remove() }
        for (failing, kept) in [(nil, true), ("llb-002", false)] as [(String?, Bool)] {
            let chromium = try PDFCacheTests.FakeChromium(failing: failing)
            defer { chromium.remove() }
            var stage = BulletinPDFStage(mode: .auto, jobs: 1)
            stage.environment = ["LESSONS_CHROME": chromium.script]
            var pages = try await BulletinPDFTests.bulletinPages(site)
            pages.plannedPDFs = ["llb-001", "llb-002"]
            let stand = OutputFile(path: "bulletins/llb-002/index.html", text: "stand-in")
            let files = pages.files().files.map { $0.path == stand.path ? stand : $0 }
            let outcome = await stage.run(files: files, pages: pages)
            let page = try #require(outcome.files.first { $0.path == stand.path })
            #expect((page == stand) == kept, "failing: \(failing ?? "none")")
            #expect(outcome.files.contains { $0.path == "bulletins/llb-002/llb-002.pdf" } == kept)
        }
    }
}

import Foundation
import Testing

@testable import LessonsKit

@Suite struct LinkCheckerTests {
    static func page(_ path: String, _ body: String) -> OutputFile {
        OutputFile(
            path: path,
            text:
                "<!doctype html><html><head><link rel=\"stylesheet\" href=\"\(String(repeating: "../", count: path.split(separator: "/").count - 1))style.css\"></head><body>\(body)</body></html>"
        )
    }

    static let style = OutputFile(path: "style.css", text: "body{}")

    @Test func linksToExistingPagesFoldersAndCopiedFilesPass() async {
        let files = [
            Self.style,
            Self.page(
                "index.html",
                #"<a href="lessons/">Lessons</a> <a href="./">Home</a> <img src="lessons/ll-1/chart.png" alt="">"#),
            Self.page("lessons/index.html", #"<a href="ll-1/">One</a> <a href="../index.html">Home</a>"#),
            Self.page("lessons/ll-1/index.html", #"<a href="../../">Home</a> <a href="chart.png?v=1">chart</a>"#),
            OutputFile(path: "lessons/ll-1/chart.png", contents: .copy(from: "/nowhere/chart.png")),
        ]
        #expect(await LinkChecker(portable: false).check(files).isEmpty)
    }

    @Test func reportsALinkToAMissingFileNamingTheOutputFileAndTheDocument() async throws {
        let files = [
            Self.style, Self.page("index.html", ""),
            Self.page("lessons/ll-1/index.html", #"<p>See <a href="../ll-9/">the other lesson</a>.</p>"#),
        ]
        let checker = LinkChecker(portable: false, sources: ["lessons/ll-1/": "content/lessons/ll-1.md"])
        let diagnostics = await checker.check(files)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(diagnostic.code == .brokenOutputLink)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location.file == "content/lessons/ll-1.md")
        #expect(diagnostic.message.contains("lessons/ll-1/index.html"))
        #expect(diagnostic.message.contains("lessons/ll-9/index.html"))
    }

    @Test func reportsAnAnchorMissingFromTheTargetPage() async throws {
        let files = [
            Self.style,
            Self.page(
                "index.html",
                ##"<a href="about/#team">Team</a> <a href="about/#history">History</a> <a href="#top">Top</a>"##),
            Self.page("about/index.html", #"<h2 id="team">Team</h2><a name="top"></a>"#),
        ]
        let diagnostics = await LinkChecker(portable: false).check(files)
        #expect(diagnostics.count == 2)
        #expect(diagnostics.contains { $0.message.contains("about/index.html has no element with id 'history'") })
        #expect(diagnostics.contains { $0.message.contains("index.html has no element with id 'top'") })
    }

    @Test func portableModeRejectsFolderLinksThatFileURLsCannotOpen() async {
        let files = [
            Self.style,
            Self.page("index.html", #"<a href="lessons/">Lessons</a> <a href="lessons/index.html">Lessons</a>"#),
            Self.page("lessons/index.html", #"<a href="../index.html">Home</a>"#),
        ]
        #expect(await LinkChecker(portable: false).check(files).isEmpty)
        let diagnostics = await LinkChecker(portable: true).check(files)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("'lessons/'") == true)
        #expect(diagnostics.first?.message.contains("portable") == true)
    }

    @Test func aLinkRepeatedOnAPageIsReportedWhereverItIsBrokenAndItsTargetListedOnce() async {
        let links = [
            "../b/", "../b/", "../gone/", "../b/#x", "../gone/", "https://example.org/", "../b/", " ../gone/ ",
            "../b/#y", "../gone/",
        ]
        let entries = [
            OutputEntry(
                path: "themes/a/index.html", copiedFrom: nil, isPage: true,
                links: PageLinks(HTMLLinks(links: links, ids: []))),
            OutputEntry(
                path: "themes/b/index.html", copiedFrom: nil, isPage: true,
                links: PageLinks(HTMLLinks(links: [], ids: ["y"]))),
        ]
        let checker = LinkChecker(portable: false)
        let table = OutputTable(entries)
        let checks = await checker.check(pages: [0], in: table, jobs: 1)
        // The same as resolving every link where it stands, one by one.
        let folder: [Substring] = ["themes", "a"]
        let broken = links.compactMap { link -> LinkChecker.BrokenLink? in
            guard
                case .broken(let trimmed, let reason) = checker.resolve(
                    link, in: "themes/a/index.html", folder: folder, table: table)
            else { return nil }
            return LinkChecker.BrokenLink(file: "themes/a/index.html", link: trimmed, reason: reason)
        }
        #expect(broken.map(\.link) == ["../gone/", "../b/#x", "../gone/", "../gone/", "../gone/"])
        #expect(checks == [LinkChecker.PageCheck(broken: broken, targets: [1])])
    }

    @Test func externalLinksAreNotChecked() async {
        let files = [
            Self.style,
            Self.page(
                "index.html",
                """
                <a href="https://datix.example.nhs.uk/">Datix</a> <a href="mailto:team@nhs.net">Mail</a>
                <img src="data:image/png;base64,AAAA" alt=""> <a href="//cdn.example/x">x</a> <a href="tel:4000">Call</a>
                """),
        ]
        #expect(await LinkChecker(portable: false).check(files).isEmpty)
    }

    @Test func rootRelativeLinksOfThe404PageAreReadFromTheSitePath() async {
        let files = [
            Self.style, Self.page("index.html", ""), Self.page("lessons/index.html", ""),
            Self.page(
                "404.html",
                #"<a href="/learning/">Home</a> <a href="/learning/lessons/">Lessons</a> <link href="/learning/style.css">"#
            ),
        ]
        #expect(await LinkChecker(portable: false, rootPath: "/learning/").check(files).isEmpty)
        let broken = await LinkChecker(portable: false, rootPath: "/learning/").check(
            files + [Self.page("x.html", #"<a href="/elsewhere/">x</a>"#)])
        #expect(broken.count == 1)
    }

    @Test func aTemplateLinkBrokenOnEveryPageIsReportedOnce() async throws {
        let files = [Self.style] + (1...30).map { Self.page("p\($0)/index.html", #"<a href="../missing/">x</a>"#) }
        let diagnostics = await LinkChecker(portable: false).check(files)
        #expect(diagnostics.count == 1)
        #expect(try #require(diagnostics.first).message.contains("and on 29 other pages"))
    }

    @Test func markupInScriptsCommentsAndEscapedTextIsNotALink() async {
        let files = [
            Self.style,
            Self.page(
                "index.html",
                """
                <!-- <a href="gone/">old</a> --><script>var s = '<a href="nope/">';</script>
                <pre><code>&lt;a href="also-nope/"&gt;</code></pre><a href="index.html?x=1&amp;y=2">self</a>
                """),
        ]
        #expect(await LinkChecker(portable: false).check(files).isEmpty)
    }

    @Test func aBrokenLinkInATemplateFailsTheBuild() async throws {
        let footer = #"<footer><a href="{{site.homeHref}}no-such-page/">Broken</a></footer>"#
        let site = try MiniSite(files: [
            "content/lessons/ll-2026-001.md": MiniSite.lesson, "content/incidents/inc-2026-001.md": MiniSite.incident,
            "themes/default/templates/partials/footer.mustache": footer,
        ])
        defer { site.remove() }
        var options = site.options()
        options.output = site.root + "/out"
        let report = await BuildPipeline.build(options)
        #expect(report.status == .contentErrors)
        #expect(!FileManager.default.fileExists(atPath: site.root + "/out"), "nothing is written")
        let diagnostic = try #require(report.diagnostics.first { $0.code == .brokenOutputLink })
        #expect(diagnostic.message.contains("no-such-page/"))
        #expect(
            report.diagnostics.filter { $0.code == .brokenOutputLink }.count == 1,
            "one error for the whole template, not one per page")
    }

    @Test func theExampleSiteHasNoBrokenLinksInNormalOrPortableMode() async throws {
        for portable in [false, true] {
            let copy = try ExampleSiteCopy(portable: portable)
            defer { copy.remove() }
            var options = BuildOptions(siteDirectory: copy.root)
            options.today = "2026-11-27"
            let report = await BuildPipeline.check(options)
            let broken = report.diagnostics.filter { $0.code == .brokenOutputLink }
            #expect(broken.isEmpty, "portable: \(portable): \(broken.map(\.message))")
        }
    }
}

/// A copy of the example site (site.yaml, content, data, static) in a temporary folder, optionally in portable mode.
struct ExampleSiteCopy {
    let root: String

    init(portable: Bool) throws {
        root =
            FileManager.default.temporaryDirectory.appendingPathComponent("lessons-example-\(UUID().uuidString)").path
        let source = SearchSite.repositoryRoot
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for item in ["content", "data", "static", "themes"]
        where FileManager.default.fileExists(atPath: source + "/" + item) {
            try FileManager.default.copyItem(atPath: source + "/" + item, toPath: root + "/" + item)
        }
        var yaml = SearchSite.read(source + "/site.yaml") ?? ""
        if portable { yaml = yaml.replacingOccurrences(of: "portable: false", with: "portable: true") }
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: root + "/site.yaml"))
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }
}

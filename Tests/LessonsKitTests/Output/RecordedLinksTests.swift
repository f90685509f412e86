import Foundation
import Testing

@testable import LessonsKit

/// The link check works from the links and ids each page recorded as it was rendered; these tests prove the records
/// are complete (the HTML scanner finds nothing more or less) and that broken links are still reported where written.
@Suite struct RecordedLinksTests {
    /// Every file the renderer builds for `site`'s editions, plus the bulletin pages rendered again after the PDF
    /// stage (as if every bulletin's PDF were made).
    static func renderedHTML(siteDirectory: String, prepared: Bool) async throws -> [(String, [OutputFile])] {
        var site = try await LoadedSite.loadedForTests(siteDirectory)
        if !prepared { site.bodies = [:] }
        let config = site.config
        let theme = ThemeFiles.load(name: config.theme, siteDirectory: siteDirectory)
        let templates = try #require(TemplateSet.parse(theme).0)
        #expect(templates.recordsLinks, "the default theme records every link it writes")
        var editions: [(String, [OutputFile])] = []
        for edition in config.editions {
            let renderer = SiteRenderer(
                site: site, theme: theme, templates: templates, edition: edition,
                today: PartialDate(year: 2026, month: 11, day: 27), includeDrafts: false)
            let (files, _) = await renderer.render(jobs: 1)
            let bulletins = Set(renderer.bulletins.content.documents(of: .bulletin).map(\.slug))
            let again = renderer.bulletins.pagesLinkingPDFs(bulletins)
            let againPaths = Set(again.map(\.path))
            editions.append((edition.name, files.filter { !againPaths.contains($0.path) } + again))
        }
        return editions
    }

    @Test(arguments: [true, false])
    func everyPageOfTheExampleRecordsExactlyTheLinksAndIdsItsHTMLHolds(prepared: Bool) async throws {
        var pages = 0
        for (edition, files) in try await Self.renderedHTML(
            siteDirectory: SearchSite.repositoryRoot, prepared: prepared)
        {
            for file in files where file.path.hasSuffix(".html") {
                guard let bytes = file.heldBytes else { continue }
                pages += 1
                let recorded = try #require(file.links, "\(edition): \(file.path) has no recorded links")
                let scanned = HTMLLinkScanner.scan(bytes)
                #expect(recorded.links == scanned.links, "\(edition): \(file.path): links")
                #expect(recorded.ids == scanned.ids, "\(edition): \(file.path): ids")
            }
        }
        #expect(pages > 200, "three editions of the example site")
    }

    @Test func aPageRenderedAgainAfterThePDFStageIsCheckedFromItsRecord() async throws {
        let (_, files) = try #require(
            try await Self.renderedHTML(siteDirectory: SearchSite.repositoryRoot, prepared: true).first)
        let again = files.filter { $0.path.hasPrefix("bulletins/") && $0.path.hasSuffix("/index.html") }
        let pdfLinks = again.flatMap { $0.links?.links ?? [] }.filter { $0.hasSuffix(".pdf") }
        #expect(!pdfLinks.isEmpty, "the re-rendered bulletin pages link to their PDFs")
        // No PDF was made: every link to one is broken, and the check finds them from the records alone.
        let outputs = files.map { file in
            file.links.map { OutputFile(path: file.path, html: RenderedHTML(text: "", links: .recorded($0.recorded))) }
                ?? file
        }
        let checker = LinkChecker(portable: false, rootPath: "/learning/")  // the example's base_url path
        let diagnostics = await checker.check(outputs)
        #expect(!diagnostics.isEmpty)
        #expect(
            diagnostics.allSatisfy { $0.message.contains(".pdf in the output") }, "\(diagnostics.map { $0.message })")
        #expect(await checker.check(files) == diagnostics, "the same errors as from reading the HTML")
    }

    static func site(body: String, footer: String? = nil) throws -> MiniSite {
        var files = [
            "content/lessons/ll-2026-001.md": MiniSite.lesson.replacingOccurrences(
                of: "See [[INC-2026-001]].", with: body),
            "content/incidents/inc-2026-001.md": MiniSite.incident,
        ]
        if let footer { files["themes/default/templates/partials/footer.mustache"] = footer }
        return try MiniSite(files: files)
    }

    @Test func aBrokenLinkWrittenInAMarkdownBodyIsReportedWhereItIsWritten() async throws {
        let site = try Self.site(
            body: "See [[INC-2026-001]].\n\nRead [the team](#no-such-section) and [x](/elsewhere/).")
        defer { site.remove() }
        let broken = await site.check().diagnostics.filter { $0.code == .brokenOutputLink }
        let fragment = try #require(broken.first { $0.message.contains("'#no-such-section'") })
        #expect(fragment.message.contains("has no element with id 'no-such-section'"))
        #expect(fragment.location == SourceLocation(file: "content/lessons/ll-2026-001.md", line: 17, column: 17))
        let outside = try #require(broken.first { $0.message.contains("'/elsewhere/'") })
        #expect(outside.message.contains("outside the site's path"))
        #expect(outside.location == SourceLocation(file: "content/lessons/ll-2026-001.md", line: 17, column: 43))
    }

    @Test func aBrokenLinkOrFragmentWrittenLiterallyInATemplateIsReportedOnce() async throws {
        let footer =
            ##"<footer><a href="/elsewhere/">Away</a> <a href="#nowhere">Top</a> <a href="#end">End</a><span id="end"></span></footer>"##
        let site = try Self.site(body: "See [[INC-2026-001]].", footer: footer)
        defer { site.remove() }
        let broken = await site.check().diagnostics.filter { $0.code == .brokenOutputLink }
        #expect(broken.contains { $0.message.contains("'/elsewhere/'") && $0.message.contains("other pages") })
        #expect(broken.contains { $0.message.contains("has no element with id 'nowhere'") })
        #expect(!broken.contains { $0.message.contains("'#end'") }, "an id written literally is recorded")
        #expect(broken.allSatisfy { $0.message.contains("'/elsewhere/'") || $0.message.contains("'#nowhere'") })
    }

    @Test func aThemeTooIntricateToRecordHasItsPagesReadInstead() async throws {
        let footer = #"<footer><a href="{{site.homeHref}}{{site.title}}/">Broken</a></footer>"#
        let site = try Self.site(body: "See [[INC-2026-001]].", footer: footer)
        defer { site.remove() }
        let theme = ThemeFiles.load(name: "default", siteDirectory: site.root)
        #expect(try #require(TemplateSet.parse(theme).0).recordsLinks == false)
        let broken = await site.check().diagnostics.filter { $0.code == .brokenOutputLink }
        #expect(!broken.isEmpty, "the pages' HTML is read")
        #expect(broken.allSatisfy { $0.message.contains("in the output") })
    }

    struct Model: TemplateFields {
        let href = "a/b\"c & d/"
        let id = "<7>"
        let title = "T"
        let items = ["one/", "two/"]
        let current = true
        let mail = "x@y.z"

        var templateFields: TemplateValue.Fields {
            ["href": href, "id": id, "title": title, "items": items, "current": current, "mail": mail]
        }
    }

    @Test func aRecordingTemplateWritesTheSameBytesAndRecordsWhatItWrites() throws {
        let template = """
            <!-- <a href="commented/"> --><a class="x" href="{{href}}" id="item-{{id}}">{{title}}</a>
            {{#items}}<li{{#current}} id="here"{{/current}}><a href='{{.}}' >{{.}}</a></li>{{/items}}
            <a href="mailto:{{mail}}">m</a><a href="#main">skip</a><img src="a&amp;b.png" alt="">
            <script>var a = '<a href="{{href}}x">';</script><a name="top"></a><form action="{{href}}?q=1"></form>
            """
        let expected = """
            <!-- <a href="commented/"> --><a class="x" href="a/b&quot;c &amp; d/" id="item-&lt;7&gt;">T</a>
            <li id="here"><a href='one/' >one/</a></li><li id="here"><a href='two/' >two/</a></li>
            <a href="mailto:x@y.z">m</a><a href="#main">skip</a><img src="a&amp;b.png" alt="">
            <script>var a = '<a href="a/b&quot;c &amp; d/x">';</script><a name="top"></a><form action="a/b&quot;c &amp; d/?q=1"></form>
            """
        #expect(RecordingTemplate(template).complete)
        let defaults = ThemeFiles.load(name: "default", siteDirectory: "/nonexistent")
        var files = defaults.files
        files["templates/notfound.mustache"] = .init(bytes: Array(template.utf8), displayPath: "notfound.mustache")
        let templates = try #require(TemplateSet.parse(ThemeFiles(files: files)).0)
        let rendered = templates.render("notfound", Model())
        #expect(rendered.text == expected)
        let scanned = HTMLLinkScanner.scan(Array(rendered.text.utf8))
        #expect(rendered.links?.recorded == scanned)
        #expect(scanned.links.contains("a/b\"c & d/") && scanned.ids.isSuperset(of: ["item-<7>", "here", "top"]))
    }

    @Test func valuesTheRewriteCannotFollowLeaveTheTemplateIncomplete() {
        #expect(!RecordingTemplate(#"<a href="{{a}}{{b}}">"#).complete)
        #expect(!RecordingTemplate(#"<a href="{{#a}}x{{/a}}">"#).complete)
        #expect(!RecordingTemplate(#"<a href="{{{a}}}">"#).complete)
        #expect(!RecordingTemplate(#"<a href={{a}}>"#).complete)
        #expect(!RecordingTemplate("{{% CONTENT_TYPE: TEXT}}<a href=\"x\">").complete)
        #expect(RecordingTemplate(#"<a href="x/{{a}}/y" title="{{a}}{{b}}">"#).complete)
    }
}

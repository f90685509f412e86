import Foundation
import Testing

@testable import LessonsKit

/// Each body is parsed by cmark exactly once per build, when it is decoded: its page in every edition, search
/// entries, feed summaries, a bulletin's lead lesson and foreword on the web, print and e-mail forms all fill that one
/// parse.
@Suite struct ParseCountTests {
    /// The search fixture with a bulletin whose lead lesson and foreword appear on the web page, the print page and
    /// the e-mail (the fixture has a `base_url`).
    static func files() -> [String: String] {
        var files = SearchSite.files()
        files["content/bulletins/llb-001.md"] = BulletinAssemblyTests.bulletin("lead: LL-2026-001")
            .replacingOccurrences(
                of: "Welcome to the first issue.", with: "Welcome to the first issue, with [[LL-2025-002]].")
        return files
    }

    @Test func checkParsesEachBodyOnceForEveryEdition() async throws {
        let site = try MiniSite(files: Self.files())
        defer { site.remove() }
        let counter = MarkdownParseCounter()
        let report = await MarkdownParseCounter.$current.withValue(counter) { await site.check() }
        #expect(report.status == .success, "\(report.diagnostics)")
        // `check` renders every edition (staff, partners, governance) to find its problems, from the one parse.
        #expect(counter.count == report.documentCount)
    }

    @Test func buildParsesEachBodyOnceForPagesSearchFeedsAndBulletinForms() async throws {
        let files = Self.files()
        let site = try MiniSite(files: files)
        defer { site.remove() }
        var options = site.options()
        options.allEditions = true
        options.skipPDF = true
        let counter = MarkdownParseCounter()
        let report = await MarkdownParseCounter.$current.withValue(counter) { await BuildPipeline.build(options) }
        #expect(report.status == .success, "\(report.diagnostics)")
        let documents = files.keys.filter { $0.hasSuffix(".md") }.count
        #expect(counter.count == documents, "a second parse of a body would mean a page or form parses it again")
        let email = try #require(SearchSite.read(site.root + "/site-output/bulletins/llb-001/email.html"))
        #expect(email.contains("We learned to check the chart."), "the e-mail still shows the lead lesson's body")
        #expect(email.contains("Lying and standing blood pressure"), "the foreword's reference is still a titled link")
        let print = try #require(SearchSite.read(site.root + "/site-output/bulletins/llb-001/print.html"))
        #expect(print.contains("We learned to check the chart."))
        let feed = try #require(SearchSite.read(site.root + "/site-output/feed.xml"))
        #expect(feed.contains("<summary"), "feeds still get their summaries")
        let shards = try FileManager.default.contentsOfDirectory(atPath: site.root + "/site-output/search").filter {
            $0.hasPrefix("t")
        }
        let terms = shards.compactMap { SearchSite.read(site.root + "/site-output/search/" + $0) }.joined()
        #expect(terms.contains("\"third\""), "search still indexes body text (\"fell by a third\" is only in a body)")
    }
}

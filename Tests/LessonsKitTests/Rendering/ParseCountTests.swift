import Foundation
import Testing

@testable import LessonsKit

/// Each body is parsed by cmark once when it is decoded (references and the text search and feeds use) and once for
/// its page in each edition that publishes it; search entries and feed summaries never parse it again.
@Suite struct ParseCountTests {
    @Test func checkParsesEachBodyOnceAndOncePerEditionPublishingIt() async throws {
        let site = try MiniSite(files: SearchSite.files())
        defer { site.remove() }
        let counter = MarkdownParseCounter()
        let report = await MarkdownParseCounter.$current.withValue(counter) { await site.check() }
        #expect(report.status == .success)
        // `check` renders every edition to find its problems; these documents are for staff, so the staff and
        // governance editions publish them (partners does not): decoding plus two pages each.
        #expect(counter.count == 3 * report.documentCount)
    }

    @Test func buildAddsOneParsePerPageAndNoneForSearchOrFeeds() async throws {
        let files = SearchSite.files()
        let site = try MiniSite(files: files)
        defer { site.remove() }
        var options = site.options()
        options.output = site.root + "-out"
        defer { try? FileManager.default.removeItem(atPath: site.root + "-out") }
        let counter = MarkdownParseCounter()
        let report = await MarkdownParseCounter.$current.withValue(counter) { await BuildPipeline.build(options) }
        #expect(report.status == .success)
        let documents = files.keys.filter { $0.hasSuffix(".md") }.count
        // The site has one edition (staff), no bulletins and no table blocks: decoding plus one page per document.
        #expect(counter.count == 2 * documents, "a third parse per body would mean search or feeds parse it again")
        let feed = try #require(SearchSite.read(site.root + "-out/feed.xml"))
        #expect(feed.contains("<summary"), "feeds still get their summaries")
        let shards = try FileManager.default.contentsOfDirectory(atPath: site.root + "-out/search").filter {
            $0.hasPrefix("t")
        }
        let terms = shards.compactMap { SearchSite.read(site.root + "-out/search/" + $0) }.joined()
        #expect(terms.contains("\"third\""), "search still indexes body text (\"fell by a third\" is only in a body)")
    }
}

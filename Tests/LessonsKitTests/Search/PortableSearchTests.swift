import Foundation
import Testing

@testable import LessonsKit

/// Opens the example site's search page from `file://` in headless Chromium, in portable mode.
@Suite(
    .enabled(
        if: SearchSite.chromium != nil,
        "Chromium is not installed (or LESSONS_CHROME is not set): skipping the file:// search test"))
struct PortableSearchTests {
    func dumpDOM(_ url: String, profile: String) throws -> String {
        let chromium = try #require(SearchSite.chromium)
        return try SearchSite.run(
            chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile)",
                "--virtual-time-budget=5000", "--dump-dom", url,
            ]
        ).output
    }

    @Test func searchWorksFromAFileShareInPortableMode() async throws {
        let copy = try ExampleSiteCopy(portable: true)
        defer { copy.remove() }
        var options = BuildOptions(siteDirectory: copy.root)
        options.today = "2026-11-27"
        options.output = copy.root + "/out"
        let report = await BuildPipeline.build(options)
        #expect(report.status == .success, "\(report.diagnostics.map(\.message))")
        let files = try FileManager.default.contentsOfDirectory(atPath: copy.root + "/out/search")
        #expect(files.contains("meta.js") && !files.contains("meta.json"), "portable mode ships the index as scripts")

        let page = "file://" + copy.root + "/out/search/index.html"
        let dom = try dumpDOM(page + "?q=falls", profile: copy.root + "/profile")
        #expect(dom.contains(#"class="search-result""#), "results appear for 'falls'")
        #expect(dom.contains("<mark>"), "matched words are highlighted")
        #expect(dom.contains("index.html\""), "result links end in index.html in portable mode")
        #expect(!dom.contains(#"id="search-form" role="search" hidden"#), "the form is shown once the script runs")
        let filtered = try dumpDOM(page + "?type=type-lessons&year=year-2026", profile: copy.root + "/profile")
        #expect(filtered.contains(#"class="search-result""#), "filters work without words")
        #expect(filtered.contains("results in Lessons, 2026") || filtered.contains("result in Lessons, 2026"))
    }
}

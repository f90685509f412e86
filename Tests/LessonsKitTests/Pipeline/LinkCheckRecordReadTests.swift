import Testing

@testable import LessonsKit

/// A rebuild checks again only the pages whose links may have changed, from the last build's link check (read while the
/// pages render); with `--clean` it checks every page.
@Suite struct LinkCheckRecordReadTests {
    func checkedCount(_ report: BuildReport) -> (checked: Int, pages: Int)? {
        report.verboseFraction("pages link-checked").map { ($0.part, $0.total) }
    }

    @Test func aRebuildChecksOnlyWhatTheLastChecksDoNotVouchFor() async throws {
        let site = try MiniSite(files: [
            "content/lessons/ll.md": MiniSite.lesson, "content/incidents/inc.md": MiniSite.incident,
        ])
        defer { site.remove() }
        let first = await BuildPipeline.build(site.options())
        #expect(first.status == .success)
        let all = try #require(checkedCount(first))
        #expect(all.pages > 5 && all.checked == all.pages, "nothing to go by: every page is checked")
        try site.write("content/incidents/inc.md", MiniSite.incident + "\nOne more sentence.\n")
        let second = await BuildPipeline.build(site.options())
        #expect(second.status == .success)
        let some = try #require(checkedCount(second))
        #expect(some.pages == all.pages && some.checked <= 1, "only the edited page, if any, is checked again")
        var clean = site.options()
        clean.ignoreCache = true
        let third = await BuildPipeline.build(clean)
        #expect(checkedCount(third).map { $0.checked == $0.pages } == true)
    }
}

import Foundation
import Testing

@testable import LessonsKit

/// Themes nest to any depth, and every place that rolls a theme up agrees: analysis, the theme's page, the themes
/// index, the theme's feed and the search facet.
@Suite struct ThemeDepthTests {
    static let threeLevels = """
        - slug: physical-health
          title: Physical health
        - slug: falls
          title: Falls
          parent: physical-health
        - slug: night-falls
          title: Falls at night
          parent: falls
        - slug: observation
          title: Therapeutic observation
        - slug: medication
          title: Medication safety
        """

    @Test func treeKnowsAncestorsDescendantsAndFamilyAtAnyDepth() {
        let tree = ThemeTree(themes: [
            Theme(slug: "a", title: "A", description: nil, parent: nil),
            Theme(slug: "b", title: "B", description: nil, parent: "a"),
            Theme(slug: "c", title: "C", description: nil, parent: "b"),
            Theme(slug: "d", title: "D", description: nil, parent: nil),
        ])
        #expect(tree.ancestors(of: "c") == ["b", "a"])
        #expect(tree.descendants(of: "a") == ["b", "c"])
        #expect(tree.family(of: "b") == ["a", "b", "c"])
        #expect(tree.topLevel == ["a", "d"])
        #expect(tree.depth(of: "c") == 2)
    }

    @Test func findsEachCycleOfParentsOnce() {
        let themes = [
            Theme(slug: "a", title: "A", description: nil, parent: "c"),
            Theme(slug: "b", title: "B", description: nil, parent: "a"),
            Theme(slug: "c", title: "C", description: nil, parent: "b"),
            Theme(slug: "d", title: "D", description: nil, parent: "a"),
            Theme(slug: "e", title: "E", description: nil, parent: "e"),
        ]
        #expect(ThemeTree.cycles(in: themes) == [["a", "c", "b"], ["e"]])
        let tree = ThemeTree(themes: themes)
        #expect(tree.ancestors(of: "d") == ["a"], "a theme on a loop keeps no parent, so walking up always ends")
    }

    @Test func grandchildCountsOnThePageIndexFeedAndFacetOfItsGrandparent() async throws {
        var files = SearchSite.files()
        files["data/themes.yaml"] = Self.threeLevels
        let lesson = SearchSite.document(
            "lessons", "LL-2026-009", title: "Lights on the night corridor", date: "2026-04-01",
            themes: ["night-falls"])
        files[lesson.0] = lesson.1
        let (site, output, report) = try await SearchSite.build(files)
        defer { SearchSite.remove(site, output) }
        #expect(report.status == .success)

        let analysis = try await AnalysisFixture.load(from: site.root).analysis
        #expect(analysis.themes["physical-health"]?.documents.contains { $0.id == "LL-2026-009" } == true)

        let page = try #require(SearchSite.read(output + "/themes/physical-health/index.html"))
        #expect(page.contains("Lights on the night corridor"))
        let grandchildPage = try #require(SearchSite.read(output + "/themes/night-falls/index.html"))
        #expect(
            grandchildPage.contains("<a href=\"../../themes/physical-health/\">Physical health</a>"),
            "the breadcrumbs name every ancestor")

        let index = try #require(SearchSite.read(output + "/themes/index.html"))
        #expect(index.contains("<a href=\"../themes/night-falls/\""), "the themes index lists a grandchild theme")

        let feed = try #require(SearchSite.read(output + "/themes/physical-health/feed.xml"))
        #expect(feed.contains("Lights on the night corridor"))

        let meta = try #require(SearchSite.read(output + "/search/meta.json"))
        #expect(meta.contains("\"theme-physical-health\":["))
        #expect(meta.contains("\"theme-falls\":["))
        let search = try #require(SearchSite.read(output + "/search/index.html"))
        // Three documents carry falls or night-falls (SearchSite.files tags two lessons with falls).
        #expect(search.contains("Physical health (3)"), "the facet counts the grandchild's document")
        #expect(search.contains("Falls (3)"))
        #expect(search.contains("Falls at night (1)"))
    }
}

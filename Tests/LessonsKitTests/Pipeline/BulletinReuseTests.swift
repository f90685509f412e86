import Foundation
import Testing

@testable import LessonsKit

/// A bulletin's forms (web, print, e-mail, `.eml`) are taken from the last build without building their models when
/// nothing the issue shows changed: their input key holds the files of the bulletin and of every document it shows or
/// that links to it, the foreword and lead as rendered, and the spotlight's figures. `EditSequenceTests` checks the
/// output stays byte-identical to a clean build's.
@Suite("Bulletin forms from their inputs")
struct BulletinReuseTests {
    func unbuiltForms(_ report: BuildReport) -> Int? { report.verboseCount("bulletin forms not rebuilt") }

    @Test func aBulletinsFormsAreBuiltAgainOnlyWhenWhatTheIssueShowsChanged() async throws {
        var files = [
            "content/bulletins/llb-001.md": BulletinAssemblyTests.bulletin("spotlight: falls"),
            "content/lessons/a.md": BulletinAssemblyTests.lesson("LL-A", date: "2026-05-03", extra: "sources: [INC-1]"),
            "content/lessons/b.md": BulletinAssemblyTests.lesson("LL-B", date: "2026-06-20", extra: "sources: [INC-1]"),
            "content/lessons/late.md": BulletinAssemblyTests.lesson("LL-LATE", date: "2026-09-20"),
            "content/incidents/inc-1.md": BulletinAssemblyTests.incident(
                "INC-1", month: "2026-05", actions: BulletinAssemblyTests.actions),
        ]
        let site = try MiniSite(files: files, site: MiniSite.siteYAML + "\nbulletin:\n  pdf: off\n")
        defer { site.remove() }
        let web = "site-output/bulletins/llb-001/index.html"
        let email = "site-output/bulletins/llb-001/email.html"
        let first = await BuildPipeline.build(site.options())
        #expect(first.status == .success && unbuiltForms(first) == 0)
        // The web, print and e-mail pages and the .eml.
        let all = 4
        // A lesson outside the covered period is in no form.
        try site.write("content/lessons/late.md", try #require(files["content/lessons/late.md"]) + "\nEdited.\n")
        #expect(unbuiltForms(await BuildPipeline.build(site.options())) == all)
        // The lead lesson (the period's newest) is shown in full.
        files["content/lessons/b.md"] = try #require(files["content/lessons/b.md"]) + "\nA lead edited.\n"
        try site.write("content/lessons/b.md", try #require(files["content/lessons/b.md"]))
        #expect(unbuiltForms(await BuildPipeline.build(site.options())) == 0)
        #expect(site.read(web)?.contains("A lead edited.") == true)
        #expect(site.read(email)?.contains("A lead edited.") == true)
        // Another lesson of the period shows as a card: its body is not shown, but it is in the key all the same.
        try site.write("content/lessons/a.md", try #require(files["content/lessons/a.md"]) + "\nNot on a card.\n")
        #expect(unbuiltForms(await BuildPipeline.build(site.options())) == 0)
        #expect(site.read(web)?.contains("Not on a card.") == false)
        #expect(unbuiltForms(await BuildPipeline.build(site.options())) == nil, "nothing changed: no render at all")
        // An incident of the spotlight's theme in its quarters changes its figures; a completed action's text shows.
        try site.write(
            "content/incidents/inc-1.md",
            try #require(files["content/incidents/inc-1.md"]).replacingOccurrences(
                of: "First day of the period", with: "The first day"))
        #expect(unbuiltForms(await BuildPipeline.build(site.options())) == 0)
        #expect(site.read(web)?.contains("The first day") == true)
        // The foreword.
        try site.write(
            "content/bulletins/llb-001.md",
            BulletinAssemblyTests.bulletin("spotlight: falls") + "\nA new foreword line.\n")
        #expect(unbuiltForms(await BuildPipeline.build(site.options())) == 0)
        #expect(site.read(email)?.contains("A new foreword line.") == true)
        var clean = site.options()
        clean.ignoreCache = true
        #expect(unbuiltForms(await BuildPipeline.build(clean)) == 0)
    }
}

import Foundation
import Testing

@testable import LessonsKit

/// Aggregate pages (themes, services, lists, dashboards, home) are taken from the last build without building their
/// model when nothing they show changed: their input keys are made of the listing digests of the documents they show
/// (every field but the body), so a body edit reaches none of them and a title or theme change only those listing the
/// document. `EditSequenceTests` checks the output stays byte-identical to a clean build's.
@Suite("Aggregate pages from their inputs")
struct AggregateReuseTests {
    let decoder = DocumentDecoder(
        config: SiteConfig(title: "T", organisation: "O"),
        data: SiteData(
            themes: [
                Theme(slug: "observation", title: "Observation", description: nil, parent: nil),
                Theme(slug: "falls", title: "Falls", description: nil, parent: nil),
            ],
            directorates: [
                Directorate(
                    slug: "inpatient", title: "Inpatient",
                    services: [
                        Service(slug: "ward-1", title: "Ward 1", directorate: "inpatient"),
                        Service(slug: "ward-2", title: "Ward 2", directorate: "inpatient"),
                    ])
            ]))

    func listing(_ text: String, _ type: DocumentType) throws -> (all: Digest32, actions: Digest32) {
        let (document, diagnostics) = decoder.decode(
            SourceFile(path: "content/x.md", absolutePath: "/x.md", text: text), type: type)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        let decoded = try #require(document)
        return (DocumentListing.digest(decoded), DocumentListing.actionsDigest(decoded))
    }

    @Test func aListingChangesWithEveryFieldButTheBody() throws {
        let lesson = try listing(MiniSite.lesson, .lesson)
        let bodyEdited = MiniSite.lesson + "\n\nAnother paragraph, with a link to [[INC-2026-002]].\n"
        #expect(try listing(bodyEdited, .lesson).all == lesson.all, "the body is on no aggregate page")
        let edits = [
            ("title: Check the observation chart at handover", "title: Another title"),
            ("date: 2026-03-14", "date: 2026-03-15"),
            ("summary: A short summary.", "summary: Another summary."),
            ("themes: [observation]", "themes: [observation, falls]"),
            ("service: ward-1", "service: ward-2"),
            ("  - Check the chart.", "  - Check the chart twice."),
            ("sources: [INC-2026-001]", "sources: [INC-2026-002]"),
            ("reviewed_by: Patient Safety Team", "reviewed_by: Governance Team"),
        ]
        for (field, edited) in edits {
            let text = MiniSite.lesson.replacingOccurrences(of: field, with: edited)
            #expect(text != MiniSite.lesson)
            #expect(try listing(text, .lesson).all != lesson.all, "\(edited)")
        }
        let incident = try listing(MiniSite.incident, .incident)
        #expect(try listing(MiniSite.incident + "\nMore.\n", .incident) == incident)
        let incidentEdits = [
            ("harm: low", "harm: none", false),
            ("response: after-action-review", "response: swarm-huddle", false),
            ("themes: [observation]", "themes: [falls]", false),
            ("owner: Ward Manager, Ward 1", "owner: Matron", true),
            ("due: 2026-06-30", "due: 2026-07-30", true),
            ("status: open", "status: in-progress", true),
            ("title: Missed observation on a night shift", "title: Another", true),
            ("service: ward-1", "service: ward-2", true),
        ]
        for (field, edited, shownWithActions) in incidentEdits {
            let text = MiniSite.incident.replacingOccurrences(of: field, with: edited)
            let digests = try listing(text, .incident)
            #expect(digests.all != incident.all, "\(edited)")
            #expect((digests.actions != incident.actions) == shownWithActions, "\(edited)")
        }
    }

    func aggregatesNotRebuilt(_ report: BuildReport) -> Int? { report.verboseCount("aggregate pages not rebuilt") }

    static let otherIncident = MiniSite.incident.replacingOccurrences(of: "INC-2026-001", with: "INC-2026-002")
        .replacingOccurrences(of: "service: ward-1", with: "service: ward-2")
        .replacingOccurrences(of: "themes: [observation]", with: "themes: [falls]")

    @Test func anAggregatePageIsBuiltAgainOnlyWhenWhatItListsChanged() async throws {
        let site = try MiniSite(files: [
            "content/lessons/ll.md": MiniSite.lesson, "content/incidents/inc.md": MiniSite.incident,
            "content/incidents/other.md": Self.otherIncident,
        ])
        defer { site.remove() }
        let first = await BuildPipeline.build(site.options())
        #expect(first.status == .success && aggregatesNotRebuilt(first) == 0)
        // Pages with input keys: 3 theme pages and the themes index, 3 service pages (the directorate and its two
        // wards), 6 list pages, 4 dashboards (sessions, culture, actions, leads) and the home page; and the 5 CSV
        // exports, each made from the fields it shows of the documents it lists.
        let csv = 5
        let all = 18 + csv
        try site.write("content/incidents/other.md", Self.otherIncident + "\nA body edit.\n")
        #expect(aggregatesNotRebuilt(await BuildPipeline.build(site.options())) == all, "a body is on none of them")
        // Its title shows on the falls theme page, ward 2's and the directorate's pages, the incidents list, the
        // actions dashboard (it has an action) and the home page, and in the incidents and actions exports.
        try site.write("content/incidents/other.md", Self.otherIncident.replacingOccurrences(of: "night", with: "day"))
        let titleEdit = aggregatesNotRebuilt(await BuildPipeline.build(site.options()))
        #expect(titleEdit == all - 6 - 2, "\(String(describing: titleEdit))")
        #expect(site.read("site-output/data/incidents.csv")?.contains("Missed observation on a day shift") == true)
        #expect(site.read("site-output/data/actions.csv")?.contains("Missed observation on a day shift") == true)
        let fallsPage = site.read("site-output/themes/falls/index.html") ?? ""
        #expect(fallsPage.contains("Missed observation on a day shift"))
        // A theme added: both theme pages and the index, its service pages, the incidents list and the home page; the
        // actions dashboard shows no theme. Of the exports, the incidents' (its themes column) and the incidents per
        // theme. (Taking its last document from a theme would drop the theme's feed from every page's head: every page
        // would be built again.)
        try site.write(
            "content/incidents/other.md",
            Self.otherIncident.replacingOccurrences(of: "night", with: "day")
                .replacingOccurrences(of: "themes: [falls]", with: "themes: [falls, observation]"))
        let themesEdit = aggregatesNotRebuilt(await BuildPipeline.build(site.options()))
        #expect(themesEdit == all - 7 - 2, "\(String(describing: themesEdit))")
        #expect(site.read("site-output/themes/observation/index.html")?.contains("on a day shift") == true)
        #expect(site.read("site-output/themes/medication/index.html")?.contains("on a day shift") == false)
        #expect(site.read("site-output/data/incidents.csv")?.contains("Falls; Therapeutic observation") == true)
        // An action's owner: the two theme pages (open actions), ward 2's and the directorate's pages, the incidents
        // list, the actions dashboard and the home page; of the exports, the actions' and the incidents' (made from
        // the incidents' whole listings), not the incidents per theme, sessions or culture.
        try site.write(
            "content/incidents/other.md",
            Self.otherIncident.replacingOccurrences(of: "night", with: "day")
                .replacingOccurrences(of: "themes: [falls]", with: "themes: [falls, observation]")
                .replacingOccurrences(of: "owner: Ward Manager, Ward 1", with: "owner: Matron"))
        let ownerEdit = aggregatesNotRebuilt(await BuildPipeline.build(site.options()))
        #expect(ownerEdit == all - 7 - 2, "\(String(describing: ownerEdit))")
        #expect(site.read("site-output/data/actions.csv")?.contains(#""INC-2026-002/A1","INC-2026-002""#) == true)
        #expect(site.read("site-output/data/actions.csv")?.contains(#""Matron""#) == true)
        var clean = site.options()
        clean.ignoreCache = true
        #expect(aggregatesNotRebuilt(await BuildPipeline.build(clean)) == 0)
    }
}

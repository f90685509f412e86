import Foundation
import Testing

@testable import LessonsKit

/// What a build keeps in memory is kept compactly, and let go once used, without changing what anything reads.
@Suite struct HeldMemoryTests {
    /// Where the bytes of a string too long to be held inline are.
    static func storage(_ text: String) -> UnsafeRawPointer? {
        precondition(text.utf8.count > 15, "a small string has no storage of its own")
        return text.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
    }

    @Test func equalLinkTextsOfTwoPagesAreOneString() {
        let texts = SharedLinkTexts()
        // Made apart, so each page starts with strings of its own.
        func page(_ folder: String) -> HTMLLinks {
            HTMLLinks(
                links: ["../../lessons/" + folder + "/index.html", "../../themes/falls-prevention/", "#main"],
                ids: ["section-" + folder + "-notes", "main"])
        }
        let first = page("ll-2026-001")
        let second = page("ll-2026-001")
        #expect(Self.storage(first.links[0]) != Self.storage(second.links[0]))
        let sharedFirst = texts.shared(first)
        let sharedSecond = texts.shared(second)
        #expect(sharedFirst == first)
        #expect(sharedSecond == second)
        for (a, b) in zip(sharedFirst.links, sharedSecond.links) where a.utf8.count > 15 {
            #expect(Self.storage(a) == Self.storage(b), "\(a)")
        }
        let firstId = sharedFirst.ids.first { $0.hasPrefix("section-") }
        let secondId = sharedSecond.ids.first { $0.hasPrefix("section-") }
        #expect(firstId.map(Self.storage) == secondId.map(Self.storage))
        // Another edition's texts are its own.
        let other = SharedLinkTexts().shared(second)
        #expect(Self.storage(other.links[0]) != Self.storage(sharedFirst.links[0]))
    }

    @Test func aPagesLinksKeptAsNumbersReadBackAsTheTextsInOrderWithTheSameDigests() {
        let texts = SharedLinkTexts()
        let card = texts.shared(HTMLLinks(links: ["../../lessons/ll-2026-001/", "#main"], ids: ["card-1"]))
        let recorded = HTMLLinks(
            links: ["#main", "../../lessons/ll-2026-001/", "../../themes/falls-prevention/", "#main", "a/b\"c & d/"],
            ids: ["main", "section-notes"])
        let numbered = texts.numbered(recorded)
        #expect(numbered.links == recorded.links)
        #expect(numbered.ids == recorded.ids)
        let page = PageLinks.numbered(numbered)
        #expect(page.links == recorded.links && page.ids == recorded.ids && page.recorded == recorded)
        // What the page digests file and the link check record store is the same however the links are held.
        #expect(page == PageLinks(recorded))
        #expect(page.digests == PageLinks(recorded).digests)
        var stored: [UInt8] = []
        var expected: [UInt8] = []
        var storedNumbering = LinkTextNumbering()
        var expectedNumbering = LinkTextNumbering()
        page.appendStoredForm(to: &stored, numbering: &storedNumbering)
        PageLinks(recorded).appendStoredForm(to: &expected, numbering: &expectedNumbering)
        #expect(stored == expected && storedNumbering.texts == expectedNumbering.texts)
        // A text a card kept earlier is the same string on the page.
        #expect(Self.storage(page.links[1]) == Self.storage(card.links[0]))
        // Another page's numbers read back its own texts.
        let other = texts.numbered(HTMLLinks(links: ["../../themes/falls-prevention/", "x/"], ids: []))
        #expect(other.links == ["../../themes/falls-prevention/", "x/"] && other.ids.isEmpty)
        #expect(numbered.links == recorded.links)
    }

    @Test func fieldLocationsAnswerAsTheDictionaryTheyAreMadeFrom() {
        let file = "content/lessons/ll-2026-001.md"
        let locations = [
            "id": SourceLocation(file: file, line: 2, column: 5),
            "title": SourceLocation(file: file, line: 3, column: 8),
            "privacy_reviewed_by": SourceLocation(file: file, line: 14, column: 3),
            "elsewhere": SourceLocation(file: "data/themes.yaml", line: 9, column: 1),
            "far": SourceLocation(file: file, line: Int(UInt32.max) + 2, column: 1),
        ]
        let compact = FieldLocations(locations, file: file)
        #expect(compact.all(file: file) == locations)
        for (key, location) in locations { #expect(compact.location(of: key, file: file) == location) }
        #expect(compact.location(of: "summary", file: file) == nil)
        #expect(compact == FieldLocations(locations, file: file))
        var moved = locations
        moved["title"] = SourceLocation(file: file, line: 3, column: 9)
        #expect(compact != FieldLocations(moved, file: file))
    }

    /// The example's staff edition rendered with its bodies let go as the renderer sees fit, beside the files of a
    /// renderer that keeps every body.
    static func renderLettingBodiesGo(bulletinPDFs: Bool) async throws -> (
        renderer: SiteRenderer, bodies: PreparedBodies, files: [OutputFile], keptFiles: [OutputFile]
    ) {
        let site = try await LoadedSite.loadedForTests(DecodedDocumentCacheTests.repositoryRoot)
        let config = site.config
        let theme = ThemeFiles.load(name: config.theme, siteDirectory: DecodedDocumentCacheTests.repositoryRoot)
        let templates = try #require(TemplateSet.parse(theme).0)
        let edition = try #require(config.edition(named: "staff"))
        let today = PartialDate(year: 2026, month: 11, day: 27)
        let bodies = PreparedBodies(site.bodies)
        let renderer = SiteRenderer(
            site: site, theme: theme, templates: templates, edition: edition, today: today, includeDrafts: false,
            bulletinPDFs: bulletinPDFs, bodies: bodies)
        let (files, _) = await renderer.render(jobs: 2)
        let (keptFiles, _) = await SiteRenderer(
            site: site, theme: theme, templates: templates, edition: edition, today: today, includeDrafts: false,
            bulletinPDFs: bulletinPDFs
        ).render(jobs: 2)
        return (renderer, bodies, files, keptFiles)
    }

    @Test func aBodyIsLetGoOnceItsPageIsMadeButABulletinsAreKeptWhileItsPDFIsPlanned() async throws {
        let (renderer, bodies, files, keptFiles) = try await Self.renderLettingBodiesGo(bulletinPDFs: true)
        #expect(!renderer.bulletins.plannedPDFs.isEmpty)
        // The same pages as a renderer that keeps every body.
        #expect(files == keptFiles)

        var leads: Set<String> = []
        for bulletin in renderer.content.documents(of: .bulletin) {
            if case .bulletin(let details) = bulletin.details, let lead = details.lead {
                leads.insert(lead.value.lowercased())
            }
        }
        #expect(!leads.isEmpty, "the example has a bulletin with a lead lesson")
        for document in renderer.content.documents {
            let kept = [.bulletin, .lesson].contains(document.type) || leads.contains(document.slug)
            #expect((bodies[document.path] != nil) == kept, "\(document.path)")
        }
        // The bulletin pages made again after the render (as the PDF stage does) still show their bodies.
        let again = renderer.bulletins.pagesLinkingPDFs(renderer.bulletins.plannedPDFs)
        #expect(!again.isEmpty)
        let byPath = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        for page in again { #expect(byPath[page.path] == page, "\(page.path)") }
    }

    @Test func withNoBulletinPDFPlannedEveryBodyIsLetGoOnceTheDocumentAndBulletinPagesAreMade() async throws {
        let (renderer, bodies, files, keptFiles) = try await Self.renderLettingBodiesGo(bulletinPDFs: false)
        #expect(renderer.bulletins.plannedPDFs.isEmpty)
        #expect(files == keptFiles)
        #expect(renderer.content.documents.contains { $0.type == .bulletin })
        for document in renderer.content.documents { #expect(bodies[document.path] == nil, "\(document.path)") }
    }

    @Test(arguments: [false, true])
    func bodiesPlainTextsAreLetGoOnceTheSearchIndexIsMade(bulletinPDFs: Bool) async throws {
        let (renderer, bodies, files, keptFiles) = try await Self.renderLettingBodiesGo(bulletinPDFs: bulletinPDFs)
        #expect(files == keptFiles)
        for document in renderer.content.documents {
            #expect(bodies.plainText(of: document) == nil, "\(document.path)")
        }
        // The index holds a word found only in a body, so the texts were read before they went.
        let site = try await LoadedSite.loadedForTests(DecodedDocumentCacheTests.repositoryRoot)
        let shards = files.compactMap { file -> String? in
            guard file.path.hasPrefix(SearchPages.folder + "t"), case .bytes(let bytes) = file.contents else {
                return nil
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        #expect(!shards.isEmpty)
        let entries = renderer.search.searchDocuments.map { document in
            let body = site.bodies[document.path]?.plainText ?? ""
            return (document, Set(SearchIndex.terms(of: body)))
        }
        let allOther = Set(
            entries.flatMap { document, _ in
                SearchIndex.terms(of: [document.title, document.summary ?? "", document.id].joined(separator: " "))
            })
        let bodyOnly = entries.flatMap(\.1).filter { !allOther.contains($0) && $0.count > 4 }
        #expect(!bodyOnly.isEmpty)
        for term in bodyOnly.sorted().prefix(20) {
            #expect(shards.contains { $0.contains("\"" + term + "\"") }, "\(term)")
        }
    }

    @Test func aSearchIndexKeepsItsEntriesWithoutTheirTextAndIndexesTheSame() {
        let entries = (0..<3).map { number in
            SearchEntry(
                title: "Falls at night \(number)", folder: "lessons/ll-2026-00\(number)/", type: .lesson,
                dateText: "", summary: "", facets: ["type-lessons"],
                fields: [
                    .init(SearchWeight.title, "Falls at night \(number)"),
                    .init(SearchWeight.body, "The handover was rushed on ward \(number)."),
                ])
        }
        let index = SearchIndex(entries: entries)
        let textless = index.entries.allSatisfy { $0.fields.isEmpty }
        #expect(textless)
        let folders = index.entries.map(\.folder)
        #expect(folders == entries.map(\.folder))
        #expect(index.search("handover").sorted() == [0, 1, 2])
        #expect(index.search("falls handover ward").count == 3)
    }

    @Test func aPlainTextIsKeptAfterItsBodyIsLetGoUntilTheSearchIsDone() async throws {
        let site = try await LoadedSite.loadedForTests(DecodedDocumentCacheTests.repositoryRoot)
        let incident = try #require(site.corpus.documents.first { $0.type == .incident })
        let text = try #require(site.bodies[incident.path]?.plainText)
        let bodies = PreparedBodies(site.bodies)
        bodies.release(incident)
        #expect(bodies[incident.path] == nil)
        #expect(bodies.plainText(of: incident) == text)
        bodies.plainTextsDone()
        #expect(bodies.plainText(of: incident) == nil)
    }

    @Test func aLessonsBodyGoesWithItsPageOnceTheBulletinPagesAreMade() async throws {
        let site = try await LoadedSite.loadedForTests(DecodedDocumentCacheTests.repositoryRoot)
        let lessons = site.corpus.documents.filter { $0.type == .lesson }
        try #require(lessons.count >= 2)
        let bodies = PreparedBodies(site.bodies)
        bodies.release(lessons[0])
        #expect(bodies[lessons[0].path] != nil, "the bulletin pages may still show it")
        bodies.bulletinPagesMade()
        #expect(bodies[lessons[0].path] == nil, "its page and the bulletin pages are made")
        #expect(bodies[lessons[1].path] != nil, "its page is not made yet")
        bodies.release(lessons[1])
        #expect(bodies[lessons[1].path] == nil)
    }

    @Test func keptBodiesGoWhenTheLastReaderIsDone() async throws {
        let site = try await LoadedSite.loadedForTests(DecodedDocumentCacheTests.repositoryRoot)
        let lesson = try #require(site.corpus.documents.first { $0.type == .lesson })
        let bodies = PreparedBodies(site.bodies)
        bodies.release(lesson)
        #expect(bodies[lesson.path] != nil, "a lesson's body is kept for the bulletins")
        bodies.readerDone(of: 2)
        #expect(bodies[lesson.path] != nil, "one reader is still rendering")
        bodies.readerDone(of: 2)
        #expect(bodies[lesson.path] == nil)
    }
}

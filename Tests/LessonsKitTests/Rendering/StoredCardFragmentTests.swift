import Foundation
import Synchronization
import Testing

@testable import LessonsKit

/// Card fragments kept between builds (``StoredCardFragments``, ``CardFragmentFile``): a list page takes the cards of
/// unchanged items from the last build, renders the others, and a stored table that cannot be trusted is ignored.
@Suite struct StoredCardFragmentTests {
    typealias Item = PartialFragmentTests.Item
    typealias List = PartialFragmentTests.List

    static let card = "<a href=\"{{href}}\" id=\"c-{{title}}\">{{title}}</a>\n"

    /// The list template with cards from `stored`, as a build's edition would have it.
    static func templates(_ stored: StoredCardFragments, card: String = card) throws -> TemplateSet {
        var templates = try PartialFragmentTests.templates(list: PartialFragmentTests.list, card: card)
        templates.reuse = PageReuse(seed: [], previous: [:], cardFragments: stored) { _ in nil }
        templates.startEdition()
        return templates
    }

    static func entries(_ stored: StoredCardFragments) throws -> [Digest32: HTMLFragment?] {
        var table: [Digest32: HTMLFragment?] = [:]
        for entry in try #require(stored.entries()) { table[entry.key] = .some(entry.fragment) }
        return table
    }

    struct LazyList: TemplateFields {
        let heading: String
        let items: LazyRows
        var templateFields: TemplateValue.Fields { ["heading": heading, "items": items] }
    }

    @Test func cardsOfLazyRowsAreMadeOneAtATimeAndKeptForOtherPages() throws {
        let items = (0..<4).map { Item(title: "t\($0)", href: "h\($0)/") }
        let store = StoredCardFragments { [:] }
        let templates = try Self.templates(store)
        // How many cards the store held when each row was made: with one row made and converted at a time, row i is
        // made once the cards of the rows before it were rendered (all made first, each would see none).
        let seen = Mutex<[Int]>([])
        let rows = LazyRows(items, keepsFragments: true) { item -> Any in
            seen.withLock { $0.append(store.counts.rendered) }
            return item
        }
        let page = templates.render("list", LazyList(heading: "H", items: rows))
        let cards = items.map { "<a href=\"\($0.href)\" id=\"c-\($0.title)\">\($0.title)</a>\n" }.joined()
        #expect(page.text == "<h1>H</h1>\n" + cards + "<p>end</p>\n")
        #expect(page.links?.links == items.map(\.href))
        #expect(seen.withLock { $0 } == [0, 1, 2, 3], "each row made once, after the cards before it")
        #expect(store.counts == (reused: 0, rendered: 4), "the cards are kept for other pages")
        // Another page listing the same items (eagerly) takes their cards from the store.
        let marked = try Self.entries(store).mapValues { fragment in
            fragment.map { HTMLFragment(html: "*" + $0.html, links: $0.links) }
        }
        let next = StoredCardFragments { [:] }
        for (key, fragment) in marked { next.record(key, fragment, size: 32) }
        let other = try Self.templates(next).render("list", List(heading: "H", items: items))
        let starred: [String] = items.map { "*<a href=\"\($0.href)\" id=\"c-\($0.title)\">\($0.title)</a>\n" }
        #expect(other.text == "<h1>H</h1>\n" + starred.joined() + "<p>end</p>\n")
    }

    static func card(_ title: String, summary: String? = nil) -> Card {
        Card(
            title: title, href: title + "/", typeName: "Lesson", isDraft: false, themes: [], meta: [], dateText: nil,
            summary: summary, keyMessages: nil)
    }

    @Test func cardsAreFoundByTheirTypedFieldsAndRenderedAsTheirConvertedModels() throws {
        let card = "<a href=\"{{href}}\">{{title}}</a>{{#.summary}}<p>{{.}}</p>{{/.summary}}\n"
        let cards = [Self.card("a"), Self.card("b", summary: "s"), Self.card("a")]
        let store = StoredCardFragments { [:] }
        let page = try Self.templates(store, card: card).render(
            "list", LazyList(heading: "H", items: LazyRows(cards, keepsFragments: true) { $0 }))
        // The same page as the cards' converted models give Mustache.
        let plain = try PartialFragmentTests.unrewritten(list: PartialFragmentTests.list, card: card).render(
            "list", LazyList(heading: "H", items: LazyRows(cards) { $0 }))
        #expect(page.text == plain.text)
        #expect(
            page.text
                == "<h1>H</h1>\n<a href=\"a/\">a</a>\n<a href=\"b/\">b</a><p>s</p>\n<a href=\"a/\">a</a>\n<p>end</p>\n")
        #expect(store.counts == (reused: 0, rendered: 2), "one fragment per distinct card")
        // The next build finds each card by its typed fields among the stored ones (marked here) and renders none.
        let next = StoredCardFragments { [:] }
        for (key, fragment) in try Self.entries(store) {
            next.record(key, fragment.map { HTMLFragment(html: "*" + $0.html, links: $0.links) }, size: 32)
        }
        let again = try Self.templates(next, card: card).render(
            "list", LazyList(heading: "H", items: LazyRows(cards, keepsFragments: true) { $0 }))
        #expect(
            again.text
                == "<h1>H</h1>\n*<a href=\"a/\">a</a>\n*<a href=\"b/\">b</a><p>s</p>\n*<a href=\"a/\">a</a>\n<p>end</p>\n"
        )
    }

    /// A row keyed by its typed fields that counts how often it is converted for Mustache.
    /// A row keyed by its typed fields that counts how often it is converted for Mustache (in ``conversions``: one
    /// test reads it).
    struct CountedRow: TemplateFields, FragmentKeyed {
        static let conversions = Mutex(0)
        let title: String
        var templateFields: TemplateValue.Fields {
            Self.conversions.withLock { $0 += 1 }
            return ["title": title]
        }
        func appendFragmentKey(to key: inout [UInt8]) {
            FragmentKeyBytes.text("counted row 1", to: &key)
            FragmentKeyBytes.text(title, to: &key)
        }
    }

    @Test func aRowFoundByItsTypedFieldsIsNotConverted() throws {
        let card = "<a id=\"c-{{title}}\">{{title}}</a>\n"
        let rows = { LazyRows(["a", "b", "a"], keepsFragments: true) { CountedRow(title: $0) } }
        let store = StoredCardFragments { [:] }
        CountedRow.conversions.withLock { $0 = 0 }
        let page = try Self.templates(store, card: card).render("list", LazyList(heading: "H", items: rows()))
        #expect(page.text.contains("<a id=\"c-b\">b</a>"))
        #expect(CountedRow.conversions.withLock { $0 } == 2, "each distinct row converted once, to be rendered")
        let next = StoredCardFragments { [:] }
        for (key, fragment) in try Self.entries(store) { next.record(key, fragment, size: 32) }
        CountedRow.conversions.withLock { $0 = 0 }
        let again = try Self.templates(next, card: card).render("list", LazyList(heading: "H", items: rows()))
        #expect(again.text == page.text)
        #expect(CountedRow.conversions.withLock { $0 } == 0, "every row found by its key, none converted")
    }

    @Test func everyFieldOfACardIsInItsFragmentKey() {
        func key(_ card: Card) -> [UInt8] {
            var key: [UInt8] = []
            card.appendFragmentKey(to: &key)
            return key
        }
        let base = Card(
            title: "t", href: "h/", typeName: "Lesson", isDraft: false,
            themes: [ThemeLink(title: "Falls", href: "f/", slug: "falls")],
            meta: [Card.Meta(label: "Service", value: "Ward 1")], dateText: "May 2026", summary: "s",
            keyMessages: ["k"], location: nil, formatText: nil, facilitator: nil)
        var variants: [Card] = []
        func vary(_ change: (inout Card) -> Void) {
            var card = base
            change(&card)
            variants.append(card)
        }
        vary { $0.title = "u" }
        vary { $0.href = "i/" }
        vary { $0.typeName = "Incident" }
        vary { $0.isDraft = true }
        vary { $0.themes = [] }
        vary { $0.themes = [ThemeLink(title: "Falls", href: "f/", slug: "fall")] }
        vary { $0.themes = [ThemeLink(title: "Fall", href: "f/", slug: "falls")] }
        vary { $0.meta = [Card.Meta(label: "Service", value: "Ward 2")] }
        vary { $0.meta = [Card.Meta(label: "Team", value: "Ward 1")] }
        vary { $0.dateText = nil }
        vary { $0.summary = nil }
        vary { $0.summary = "" }
        vary { $0.keyMessages = nil }
        vary { $0.keyMessages = [] }
        vary { $0.keyMessages = ["k", "l"] }
        vary { $0.location = "Room 1" }
        vary { $0.formatText = "Online" }
        vary { $0.facilitator = "A. N. Other" }
        // Two texts that run together the same way are told apart by their lengths.
        vary {
            $0.title = "th/"
            $0.href = ""
        }
        let keys = ([base] + variants).map(key)
        #expect(Set(keys).count == keys.count, "each change gives another key")
        #expect(key(base) == key(base))
        #expect(Mirror(reflecting: base).children.count == 12, "a field added to Card belongs in its fragment key")
    }

    @Test func aReleasedStoreHoldsNoCardReadsNoneAndRecordsNone() throws {
        let items = [Item(title: "a", href: "x/"), Item(title: "b", href: "y/")]
        let first = StoredCardFragments { [:] }
        let templates = try Self.templates(first)
        let page = templates.render("list", List(heading: "H", items: items))
        let table = try Self.entries(first)
        let loads = Mutex(0)
        let store = StoredCardFragments {
            loads.withLock { $0 += 1 }
            return StoredCardTable(table)
        }
        let edited = [Item(title: "a", href: "x/"), Item(title: "c", href: "z/")]
        _ = try Self.templates(store).render("list", List(heading: "H", items: edited))
        #expect(store.counts == (reused: 1, rendered: 1))
        store.release()
        #expect(store.counts == (reused: 1, rendered: 1), "the counts of the render stay")
        #expect(store.entries() == nil, "nothing is left to store")
        let key = try #require(table.keys.first)
        #expect(store.card(key) == nil && store.renderedCard(key) == nil)
        #expect(loads.withLock { $0 } == 1, "the last build's table is not read again")
        // A page rendered after the release renders its own cards, the same, and the store records none.
        let again = try Self.templates(store).render("list", List(heading: "H", items: items))
        #expect(again.text == page.text)
        #expect(store.entries() == nil)
        #expect(store.counts == (reused: 1, rendered: 1))
    }

    @Test func aBuildThatFailsAfterItsRenderLeavesTheLastCardsInPlace() async throws {
        let site = try MiniSite(files: [
            "content/lessons/ll.md": MiniSite.lesson, "content/incidents/inc.md": MiniSite.incident,
        ])
        defer { site.remove() }
        #expect(await BuildPipeline.build(site.options()).status == .success)
        let folder = BuildCacheFolder(siteDirectory: site.root, directory: nil)
        let path = folder.cardFragmentsPath(edition: "staff")
        let stored = try #require(FileManager.default.contents(atPath: path))
        // The incident's card is rendered again (a theme added), and a problem is found only after the render: an
        // attachment named like the lessons' list page (the collision check).
        try site.write(
            "content/incidents/inc.md",
            MiniSite.incident.replacingOccurrences(of: "themes: [observation]", with: "themes: [falls, observation]"))
        try site.write("content/lessons/index.html", "<p>not the page</p>")
        try site.write("content/lessons/ll.md", MiniSite.lesson + "\n\nSee [the copy](index.html).\n")
        #expect(await BuildPipeline.build(site.options()).status == .contentErrors)
        #expect(FileManager.default.contents(atPath: path) == stored)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/derived")
        #expect(!names.contains { $0.contains(".tmp-") }, "no temporary file is left")
        // Without the problem, the same build stores its cards.
        try FileManager.default.removeItem(atPath: site.root + "/content/lessons/index.html")
        try site.write("content/lessons/ll.md", MiniSite.lesson)
        #expect(await BuildPipeline.build(site.options()).status == .success)
        #expect(FileManager.default.contents(atPath: path) != stored)
    }

    @Test func aStoredCardIsUsedAndTheCardOfAChangedItemIsRendered() throws {
        let items = [Item(title: "a", href: "x/"), Item(title: "b", href: "y/")]
        let first = StoredCardFragments { [:] }
        let page = try Self.templates(first).render("list", List(heading: "H", items: items))
        #expect(
            page.text == "<h1>H</h1>\n<a href=\"x/\" id=\"c-a\">a</a>\n<a href=\"y/\" id=\"c-b\">b</a>\n<p>end</p>\n")
        #expect(first.counts == (reused: 0, rendered: 2))
        let table = try Self.entries(first)
        #expect(table.count == 2)

        // Each stored card marked, so that the page shows which cards came from the table.
        let marked = table.mapValues { fragment in
            fragment.map {
                HTMLFragment(html: $0.html.replacingOccurrences(of: "<a", with: "<a data-s"), links: $0.links)
            }
        }
        let second = StoredCardFragments { StoredCardTable(marked) }
        let edited = [Item(title: "a", href: "x/"), Item(title: "b", href: "z/")]
        let rebuilt = try Self.templates(second).render("list", List(heading: "Other", items: edited))
        #expect(
            rebuilt.text
                == "<h1>Other</h1>\n<a data-s href=\"x/\" id=\"c-a\">a</a>\n<a href=\"z/\" id=\"c-b\">b</a>\n<p>end</p>\n"
        )
        #expect(rebuilt.links?.links == ["x/", "z/"])
        #expect(rebuilt.links?.ids == ["c-a", "c-b"])
        #expect(second.counts == (reused: 1, rendered: 1))
        // Stored for the next build: the card rendered, the one used, and the last build's other card.
        let next = try #require(second.entries())
        #expect(next.count == 3)
        #expect(Set(next.map(\.key)).isSuperset(of: table.keys))

        // A build that renders no card keeps the stored file as it is.
        let idle = StoredCardFragments { StoredCardTable(marked) }
        _ = try Self.templates(idle).render("list", List(heading: "H", items: items))
        #expect(idle.counts == (reused: 2, rendered: 0))
        #expect(idle.entries() == nil)
    }

    @Test func aCardRenderedEarlierInTheBuildIsAnsweredByTheCardStore() throws {
        let items = [Item(title: "a", href: "x/"), Item(title: "b", href: "y/")]
        let first = StoredCardFragments { [:] }
        _ = try Self.templates(first).render("list", List(heading: "H", items: items))
        // The same cards, marked, as if this build had rendered them for an earlier page: the edition's cache does not
        // hold them a second time, so the page takes them from the store.
        let second = StoredCardFragments { [:] }
        for (key, fragment) in try Self.entries(first) {
            let marked = fragment.map {
                HTMLFragment(html: $0.html.replacingOccurrences(of: "<a", with: "<a data-r"), links: $0.links)
            }
            second.record(key, marked, size: 32 + (marked?.html.utf8.count ?? 0))
        }
        let templates = try Self.templates(second)
        for heading in ["H", "Again"] {
            let page = templates.render("list", List(heading: heading, items: items))
            #expect(
                page.text
                    == "<h1>\(heading)</h1>\n<a data-r href=\"x/\" id=\"c-a\">a</a>\n<a data-r href=\"y/\" id=\"c-b\">b</a>\n"
                    + "<p>end</p>\n")
            #expect(page.links?.links == ["x/", "y/"])
        }
        #expect(second.counts == (reused: 0, rendered: 2))
    }

    @Test func aCardThatReadsThePageIsStoredAsNoneAndRenderedInThePage() throws {
        let card = "<p>{{title}}: {{heading}}</p>\n"
        let items = [Item(title: "a", href: "x/"), Item(title: "b", href: "y/", heading: "own")]
        let first = StoredCardFragments { [:] }
        _ = try Self.templates(first, card: card).render("list", List(heading: "One", items: items))
        let table = try Self.entries(first)
        #expect(table.values.filter { $0 == nil }.count == 1)
        let bytes = CardFragmentFile.encoded(Array(table.map { ($0.key, $0.value) }), seed: [1, 2])
        let second = StoredCardFragments { CardFragmentFile.decoded(bytes, seed: [1, 2]) }
        let page = try Self.templates(second, card: card).render("list", List(heading: "Two", items: items))
        #expect(page.text == "<h1>Two</h1>\n<p>a: Two</p>\n<p>b: own</p>\n<p>end</p>\n")
        #expect(second.counts == (reused: 2, rendered: 0))
    }

    @Test func entriesStopAtTheCapacityRenderedCardsFirst() throws {
        let items = (0..<6).map { Item(title: "t\($0)", href: "h\($0)/") }
        let first = StoredCardFragments { [:] }
        _ = try Self.templates(first).render("list", List(heading: "H", items: items))
        let table = try Self.entries(first)
        let size = try #require(table.values.first??.html.utf8.count) + 32
        let second = StoredCardFragments(capacity: 2 * size + size / 2) { StoredCardTable(table) }
        _ = try Self.templates(second).render(
            "list", List(heading: "H", items: [items[0], Item(title: "new", href: "n/")]))
        let kept = try #require(second.entries())
        #expect(kept.count == 2)
        #expect(kept[0].fragment?.html.contains("new") == true)
        #expect(kept[1].fragment?.html.contains("t0") == true)
    }

    @Test func aStoreRecordsAndKeepsCardsUpToItsOwnCapacity() throws {
        let items = (0..<6).map { Item(title: "t\($0)", href: "h\($0)/") }
        let roomy = StoredCardFragments { [:] }
        let page = try Self.templates(roomy).render("list", List(heading: "H", items: items))
        let size = try #require(try Self.entries(roomy).values.first??.html.utf8.count) + 32
        #expect(roomy.counts.rendered == 6)
        // Room for two cards and a half: the page is the same, and only the first two are recorded and stored.
        let small = StoredCardFragments(capacity: 2 * size + size / 2) { [:] }
        let same = try Self.templates(small).render("list", List(heading: "H", items: items))
        #expect(same.text == page.text)
        #expect(small.counts.rendered == 2)
        #expect(try #require(small.entries()).count == 2)
    }

    @Test func aLargerSiteHasRoomForAllItsCards() {
        // A 10,000-document site's cards took 22 MB (about 2.2 KB a document); a 100,000-document site's, 217 MB.
        #expect(PartialFragments.capacity(documents: 0) == PartialFragments.minimumCapacity)
        #expect(PartialFragments.capacity(documents: 10_000) >= 22_000_000)
        #expect(PartialFragments.capacity(documents: 100_000) >= 217_000_000)
        #expect(PartialFragments.capacity(documents: 200_000) == 2 * PartialFragments.capacity(documents: 100_000))
    }

    @Test func aFewCardsRenderedBesideALargeStoredTableLeaveItAsItIs() throws {
        let items = (0..<80).map { Item(title: "t\($0)", href: "h\($0)/") }
        let first = StoredCardFragments { [:] }
        _ = try Self.templates(first).render("list", List(heading: "H", items: items))
        let table = try Self.entries(first)
        #expect(table.count == 80)
        // One item changed: its card is rendered, and the stored table is not written again.
        var edited = items
        edited[3] = Item(title: "changed", href: "c/")
        let one = StoredCardFragments { StoredCardTable(table) }
        let page = try Self.templates(one).render("list", List(heading: "H", items: edited))
        #expect(page.text.contains("<a href=\"c/\" id=\"c-changed\">changed</a>"))
        #expect(one.counts == (reused: 79, rendered: 1))
        #expect(one.entries() == nil)
        // Three changed (more than a 32nd of the table's bytes): the table is written, the new cards first.
        edited[5] = Item(title: "changed5", href: "c5/")
        edited[7] = Item(title: "changed7", href: "c7/")
        let three = StoredCardFragments { StoredCardTable(table) }
        _ = try Self.templates(three).render("list", List(heading: "H", items: edited))
        #expect(three.counts == (reused: 77, rendered: 3))
        let next = try #require(three.entries())
        #expect(next.count == 83)
        #expect(next.prefix(3).allSatisfy { $0.fragment?.html.contains("changed") == true })
    }

    @Test func aStoredCardIsDecodedOnlyWhenAPageAsksForIt() throws {
        let items = (0..<5).map { Item(title: "t\($0)", href: "h\($0)/") }
        let first = StoredCardFragments { [:] }
        _ = try Self.templates(first).render("list", List(heading: "H", items: items))
        let table = try Self.entries(first)
        let bytes = CardFragmentFile.encoded(Array(table.map { ($0.key, $0.value) }), seed: [4])
        let file = CardFragmentFile.decoded(bytes, seed: [4])
        #expect(file.count == 5)
        #expect(file.size == table.values.reduce(0) { $0 + 32 + ($1?.html.utf8.count ?? 0) })
        let asked = Mutex<[Int]>([])
        let keys = Array(file.keys)
        let places = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        let lazy = StoredCardFragments {
            StoredCardTable(places: places, size: file.size) { place in
                asked.withLock { $0.append(place) }
                return file[keys[place]]
            }
        }
        let page = try Self.templates(lazy).render(
            "list", List(heading: "H", items: [items[1], Item(title: "new", href: "n/"), items[1]]))
        #expect(page.text.contains("<a href=\"h1/\" id=\"c-t1\">t1</a>"))
        #expect(asked.withLock { $0.count } == 1, "one stored card asked for, decoded once")
        #expect(lazy.counts == (reused: 1, rendered: 1))
    }

    static let sample: [StoredCardFragments.Entry] = [
        (
            Digest32(words: (1, 2, 3, 4)),
            HTMLFragment(
                html: "<a href=\"x/\" id=\"é\">card</a>", links: HTMLLinks(links: ["x/", "#t"], ids: ["é", "b"]))
        ),
        (Digest32(words: (5, 6, 7, 8)), nil),
        (Digest32(words: (9, 9, 9, 9)), HTMLFragment(html: "", links: HTMLLinks())),
    ]

    @Test func theFileRoundTripsAndIsIgnoredWhenItCannotBeTrusted() throws {
        let seed: [UInt8] = Array(repeating: 7, count: 32)
        let bytes = CardFragmentFile.encoded(Self.sample, seed: seed)
        let table = CardFragmentFile.decoded(bytes, seed: seed)
        #expect(table.count == 3)
        for entry in Self.sample { #expect(table[entry.key] == .some(entry.fragment)) }

        // Other templates or another tool (another seed).
        #expect(CardFragmentFile.decoded(bytes, seed: Array(repeating: 8, count: 32)).isEmpty)
        #expect(CardFragmentFile.decoded(bytes, seed: []).isEmpty)
        for damaged in DamagedCacheFile.copies(of: bytes) {
            #expect(CardFragmentFile.decoded(damaged.bytes, seed: seed).isEmpty, "\(damaged.damage)")
        }
        // The same key twice, with a valid checksum.
        let twice = CardFragmentFile.encoded(Self.sample + [Self.sample[1]], seed: seed)
        #expect(CardFragmentFile.decoded(twice, seed: seed).isEmpty)
        // Not a cards file at all.
        #expect(CardFragmentFile.decoded(Array("LSSC not this".utf8), seed: seed).isEmpty)
    }

    @Test func aRebuildTakesUnchangedCardsFromTheLastBuildAndIgnoresADamagedFile() async throws {
        let site = try MiniSite(files: [
            "content/lessons/ll-1.md": MiniSite.lesson,
            "content/incidents/inc-1.md": MiniSite.incident,
        ])
        defer { site.remove() }
        /// The "cards reused n/m" counts of a build, checked against a clean build of the same site.
        func build(_ label: String) async throws -> (reused: Int, total: Int) {
            let report = await BuildPipeline.build(site.options())
            #expect(report.status == .success, "\(report.diagnostics)")
            var clean = site.options()
            clean.ignoreCache = true
            clean.output = site.root + "/clean-output"
            clean.cacheDirectory = site.root + "/.clean-cache"
            #expect(await BuildPipeline.build(clean).status == .success)
            let difference = try FolderComparison.differences(site.root + "/site-output", site.root + "/clean-output")
            #expect(difference.isEmpty, "\(label): \(difference)")
            let line = try #require(report.stageTimings.map(\.stage).first { $0.contains("cards reused") })
            let numbers = try #require(line.split(separator: " ").last).split(separator: "/").compactMap { Int($0) }
            return (numbers[0], numbers[1])
        }
        let first = try await build("first")
        #expect(first.reused == 0 && first.total > 0)
        let path = BuildCacheFolder(siteDirectory: site.root, directory: nil).cardFragmentsPath(edition: "staff")
        let stored = try #require(FileManager.default.contents(atPath: path))

        // One incident's themes changed: its card is rendered again, the lesson's comes from the last build.
        try site.write(
            "content/incidents/inc-1.md",
            MiniSite.incident.replacingOccurrences(of: "themes: [observation]", with: "themes: [falls, observation]"))
        let second = try await build("themes changed")
        #expect(second.reused > 0 && second.reused < second.total)

        let damaged = [Data(), Data("LCRD".utf8), stored.prefix(stored.count / 2), stored.dropLast(1)]
        for (number, damage) in damaged.enumerated() {
            try damage.write(to: URL(fileURLWithPath: path))
            try site.write(
                "content/incidents/inc-1.md",
                MiniSite.incident.replacingOccurrences(of: "title: Missed", with: "title: Edit \(number) missed"))
            let counts = try await build("damage \(number)")
            #expect(counts.reused == 0 && counts.total > 0, "damage \(number)")
        }

        // The card template changed: no stored card is used.
        let card = try #require(EmbeddedDefaultTheme.files["templates/partials/card.mustache"])
        try site.write(
            "themes/default/templates/partials/card.mustache",
            String(decoding: card, as: UTF8.self).replacingOccurrences(of: "card__title", with: "card__heading"))
        let restyled = try await build("card template changed")
        #expect(restyled.reused == 0 && restyled.total > 0)
        #expect(site.read("site-output/incidents/index.html")?.contains("card__heading") == true)
    }
}

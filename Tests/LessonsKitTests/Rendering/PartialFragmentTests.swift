import Foundation
import Mustache
import Synchronization
import Testing

@testable import LessonsKit

/// Partials rendered once per distinct item (`PartialFragments`) write the same bytes, and record the same links, as
/// the partial rendered in the page; calls that could depend on more than the item are left to Mustache.
struct PartialFragmentTests {
    struct Item: TemplateFields {
        let title: String
        let href: String
        var heading: String? = nil
        var templateFields: TemplateValue.Fields { ["title": title, "href": href, "heading": heading] }
    }

    struct List: TemplateFields {
        let heading: String
        let items: [Item]
        var templateFields: TemplateValue.Fields { ["heading": heading, "items": items] }
    }

    static func templates(list: String, card: String, extra: [String: String] = [:]) throws -> TemplateSet {
        var files: [String: ThemeFiles.File] = [:]
        for name in ["layout", "home", "document", "notfound"] {
            files["templates/\(name).mustache"] = .init(bytes: Array("x".utf8), displayPath: name)
        }
        files["templates/list.mustache"] = .init(bytes: Array(list.utf8), displayPath: "list")
        files["templates/partials/card.mustache"] = .init(bytes: Array(card.utf8), displayPath: "card")
        for (name, text) in extra {
            files["templates/\(name).mustache"] = .init(bytes: Array(text.utf8), displayPath: name)
        }
        return try #require(TemplateSet.parse(ThemeFiles(files: files)).0)
    }

    static let list = "<h1>{{heading}}</h1>\n{{#items}}\n{{> card}}\n{{/items}}\n<p>end</p>\n"

    @Test func aCardFromItsFragmentIsTheCardRenderedInThePage() throws {
        let card = "<a href=\"{{href}}\" id=\"c-{{title}}\">{{title}}</a>\n<a href=\"#top\">top</a>\n"
        let templates = try Self.templates(list: Self.list, card: card)
        let items = [Item(title: "a&b", href: "x/"), Item(title: "c", href: "y/")]
        let expected =
            "<h1>H</h1>\n<a href=\"x/\" id=\"c-a&amp;b\">a&amp;b</a>\n<a href=\"#top\">top</a>\n"
            + "<a href=\"y/\" id=\"c-c\">c</a>\n<a href=\"#top\">top</a>\n<p>end</p>\n"
        // The second and third renders take both cards from the fragments the first rendered.
        for heading in ["H", "H", "H"] {
            let page = templates.render("list", List(heading: heading, items: items))
            #expect(page.text == expected)
            #expect(page.links?.links == ["x/", "#top", "y/", "#top"])
            #expect(page.links?.ids == ["c-a&b", "c-c"])
        }
    }

    @Test func aCardThatReadsThePageIsRenderedInThePage() throws {
        // `heading` climbs to the page when the item has none, so that item's card cannot come from a fragment.
        let templates = try Self.templates(list: Self.list, card: "<p>{{title}}: {{heading}}</p>\n")
        let items = [Item(title: "a", href: "x/"), Item(title: "b", href: "y/", heading: "own")]
        for heading in ["One", "Two"] {
            let page = templates.render("list", List(heading: heading, items: items))
            #expect(page.text == "<h1>\(heading)</h1>\n<p>a: \(heading)</p>\n<p>b: own</p>\n<p>end</p>\n")
        }
    }

    @Test func onlyCallsThatDependOnTheItemAloneAreRewritten() {
        let card = "<p>{{title}}</p>\n"
        func rewritten(_ templates: [String: String]) -> Set<String> {
            Set(PartialFragmentRewrite.rewrite(templates).itemPartials)
        }
        #expect(rewritten(["list": Self.list, "card": card]) == ["card"])
        // Indented (Mustache indents every line of the partial), not in a section, or not alone on its line.
        #expect(rewritten(["list": "{{#items}}\n  {{> card}}\n{{/items}}\n", "card": card]).isEmpty)
        #expect(rewritten(["list": "{{> card}}\n", "card": card]).isEmpty)
        #expect(rewritten(["list": "{{#items}}<li>{{> card}}</li>{{/items}}\n", "card": card]).isEmpty)
        // The partial calls another partial, or sets its own delimiters or content type.
        #expect(rewritten(["list": Self.list, "card": "{{> other}}\n", "other": "x"]).isEmpty)
        #expect(rewritten(["list": Self.list, "card": "{{=<% %>=}}\n"]).isEmpty)
        // The calling template is itself included with indentation; a block is indented somewhere in the theme.
        #expect(rewritten(["list": Self.list, "card": card, "page": "{{> list}}\n"]) == ["card"])
        #expect(rewritten(["list": Self.list, "card": card, "page": "<div>\n  {{> list}}\n</div>\n"]).isEmpty)
        #expect(
            rewritten(["list": Self.list, "card": card, "layout": "<main>\n  {{$main}}{{/main}}\n</main>\n"]).isEmpty)
        // Inside a comment nothing is a tag.
        #expect(rewritten(["list": "{{#items}}\n{{! a\n{{> card}}\n}}\n{{/items}}\n", "card": card]).isEmpty)
    }

    @Test func theDefaultThemesCardsAreRewritten() {
        var texts: [String: String] = [:]
        for (path, bytes) in EmbeddedDefaultTheme.files where path.hasPrefix("templates/") {
            let name = path.split(separator: "/").last.map { String($0.dropLast(".mustache".count)) } ?? path
            texts[name] = String(decoding: bytes, as: UTF8.self)
        }
        let result = PartialFragmentRewrite.rewrite(texts)
        // Cards, and the rows of the open-actions tables (theme and service pages and the actions dashboard, called
        // with two spaces, and with four in its service groups) and of the figures' tables (two sections each).
        #expect(
            result.itemPartials == [
                "card", "lessons-rows-ss-actionlist-0", "lessons-rows-ssss-actionlist-0", "lessons-rows-ss-figure-0",
                "lessons-rows-ss-figure-1", "lessons-rows-ssss-figure-0", "lessons-rows-ssss-figure-1",
            ])
        #expect(Set(result.generated.keys).isSuperset(of: ["lessons-indented-ss-actionlist"]))
        #expect(result.texts["theme"]?.contains("  {{> lessons-indented-ss-actionlist}}\n") == true)
        #expect(result.texts["unit"]?.contains("  {{> lessons-indented-ss-actionlist}}\n") == true)
        #expect(result.pagePartials.isSuperset(of: ["header", "footer", "breadcrumbs"]))
        #expect(Set(result.texts.keys).isSuperset(of: ["list", "theme", "unit", "layout"]))
    }

    struct Row: TemplateFields {
        let text: String
        var href = "d/"
        var note: String? = nil
        var owner: String? = nil
        var templateFields: TemplateValue.Fields { ["text": text, "href": href, "note": note, "owner": owner] }
    }

    /// `count` rows whose texts, links and owners repeat, every other one without a note.
    static func rows(_ count: Int) -> [Row] {
        (0..<count).map {
            Row(text: "r\($0 % 6)&", href: "d\($0 % 3)/", note: $0 % 2 == 0 ? "n\($0)" : nil, owner: "o\($0 % 4)")
        }
    }

    /// A list template calling `rows` from indented lines, as rewritten for fragments and as plain Mustache renders it
    /// (an indented block keeps the rewrite off).
    static func rowTemplates(list: String) throws -> (fragments: TemplateSet, plain: TemplateSet) {
        (
            try templates(list: list, card: "x", extra: ["partials/rows": rowList]),
            try templates(
                list: list, card: "x",
                extra: ["partials/rows": rowList, "indented": "<main>\n  {{$main}}{{/main}}\n</main>\n"])
        )
    }

    struct Table: TemplateFields {
        let caption: String
        let rows: [Row]
        var owner = "page owner"
        var templateFields: TemplateValue.Fields { ["caption": caption, "rows": rows, "owner": owner] }
    }

    struct Tables: TemplateFields {
        let heading: String
        let first: Table?
        let second: Table?
        var templateFields: TemplateValue.Fields { ["heading": heading, "first": first, "second": second] }
    }

    /// A partial looping over rows of several lines, with sections and a link in them, as `actionlist` does.
    static let rowList = """
        <table>
          <caption>{{caption}}</caption>
          <tbody>
            {{#rows}}
            <tr{{#.note}} class="noted"{{/.note}}>
              <td><a href="{{href}}">{{text}}</a></td>
              {{#.note}}
              <td>{{.}}</td>
              {{/.note}}
              <td>{{owner}}</td>
            </tr>
            {{/rows}}
          </tbody>
        </table>

        """

    @Test func anIndentedPartialsRowsComeFromFragmentsWithTheBytesMustacheWrites() throws {
        // Called with two spaces in one section and a tab and a space in another: each call its own copy.
        let list =
            "<h1>{{heading}}</h1>\n{{#first}}\n<div>\n  {{> rows}}\n</div>\n{{/first}}\n{{#second}}\n\t {{> rows}}\n{{/second}}\n"
        let calls = PartialFragmentRewrite.rewrite(["list": list, "rows": Self.rowList, "card": "x"])
        #expect(calls.itemPartials == ["lessons-rows-ss-rows-0", "lessons-rows-ts-rows-0"])
        let (templates, plain) = try Self.rowTemplates(list: list)
        for count in [0, 1, 2, 5, 40] {
            let rows = Self.rows(count)
            let tables = Tables(
                heading: "H", first: Table(caption: "One", rows: rows),
                second: Table(caption: "Two", rows: rows.reversed()))
            let expected = plain.render("list", tables)
            #expect(expected.text.contains("<tr") == (count > 0))
            // The second render takes every row from the fragments of the first.
            for _ in 0..<2 {
                let page = templates.render("list", tables)
                #expect(page.text == expected.text)
                #expect(page.links == expected.links)
            }
        }
    }

    struct LazyTable: TemplateFields {
        let caption: String
        let rows: LazyRows
        var templateFields: TemplateValue.Fields { ["caption": caption, "rows": rows] }
    }

    struct LazyTables: TemplateFields {
        let heading: String
        let first: LazyTable
        let second: LazyTable
        var templateFields: TemplateValue.Fields { ["heading": heading, "first": first, "second": second] }
    }

    @Test func lazyRowsOfAnIndentedPartialComeFromFragmentsMadeOnceWithTheBytesMustacheWrites() throws {
        // As the actions dashboard: tables whose rows are made as the template reaches them, in indented partials.
        let list =
            "<h1>{{heading}}</h1>\n{{#first}}\n<div>\n  {{> rows}}\n</div>\n{{/first}}\n{{#second}}\n    {{> rows}}\n{{/second}}\n"
        let (templates, plain) = try Self.rowTemplates(list: list)
        for count in [0, 1, 2, 5, 40] {
            let rows = Self.rows(count)
            let made = Mutex(0)
            func lazy(_ rows: [Row]) -> LazyRows {
                LazyRows(rows) { row -> Any in
                    made.withLock { $0 += 1 }
                    return row
                }
            }
            let eager = Tables(
                heading: "H", first: Table(caption: "One", rows: rows), second: Table(caption: "Two", rows: rows))
            let expected = plain.render("list", eager)
            #expect(expected.text.contains("<tr") == (count > 0))
            for _ in 0..<2 {
                made.withLock { $0 = 0 }
                let page = templates.render(
                    "list",
                    LazyTables(
                        heading: "H", first: LazyTable(caption: "One", rows: lazy(rows)),
                        second: LazyTable(caption: "Two", rows: lazy(rows))))
                #expect(page.text == expected.text)
                #expect(page.links == expected.links)
                // Each table's rows are made once: the section and the inverted section share one lookup.
                #expect(made.withLock { $0 } == 2 * count)
            }
        }
        // Lazy rows are written for their page alone: neither kept nor stored for the next build, as rows in an array
        // are (the actions dashboard's thousands would fill the cards' room).
        let stored = StoredCardFragments { [:] }
        var storing = templates
        storing.reuse = PageReuse(seed: [], previous: [:], cardFragments: stored) { _ in nil }
        storing.startEdition()
        // Rows with owners of their own: each has a fragment (a row without one reads its table's).
        let rows = [Row(text: "a", owner: "o"), Row(text: "b", note: "n", owner: "p")]
        let lazyPage = storing.render(
            "list",
            LazyTables(
                heading: "H", first: LazyTable(caption: "One", rows: LazyRows(rows) { $0 }),
                second: LazyTable(caption: "Two", rows: LazyRows(rows) { $0 })))
        #expect(lazyPage.text.contains("<td><a href=\"d/\">b</a></td>"))
        #expect(stored.counts.rendered == 0)
        _ = storing.render(
            "list",
            Tables(heading: "H", first: Table(caption: "One", rows: rows), second: Table(caption: "Two", rows: rows)))
        #expect(stored.counts.rendered == 4)
    }

    @Test func rowsThatReadThePageOrAListThatIsNotTheTopsRenderAsMustacheWould() throws {
        let list = "{{#first}}\n  {{> rows}}\n{{/first}}\n{{#second}}\n  {{> rows}}\n{{/second}}\n"
        let (templates, plain) = try Self.rowTemplates(list: list)
        // A row without an owner writes the table's (it climbs past the item): that table's rows run in the page; a
        // table without rows of its own loops over the page's, found further up.
        struct Page: TemplateFields {
            let first: Table
            let second: [String: String]
            let rows: [Row]
            var templateFields: TemplateValue.Fields { ["first": first, "second": second, "rows": rows] }
        }
        let rows = [Row(text: "a", owner: "own"), Row(text: "b"), Row(text: "c", note: "n", owner: "x")]
        let page = Page(first: Table(caption: "T", rows: rows), second: ["caption": "S"], rows: rows)
        let expected = plain.render("list", page)
        #expect(expected.text.contains("<td>page owner</td>"))
        for _ in 0..<2 {
            let rendered = templates.render("list", page)
            #expect(rendered.text == expected.text)
            #expect(rendered.links == expected.links)
        }
    }

    @Test func onlySectionsWhoseBodyDependsOnTheItemAloneAreRows() {
        func rows(_ text: String) -> [String] { PartialFragmentRewrite.rowSections(in: Array(text.utf8)).map(\.name) }
        #expect(rows(Self.rowList) == ["rows"])
        #expect(rows("{{#a}}\nx\n{{/a}}\n{{#b}}\n{{#c}}\ny\n{{/c}}\n{{/b}}\n") == ["a", "b"])
        // Not alone on their lines, empty, a transform inside (it may read the item's place), a name with a dot.
        #expect(rows("<ul>{{#a}}\nx\n{{/a}}\n").isEmpty)
        #expect(rows("{{#a}}\nx\n{{/a}}</ul>\n").isEmpty)
        #expect(rows("{{#a}}\n{{/a}}\n").isEmpty)
        #expect(rows("{{#a}}\n{{^last(a)}},{{/last(a)}}\n{{/a}}\n").isEmpty)
        #expect(rows("{{#a.b}}\nx\n{{/a.b}}\n").isEmpty)
        // A call with indentation of a partial without row sections is left as it is.
        let calls = PartialFragmentRewrite.rewrite(["list": "{{#t}}\n  {{> p}}\n{{/t}}\n", "p": "<p>{{x}}</p>\n"])
        #expect(calls.generated.isEmpty && calls.texts.isEmpty)
    }

    /// A theme whose templates are never rewritten (a block is indented), to compare pages with.
    static func unrewritten(list: String, card: String) throws -> TemplateSet {
        try templates(list: list, card: card, extra: ["indented": "<main>\n  {{$main}}{{/main}}\n</main>\n"])
    }

    @Test func aSectionOfCardsIsWrittenFromTheirFragmentsJoined() throws {
        let card = "<a href=\"{{href}}\" id=\"c-{{title}}\">{{title}}</a>\n<a href=\"#top\">top</a>\n"
        let rewritten = PartialFragmentRewrite.rewrite(["list": Self.list, "card": card]).texts["list"] ?? ""
        #expect(rewritten.contains("{{#.lessonsJoin.items.card}}"))
        let templates = try Self.templates(list: Self.list, card: card)
        let plain = try Self.unrewritten(list: Self.list, card: card)
        #expect(plain.render("list", List(heading: "H", items: [])).text == "<h1>H</h1>\n<p>end</p>\n")
        for count in [0, 1, 3, 40] {
            let items = (0..<count).map { Item(title: "t\($0 % 7)&", href: "d\($0)/") }
            let expected = plain.render("list", List(heading: "H", items: items))
            for _ in 0..<2 {
                let page = templates.render("list", List(heading: "H", items: items))
                #expect(page.text == expected.text)
                #expect(page.links == expected.links)
            }
        }
    }

    @Test func aSectionThatIsNotOnlyTheCallOrFindsItsListFurtherUpRendersAsMustacheWould() throws {
        struct Group: TemplateFields {
            let title: String
            var items: [Item]? = nil
            var templateFields: TemplateValue.Fields { ["title": title, "items": items] }
        }
        struct Groups: TemplateFields {
            let groups: [Group]
            let items: [Item]
            var flag = true
            var templateFields: TemplateValue.Fields { ["groups": groups, "items": items, "flag": flag] }
        }
        let card = "<p><a href=\"{{href}}\">{{title}}</a> in {{heading}}</p>\n"
        // A group without items loops over the page's; a flag section keeps the page on top; a second line in the
        // section, and a section that is not closed on the next line, keep the section as it is.
        for list in [
            "{{#groups}}\n<h2>{{title}}</h2>\n{{#items}}\n{{> card}}\n{{/items}}\n{{/groups}}\n",
            "{{#flag}}\n{{> card}}\n{{/flag}}\n{{#items}}\n{{> card}}\n{{/items}}\n",
            "{{#items}}\n{{> card}}\n<hr>\n{{/items}}\n{{#items}}\n{{> card}}\n\n{{/items}}\n",
        ] {
            let templates = try Self.templates(list: list, card: card)
            let plain = try Self.unrewritten(list: list, card: card)
            let own = [Item(title: "own", href: "o/", heading: "group")]
            let root = Groups(
                groups: [Group(title: "A", items: own), Group(title: "B"), Group(title: "C", items: [])],
                items: [Item(title: "page", href: "p/", heading: "root"), Item(title: "x", href: "x/", heading: "y")])
            let expected = plain.render("list", root)
            #expect(!expected.text.isEmpty)
            let page = templates.render("list", root)
            #expect(page.text == expected.text)
            #expect(page.links == expected.links)
        }
    }

    static let page = "<h1>{{heading}}</h1>\n{{> header}}\n<p>end</p>\n"

    @Test func aPagePartialIsReusedForPagesThatGiveItTheSameValues() throws {
        // The header reads `title`, and `heading` only when there is no title: what it read decides the reuse.
        let header = "<a href=\"{{href}}\">{{title}}{{^title}}{{heading}}{{/title}}</a>\n"
        let templates = try Self.templates(list: Self.page, card: "x", extra: ["partials/header": header])
        struct Root: TemplateFields {
            let heading: String
            var title: String? = nil
            var href: String = "x/"
            var templateFields: TemplateValue.Fields { ["heading": heading, "title": title, "href": href] }
        }
        for (root, line) in [
            (Root(heading: "A", title: "T"), "<a href=\"x/\">T</a>"),
            (Root(heading: "B", title: "T"), "<a href=\"x/\">T</a>"),
            (Root(heading: "C"), "<a href=\"x/\">C</a>"), (Root(heading: "D"), "<a href=\"x/\">D</a>"),
            (Root(heading: "E", title: "T", href: "y/"), "<a href=\"y/\">T</a>"),
            (Root(heading: "F", title: "T"), "<a href=\"x/\">T</a>"),
        ] {
            let page = templates.render("list", root)
            #expect(page.text == "<h1>\(root.heading)</h1>\n\(line)\n<p>end</p>\n")
            #expect(page.links?.links == [root.href])
        }
    }

    @Test func aPagePartialWritingTheWholeRootIsNotRewritten() {
        let calls = PartialFragmentRewrite.rewrite(["list": Self.page, "header": "{{#.}}x{{/.}}\n"])
        #expect(calls.pagePartials.isEmpty && calls.texts.isEmpty)
        let page = PartialFragmentRewrite.rewrite(["list": Self.page, "header": "{{title}}\n"])
        #expect(page.pagePartials == ["header"])
    }

    @Test func aJoinedSectionLeavesAPlaceInThePageAndIsWrittenThereAfterwards() {
        let render = PartialFragments.Render(library: MustacheLibrary(), cache: PartialFragments(), splicing: true)
        let cards = JoinedFragments(fragments: [
            HTMLFragment(html: "<a href=\"x/\">x</a>", links: HTMLLinks(links: ["x/"])),
            HTMLFragment(html: "<b>é</b>", links: HTMLLinks(ids: ["b"])),
        ])
        let other = JoinedFragments(fragments: [HTMLFragment(html: "<i>", links: HTMLLinks())])
        let recorder = LinkRecorder()
        let (first, second) = PartialFragments.$render.withValue(render) {
            LinkRecorder.$current.withValue(recorder) { (cards.renderText, other.renderText) }
        }
        // The places are short, and the fragments' links are recorded where they stand.
        #expect(first.utf8.count < 4 && second.utf8.count < 4)
        #expect(recorder.recorded.links == ["x/"] && recorder.recorded.ids == ["b"])
        let page = render.splice(into: "<p>" + first + "</p>" + second)
        #expect(page == .bytes(Array("<p><a href=\"x/\">x</a><b>é</b></p><i>".utf8)))
        // Handed on as runs of the page's text and the fragments, not joined in one buffer.
        guard case .spliced(let runs) = page else {
            Issue.record("not spliced")
            return
        }
        #expect(runs.runs.count == 6 && runs.text == Array(("<p>" + first + "</p>" + second).utf8))
        // A NUL of the page's own, a place missing or out of order: the page is to be rendered again.
        #expect(render.splice(into: "\u{0}" + first + second) == nil)
        #expect(render.splice(into: first) == nil)
        #expect(render.splice(into: second + first) == nil)
        // Without a place to leave (a fragment rendering, or no splicing), the section is written in full.
        let plain = PartialFragments.Render(library: MustacheLibrary(), cache: PartialFragments())
        #expect(PartialFragments.$render.withValue(plain) { cards.renderText } == "<a href=\"x/\">x</a><b>é</b>")
    }

    @Test func aPlaceEndsItsLineWhenItsFragmentsDo() {
        func joined(_ htmls: [String]) -> JoinedFragments {
            JoinedFragments(fragments: htmls.map { HTMLFragment(html: $0, links: HTMLLinks()) })
        }
        #expect(
            joined(["<tr>\n", "<tr>\n"]).endsLine && joined(["a", "\n"]).endsLine && joined(["a\n", ""]).endsLine)
        #expect(joined(["\n"]).endsLine && joined(["", "\n", ""]).endsLine)
        #expect(!joined(["a\r\n"]).endsLine && !joined(["a\r", "\n"]).endsLine && !joined(["a\n", "b"]).endsLine)
        #expect(!joined([]).endsLine && !joined([""]).endsLine)
        let render = PartialFragments.Render(library: MustacheLibrary(), cache: PartialFragments(), splicing: true)
        let (rows, crlf) = PartialFragments.$render.withValue(render) {
            (joined(["<tr>1</tr>\n", "<tr>2</tr>\n"]).renderText, joined(["<p>\r\n"]).renderText)
        }
        // Mustache indents the next line of an indented partial only after a line feed: the place ends with one.
        #expect(rows.hasSuffix("\n") && !crlf.hasSuffix("\n"))
        #expect(
            render.splice(into: rows + "  </tbody>\n" + crlf + "x")
                == .bytes(Array("<tr>1</tr>\n<tr>2</tr>\n  </tbody>\n<p>\r\nx".utf8)))
        // The place's line feed is written by its fragments: a place without it is not one of the places.
        #expect(render.splice(into: String(rows.dropLast()) + "  </tbody>" + crlf) == nil)
    }

    @Test func aPageWithNULsOfItsOwnBesideJoinedSectionsIsTheSameAsMustachesPage() throws {
        let card = "<a href=\"{{href}}\">{{title}}</a>\n"
        let cards = "{{#items}}\n{{> card}}\n{{/items}}\n"
        let list = "<h1>{{heading}}</h1>\n" + cards + "<p>{{heading}}</p>\n" + cards
        let templates = try Self.templates(list: list, card: card)
        let plain = try Self.unrewritten(list: list, card: card)
        for heading in ["H", "\u{0}", "\u{0}0\u{0}", "\u{0}1\u{0}", "a\u{0}"] {
            let items = [Item(title: "a\u{0}b", href: "x/"), Item(title: "c", href: "\u{0}0\u{0}")]
            let expected = plain.render("list", List(heading: heading, items: items))
            let page = templates.render("list", List(heading: heading, items: items))
            #expect(page.bytes == expected.bytes)
            // Spliced unless the page's own NULs leave its places in doubt (it is then rendered again, whole).
            if heading == "H" {
                guard case .spliced = page.contents else {
                    Issue.record("not spliced")
                    return
                }
            }
            #expect(page.links == expected.links)
        }
    }
}

import Foundation
import Synchronization
import Testing

@testable import LessonsKit

/// Rows made as the template looks them up (`LazyRows`) render exactly as the same rows in an array.
struct LazyRowsTests {
    struct Row: TemplateFields {
        let title: String
        var note: String? = nil
        var templateFields: TemplateValue.Fields { ["title": title, "note": note] }
    }

    struct Eager: TemplateFields {
        let heading: String
        let rows: [Row]
        var templateFields: TemplateValue.Fields { ["heading": heading, "rows": rows] }
    }

    struct Lazy: TemplateFields {
        let heading: String
        let rows: LazyRows
        var templateFields: TemplateValue.Fields { ["heading": heading, "rows": rows] }
    }

    /// Sections, inverted sections, transforms, a climb from a row to the page and the list's position names.
    static let list = """
        <h1>{{heading}}</h1>
        {{#first(rows)}}
        <ul data-count="{{count(rows)}}">
          {{#rows}}
          <li{{#first()}} class="first"{{/first()}}>{{title}} ({{heading}}){{#.note}} – {{.}}{{/.note}}</li>
          {{/rows}}
        </ul>
        {{/first(rows)}}
        {{^first(rows)}}
        <p>None.</p>
        {{/first(rows)}}
        {{^rows}}<p>Empty.</p>{{/rows}}

        """

    @Test func lazyRowsRenderAsTheSameRowsInAnArray() throws {
        let templates = try PartialFragmentTests.templates(list: Self.list, card: "x")
        let rows = [Row(title: "a & b"), Row(title: "c", note: "<n>"), Row(title: "d")]
        for count in [0, 1, 3] {
            let made = Mutex(0)
            let lazy = LazyRows(Array(rows.prefix(count))) { row -> Any in
                made.withLock { $0 += 1 }
                return row
            }
            #expect(made.withLock { $0 } == 0, "no row is made before the template looks the list up")
            let expected = templates.render("list", Eager(heading: "H", rows: Array(rows.prefix(count))))
            let page = templates.render("list", Lazy(heading: "H", rows: lazy))
            #expect(page.text == expected.text)
            #expect(page.links == expected.links)
            #expect(count == 0 || page.text.contains("<li class=\"first\">a &amp; b (H)</li>"))
        }
    }

    @Test func eachLookupMakesTheRowsAgain() {
        let made = Mutex(0)
        let rows = LazyRows(["a", "b"]) { title -> Any in
            made.withLock { $0 += 1 }
            return Row(title: title)
        }
        let first = rows.representation as? [Any]
        #expect(first?.count == 2)
        #expect(((first?.first as? TemplateValue)?.child(named: "title") as? TemplateText)?.text == "a")
        _ = rows.representation
        #expect(made.withLock { $0 } == 4)
    }
}

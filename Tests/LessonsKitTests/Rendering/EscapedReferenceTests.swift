import Testing

@testable import LessonsKit

@Suite struct EscapedReferenceTests {
    @Test(arguments: [
        #"\[\[NOPE\]\]"#, #"\[[NOPE]]"#, #"[[NOPE\]]"#, "&#91;&#91;NOPE]]", "[&#x5B;NOPE]]", #"[[NO\-PE]]"#,
    ])
    func escapedBracketsAreNotAReference(_ written: String) {
        let markdown = "Before \(written) after [[YES]]."
        #expect(MarkdownRenderer.references(in: markdown).map(\.id) == ["YES"])
        var asked: [String] = []
        let html = MarkdownRenderer.render(
            markdown, options: MarkdownOptions(unsafeHTML: false, smartPunctuation: false)
        ) { request in
            if case .reference(let id) = request { asked.append(id) }
            return .unresolved
        }.html
        #expect(asked == ["YES"])
        #expect(html.contains("[["))
    }

    @Test func referenceAfterEscapesOnTheSameLineKeepsItsColumn() {
        let markdown = #"\[\[A\]\] &amp; é [[B]]"#
        let references = MarkdownRenderer.references(in: markdown)
        #expect(references == [BodyReference(id: "B", line: 1, column: 19)])
    }
}

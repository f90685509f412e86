import Testing

@testable import LessonsKit

/// A body parsed once and filled per page gives the same HTML, problems and plain text as parsing it for each page.
@Suite struct PreparedMarkdownTests {
    static let bodies: [String] = [
        "See [[LL-2026-001]] and [the incident](INC-2026-001).\n\n![Chart of falls](images/chart.png \"Falls\")\n\n"
            + "[](LL-1) empty link and [[ll-2]].",
        "```table\n| A | B |\n|---|---|\n| [[LL-1]] | [x](doc.pdf#p2) |\n| ![pic](p.png) | [](LL-3) |\n```\n\nAfter [[LL-2]].",
        "Intro\n\n![](missing.png)\n\nAfter",
        "- ![](a.png)\n- [[LL-1]]\n- ![alt *emphasis*\nsecond line](b.png)\n",
        "[![alt text](pic.png)](LL-1) and [![](pic.png)](LL-2)",
        "[bad](javascript:alert(1)) then [[LL-1]] and ![](javascript:x)",
        "# Title [[LL-1]]\n\n`[[LL-2]]` code\n\n    [[LL-3]] block\n\n> quoted [[LL-4]]",
        "\\[\\[LL-1\\]\\] and [[LL-1]] and &#91;&#91;LL-2&#93;&#93;",
        "[see](LL-1 \"the lesson\") and [](LL-2 \"titled\")",
        "[file](my%20file.pdf?x=1#top) and [other](<with space.txt>) and ![i](<a b.png> 'q')",
        "![a [b](LL-1) c](pic.png) and ![a [](LL-2) c](pic.png)",
        "lessonshole text [[LL-1]] lessonsholex [x](LL-2)",
        "<a href=\"x\">raw</a> [[LL-1]] [y](LL-2) <b>bold</b> ![a <i>b</i>](c.png)",
        "[see [[LL-1]]](LL-2) and [[LL-[x](LL-3)]] and [[LL-![1](p.png)]]",
        "[](empty.pdf) and [](LL-9)",
        "No links at all, just text.",
    ]

    /// Resolvers a page could use: everything linked (with hrefs cmark must escape), nothing published, nothing
    /// found, and a mixture.
    static func resolver(_ name: String) -> (LinkRequest) -> LinkResolution {
        var count = 0
        return { request in
            count += 1
            switch (name, request) {
            case ("link", .reference(let id)):
                return .link(href: "../../lessons/\(id.lowercased())/", title: "Title of \(id) & <co> \"q\"")
            case ("link", .relativePath(let path)): return .link(href: "files/" + path, title: "")
            case ("odd", .reference(let id)):
                return .link(href: " a&b'c\"d<e>f{g}|h\\i^j`k[l]m é%20/\(id)?x=1#y", title: "")
            case ("odd", .relativePath(let path)): return .link(href: "ü & ' \(path)", title: "t")
            case ("hidden", .reference): return .plainText(title: "(not published in this edition)")
            case ("hidden", .relativePath): return .unresolved
            case ("mixed", .reference(let id)):
                return count % 3 == 0
                    ? .unresolved : count % 3 == 1 ? .plainText(title: id) : .link(href: id, title: id)
            case ("mixed", .relativePath(let path)): return count % 2 == 0 ? .unresolved : .link(href: path, title: "")
            default: return .unresolved
            }
        }
    }

    @Test(arguments: [false, true])
    func fillingTheOneParseMatchesAFullRenderForEveryResolver(unsafeHTML: Bool) {
        let options = MarkdownOptions(unsafeHTML: unsafeHTML, smartPunctuation: true)
        for body in Self.bodies {
            let prepared = PreparedMarkdown(body, options: options)
            let kept = MarkdownRenderer.render(body, options: options) { _ in .keep }
            #expect(prepared.plainText == kept.plainText, "\(body)")
            #expect(prepared.references == MarkdownRenderer.references(in: body), "\(body)")
            for name in ["link", "odd", "hidden", "mixed", "other"] {
                var asked: [LinkRequest] = []
                var fullAsked: [LinkRequest] = []
                let resolve = Self.resolver(name)
                let filled = prepared.render {
                    asked.append($0)
                    return resolve($0)
                }
                let resolveAgain = Self.resolver(name)
                let full = MarkdownRenderer.render(body, options: options) {
                    fullAsked.append($0)
                    return resolveAgain($0)
                }
                #expect(filled.html == full.html, "\(name): \(body)")
                #expect(filled.problems == full.problems, "\(name): \(body)")
                #expect(asked == fullAsked, "the resolver is asked the same questions in the same order")
            }
        }
    }

    @Test func aBodyIsParsedOnceHoweverManyTimesItIsFilled() {
        let counter = MarkdownParseCounter()
        MarkdownParseCounter.$current.withValue(counter) {
            let prepared = PreparedMarkdown("See [[LL-1]] and [x](LL-2).", options: MarkdownOptions())
            for name in ["link", "hidden", "mixed"] { _ = prepared.render(resolve: Self.resolver(name)) }
        }
        #expect(counter.count == 1)
    }

    @Test func escapesHrefsAndTextAsCmarkDoes() {
        #expect(PreparedMarkdown.escapedHref("a b&c'd\"é") == "a%20b&amp;c&#x27;d%22%C3%A9")
        #expect(PreparedMarkdown.escapedText("a & <b> \"c\" 'd'") == "a &amp; &lt;b&gt; &quot;c&quot; 'd'")
    }
}

import Testing

@testable import LessonsKit

/// A resolver for a small imaginary site: INC-2026-014 is published, GOV-2026-001 exists but is not
/// in this edition, `poster.pdf` and `images/chart.png` are attachments; everything else is unknown.
private func siteResolver(_ request: LinkRequest) -> LinkResolution {
    switch request {
    case .reference(let id) where id.lowercased() == "inc-2026-014":
        .link(href: "/incidents/inc-2026-014/", title: "Missed observation on Ward 3")
    case .reference(let id) where id.lowercased() == "gov-2026-001":
        .plainText(title: "Board paper on staffing")
    case .reference:
        .unresolved
    case .relativePath(let path) where path == "poster.pdf" || path == "images/chart.png":
        .link(href: "/incidents/inc-2026-014/\(path)", title: "")
    case .relativePath:
        .unresolved
    }
}

private func render(_ markdown: String, options: MarkdownOptions = MarkdownOptions()) -> RenderedMarkdown {
    MarkdownRenderer.render(markdown, options: options, resolve: siteResolver)
}

@Suite("Markdown renderer")
struct MarkdownRendererTests {
    // MARK: References

    @Test func rendersWikiLinkWithDocumentTitle() {
        let result = render("See [[INC-2026-014]] for details.")
        #expect(
            result.html
                == "<p>See <a href=\"/incidents/inc-2026-014/\">Missed observation on Ward 3</a> for details.</p>\n")
        #expect(result.problems.isEmpty)
    }

    @Test func resolvesIdLikeLinkDestinationKeepingItsText() {
        let result = render("Read [the incident](INC-2026-014).")
        #expect(result.html == "<p>Read <a href=\"/incidents/inc-2026-014/\">the incident</a>.</p>\n")
    }

    @Test func emptyLinkTextToIdGetsDocumentTitle() {
        let result = render("[](INC-2026-014)")
        #expect(result.html.contains(">Missed observation on Ward 3</a>"))
    }

    @Test func rendersPlainTextOutsideEdition() {
        let result = render("Discussed in [[GOV-2026-001]] and [the paper](GOV-2026-001).")
        #expect(result.html == "<p>Discussed in Board paper on staffing and the paper.</p>\n")
        #expect(!result.html.contains("<a"))
        #expect(
            result.problems == [
                MarkdownProblem(kind: .linkOutsideEdition("GOV-2026-001"), line: 1, column: 14),
                MarkdownProblem(kind: .linkOutsideEdition("GOV-2026-001"), line: 1, column: 35),
            ])
    }

    @Test func reportsUnresolvedReferenceWithLocation() {
        // "é" is two UTF-8 bytes and "💡" four: the column counts scalars, not bytes.
        let result = render("Intro\n\nRéf 💡 [[INC-9999-001]] end")
        #expect(result.html.contains("<p>Réf 💡 INC-9999-001 end</p>"))
        #expect(result.problems == [MarkdownProblem(kind: .unresolvedReference("INC-9999-001"), line: 3, column: 7)])
    }

    @Test func reportsUnresolvedIdLikeLinkAndDropsTheLink() {
        let result = render("- a\n- see [this](NOPE-1)")
        #expect(result.html.contains("<li>see this</li>"))
        #expect(result.problems == [MarkdownProblem(kind: .unresolvedReference("NOPE-1"), line: 2, column: 7)])
    }

    @Test func locatesReferencesAfterEntitiesAndInBlockQuotes() {
        let result = render("> first\n> a &amp; é [[X-1]]")
        #expect(result.problems == [MarkdownProblem(kind: .unresolvedReference("X-1"), line: 2, column: 13)])
    }

    @Test func keepLeavesWikiLinkAsWritten() {
        let result = MarkdownRenderer.render("See [[INC-1]].", options: MarkdownOptions()) { _ in .keep }
        #expect(result.html == "<p>See [[INC-1]].</p>\n")
        #expect(result.problems.isEmpty)
    }

    @Test func ignoresWikiLinksInCodeSpans() {
        var requests: [LinkRequest] = []
        let result = MarkdownRenderer.render(
            "Write `[[INC-2026-014]]` to link.\n\n```\n[[INC-2026-014]]\n```\n", options: MarkdownOptions()
        ) {
            requests.append($0)
            return .unresolved
        }
        #expect(
            result.html
                == "<p>Write <code>[[INC-2026-014]]</code> to link.</p>\n<pre><code>[[INC-2026-014]]\n</code></pre>\n")
        #expect(requests.isEmpty)
        #expect(result.problems.isEmpty)
    }

    @Test func findsReferencesInOrder() {
        let markdown = """
            Début [[INC-2026-014]] then [a lesson](LES-2026-002).
            `[[NOT-1]]` and [site](https://example.org) and [file](poster.pdf)

            ```table
            | Source | Note |
            | --- | --- |
            | [[REV-2026-003]] | ok |
            ```
            """
        #expect(
            MarkdownRenderer.references(in: markdown) == [
                BodyReference(id: "INC-2026-014", line: 1, column: 7),
                BodyReference(id: "LES-2026-002", line: 1, column: 29),
                BodyReference(id: "REV-2026-003", line: 7, column: 3),
            ])
    }

    // MARK: Raw HTML and link safety

    @Test func stripsRawHTMLInSafeMode() {
        let result = render("<div onclick=\"x()\">block</div>\n\nInline <b>bold</b>.")
        #expect(!result.html.contains("<div"))
        #expect(!result.html.contains("<b>"))
        #expect(result.html.contains("<!-- raw HTML omitted -->"))
    }

    @Test func keepsRawHTMLWhenUnsafeAllowed() {
        let result = render("Inline <b>bold</b>.", options: MarkdownOptions(unsafeHTML: true))
        #expect(result.html == "<p>Inline <b>bold</b>.</p>\n")
    }

    @Test(arguments: [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "java&#x09;script:alert(1)",
        "&#x6A;avascript:alert(1)",
        "%6Aavascript:alert(1)",
        "vbscript:msgbox",
        "file:///etc/passwd",
        "data:text/html;base64,PHNjcmlwdD4=",
    ])
    func removesJavascriptLinks(destination: String) {
        for unsafe in [false, true] {
            let result = render("Click [here](\(destination)) now.", options: MarkdownOptions(unsafeHTML: unsafe))
            #expect(result.html == "<p>Click here now.</p>\n")
            #expect(result.problems.count == 1)
            if case .unsafeLinkScheme = result.problems.first?.kind {
            } else {
                Issue.record("expected an unsafe-scheme problem, got \(result.problems)")
            }
            #expect(result.problems.first?.column == 7)
        }
    }

    @Test func removesUnsafeAutolinks() {
        let result = render("<javascript:alert(1)>", options: MarkdownOptions(unsafeHTML: true))
        #expect(!result.html.contains("href"))
        #expect(
            result.problems == [MarkdownProblem(kind: .unsafeLinkScheme("javascript:alert(1)"), line: 1, column: 1)])
    }

    @Test func removesDataImages() {
        let url = "data:image/png;base64,iVBORw0KGgo="
        let result = render("Before ![a red dot](\(url)) after", options: MarkdownOptions(unsafeHTML: true))
        #expect(result.html == "<p>Before a red dot after</p>\n")
        #expect(result.problems == [MarkdownProblem(kind: .unsafeLinkScheme(url), line: 1, column: 8)])
    }

    @Test func keepsHttpMailtoTelAndLocalLinks() {
        let result = render(
            "[w](https://example.org/a?b=1) [m](mailto:team@example.org) [t](tel:+441234) [r](/about/) [f](#top)")
        #expect(result.html.contains("href=\"https://example.org/a?b=1\""))
        #expect(result.html.contains("href=\"mailto:team@example.org\""))
        #expect(result.html.contains("href=\"tel:+441234\""))
        #expect(result.html.contains("href=\"/about/\""))
        #expect(result.html.contains("href=\"#top\""))
        #expect(result.problems.isEmpty)
    }

    // MARK: Attachments and images

    @Test func rewritesRelativeAttachmentPathsKeepingFragment() {
        var requests: [LinkRequest] = []
        let result = MarkdownRenderer.render(
            "[Poster](poster.pdf#page=2) ![Chart](images/chart.png)", options: MarkdownOptions()
        ) {
            requests.append($0)
            return siteResolver($0)
        }
        #expect(Set(requests) == [.relativePath("poster.pdf"), .relativePath("images/chart.png")])
        #expect(result.html.contains("<a href=\"/incidents/inc-2026-014/poster.pdf#page=2\">Poster</a>"))
        #expect(result.html.contains("<img src=\"/incidents/inc-2026-014/images/chart.png\" alt=\"Chart\" />"))
    }

    @Test func reportsUnresolvedAttachmentPath() {
        let result = render("Get [the slides](slides%20v2.pptx).")
        #expect(result.html == "<p>Get the slides.</p>\n")
        #expect(result.problems == [MarkdownProblem(kind: .unresolvedPath("slides v2.pptx"), line: 1, column: 5)])
    }

    @Test func reportsImageWithoutAlt() {
        let result = render("Text\n\n  ![](images/chart.png)")
        #expect(result.html.contains("alt=\"\""))
        #expect(result.problems == [MarkdownProblem(kind: .imageWithoutAlt("images/chart.png"), line: 3, column: 3)])
    }

    // MARK: Tables

    private let table = """
        ```table
        | Team | Actions | Done |
        | :--- | :-----: | ---: |
        | Ward 3 | 4 | 3 |
        | Ward 7 \\| ICU | 2 |
        ```
        """

    @Test func rendersPipeTableInSafeMode() {
        let result = render(table)
        #expect(
            result.html.hasPrefix(
                "<table class=\"content-table\">\n<thead>\n<tr>\n<th scope=\"col\" class=\"align-left\">Team</th>"))
        #expect(
            result.html.contains(
                "<tbody>\n<tr>\n<td class=\"align-left\">Ward 3</td>\n<td class=\"align-center\">4</td>\n<td class=\"align-right\">3</td>\n</tr>"
            ))
        // The escaped pipe stays in its cell; the short row is padded.
        #expect(
            result.html.contains(
                "<td class=\"align-left\">Ward 7 | ICU</td>\n<td class=\"align-center\">2</td>\n<td class=\"align-right\"></td>"
            ))
        #expect(!result.html.contains("<pre"))
        #expect(!result.html.contains("raw HTML omitted"))
        #expect(result.problems.isEmpty)
    }

    @Test func rendersAlignmentAsClasses() {
        let result = render("```table\na | b | c | d\n--- | :-- | :-: | --:\n1 | 2 | 3 | 4\n```")
        #expect(result.html.contains("<th scope=\"col\">a</th>"))
        #expect(result.html.contains("<td class=\"align-left\">2</td>"))
        #expect(result.html.contains("<td class=\"align-center\">3</td>"))
        #expect(result.html.contains("<td class=\"align-right\">4</td>"))
        #expect(!result.html.contains("style"))
    }

    @Test func escapesHTMLInsideTableCells() {
        let result = render(
            "```table\n| Code | Note |\n|---|---|\n| `<b>` | 1 < 2 & <script>x</script> **bold** |\n```")
        #expect(result.html.contains("<td><code>&lt;b&gt;</code></td>"))
        #expect(
            result.html.contains(
                "<td>1 &lt; 2 &amp; <!-- raw HTML omitted -->x<!-- raw HTML omitted --> <strong>bold</strong></td>"))
        #expect(!result.html.contains("<script"))
    }

    @Test func resolvesLinksInsideTableCellsWithCellPositions() {
        let result = render(
            "Intro\n\n```table\n| Ref | File |\n|---|---|\n| [[INC-2026-014]] | [x](javascript:1) [[NO-1]] |\n```")
        #expect(result.html.contains("<td><a href=\"/incidents/inc-2026-014/\">Missed observation on Ward 3</a></td>"))
        #expect(result.html.contains("<td>x NO-1</td>"))
        #expect(
            result.problems == [
                MarkdownProblem(kind: .unsafeLinkScheme("javascript:1"), line: 6, column: 22),
                MarkdownProblem(kind: .unresolvedReference("NO-1"), line: 6, column: 40),
            ])
    }

    @Test func keepsBlockSyntaxInCellsAsText() {
        let result = render("```table\n| A | B |\n|---|---|\n| # no heading | 1. no list |\n```")
        #expect(result.html.contains("<td># no heading</td>\n<td>1. no list</td>"))
    }

    @Test func reportsMalformedTable() {
        let result = render("Intro é\n\n  ```table\n  | A | B |\n  | x | y |\n  ```")
        #expect(result.html.contains("<pre><code class=\"language-table\">| A | B |\n| x | y |\n</code></pre>"))
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.line == 3)
        #expect(result.problems.first?.column == 3)
        if case .malformedTable(let reason) = result.problems.first?.kind {
            #expect(reason.contains("separator"))
        } else {
            Issue.record("expected a malformed-table problem, got \(result.problems)")
        }
    }

    @Test func reportsSeparatorColumnMismatch() {
        let result = render("```table\n| A | B |\n| --- |\n```")
        #expect(result.problems.map(\.kind) == [.malformedTable("the separator row has 1 column but the header has 2")])
    }

    // MARK: Output shape

    @Test func smartPunctuationCurlsQuotes() {
        let curly = render("\"Stop\" -- it's 5...")
        #expect(curly.html == "<p>\u{201C}Stop\u{201D} \u{2013} it\u{2019}s 5\u{2026}</p>\n")
        let straight = render("\"Stop\" -- it's", options: MarkdownOptions(smartPunctuation: false))
        #expect(straight.html == "<p>&quot;Stop&quot; -- it's</p>\n")
    }

    @Test func omitsSourcePositionAttributes() {
        let result = render("# Title\n\nText [[INC-2026-014]]\n\n- a\n\n```table\n|a|\n|-|\n|1|\n```")
        #expect(!result.html.contains("data-sourcepos"))
    }

    @Test func plainTextHasNoMarkupAndCollapsedWhitespace() {
        let result = render(
            "# What   happened\n\nA *patient* was seen by [[INC-2026-014]].\n\n<b>raw</b>\n\n```table\n| A | B |\n|---|---|\n| x | `y` |\n```"
        )
        #expect(result.plainText == "What happened A patient was seen by Missed observation on Ward 3. raw A B x y")
    }

    @Test func renderInlineOmitsParagraphWrapper() {
        #expect(
            MarkdownRenderer.renderInline("A *quick* \"note\"", options: MarkdownOptions())
                == "A <em>quick</em> \u{201C}note\u{201D}")
        #expect(MarkdownRenderer.renderInline("- not a list", options: MarkdownOptions()) == "- not a list")
        #expect(
            MarkdownRenderer.renderInline("[x](javascript:alert(1))", options: MarkdownOptions(unsafeHTML: true)) == "x"
        )
        #expect(MarkdownRenderer.renderInline("", options: MarkdownOptions()) == "")
    }
}

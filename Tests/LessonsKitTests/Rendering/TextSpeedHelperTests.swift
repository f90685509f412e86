import Foundation
import Testing

@testable import LessonsKit

/// The byte-level helpers written for build speed give the same text as the Foundation calls they replace.
@Suite struct TextSpeedHelperTests {
    static let samples = [
        "", " ", "\t", "plain", "  two sides \t", "\u{00A0}non-breaking\u{2003}", "\u{2028}line sep\u{2029}",
        "\n\r\n mixed \u{85}\n", "é à ü ", "\u{000B}\u{000C}vertical\u{000B}", " TODO: note ", "日本語　",
    ]

    @Test func trimmingMatchesFoundation() {
        for text in Self.samples {
            #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            #expect(
                text.trimmingWhitespaceAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines),
                "\(text.debugDescription)")
            let sub = Substring("x" + text + "x").dropFirst().dropLast()
            #expect(sub.trimmingWhitespace() == sub.trimmingCharacters(in: .whitespaces))
        }
    }

    @Test func htmlEscapingWritesTheFiveEntities() {
        #expect(HTMLEscaping.escape("plain text é") == "plain text é")
        #expect(
            HTMLEscaping.escape("<a href=\"x\">Tom & Jerry's</a>")
                == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        // A combining mark after '<' makes one Character with it; the bytes are escaped all the same.
        #expect(HTMLEscaping.escape("<\u{0338}script>") == "&lt;\u{0338}script&gt;")
    }

    struct Model: TemplateFields {
        let title: String
        var templateFields: TemplateValue.Fields { ["title": title] }
    }

    @Test func templatesEscapeValuesAndKeepLineNumbersOfErrors() throws {
        var files: [String: ThemeFiles.File] = [:]
        for name in ["layout", "home", "list", "document"] {
            files["templates/\(name).mustache"] = .init(bytes: Array("x".utf8), displayPath: name)
        }
        files["templates/notfound.mustache"] = .init(bytes: Array("<p>{{title}}</p>\n".utf8), displayPath: "nf")
        let templates = try #require(TemplateSet.parse(ThemeFiles(files: files)).0)
        #expect(templates.render("notfound", Model(title: "<b>&'\"")).text == "<p>&lt;b&gt;&amp;&#39;&quot;</p>\n")

        let broken = "ok\n\n{{/a}}\n"
        files["templates/broken.mustache"] = .init(bytes: Array(broken.utf8), displayPath: "broken")
        let diagnostics = TemplateSet.parse(ThemeFiles(files: files)).1
        // The closing tag without an opening one is on line 3 of the file, whatever the parser puts in front of it.
        #expect(diagnostics.map(\.location.line) == [3])
    }

    @Test func emailStylingInOnePassEqualsRuleByRule() {
        let html =
            "<p>x</p><h2>t</h2><ul><li><a href=\"h\">l</a></li></ul><table class=\"content-table\"><tr><th>a</th>"
            + "<td>b</td></tr></table><img src=\"i\" alt=\"\"><blockquote><p>q</p></blockquote><ol><li>é</li></ol><h3>"
        let expected = EmailStyling.rules.reduce(html) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
        #expect(EmailStyling.inlineStyled(html) == expected)
    }

    @Test func quotedPrintableMatchesTheRuleByRuleEncoding() {
        for text in [
            "", "\n", "a\r\nb\n\nc", String(repeating: "long line with = signs and é ", count: 9),
            "trailing space \n.x",
            "From me\nFrom\n", String(repeating: "é", count: 40), "tab\t\nend\t",
        ] {
            #expect(QuotedPrintable.encode(text) == Self.referenceQuotedPrintable(text), "\(text.debugDescription)")
        }
    }

    /// The encoding as it was written before it worked on bytes.
    static func referenceQuotedPrintable(_ text: String) -> String {
        var lines: [String] = []
        for line in text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        {
            let bytes = Array(line.utf8)
            var current = ""
            for (index, byte) in bytes.enumerated() {
                let isLast = index == bytes.count - 1
                let safe = (byte >= 33 && byte <= 126 && byte != 61) || ((byte == 32 || byte == 9) && !isLast)
                let leadingRisk = index == 0 && (byte == 46 || (byte == 70 && line.hasPrefix("From ")))
                let token = safe && !leadingRisk ? String(UnicodeScalar(byte)) : String(format: "=%02X", byte)
                if current.count + token.count > 75 {
                    lines.append(current + "=")
                    current = ""
                }
                current += token
            }
            lines.append(current)
        }
        return lines.joined(separator: "\r\n")
    }
}

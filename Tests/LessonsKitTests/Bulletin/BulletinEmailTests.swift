import Foundation
import Testing

@testable import LessonsKit

/// The e-mail forms of a bulletin, checked by building an inline site and reading the files back.
@Suite struct BulletinEmailTests {
    static func build(_ site: MiniSite) async -> (BuildReport, String) {
        var options = site.options()
        let output = site.root + "-out"
        options.output = output
        return (await BuildPipeline.build(options), output)
    }

    static func site(siteYAML: String = MiniSite.siteYAML) throws -> MiniSite {
        try MiniSite(
            files: [
                "content/bulletins/llb-001.md": BulletinAssemblyTests.bulletin("spotlight: falls"),
                "content/lessons/a.md": BulletinAssemblyTests.lesson(
                    "LL-A", date: "2026-05-03", extra: "sources: [INC-1]"),
                "content/lessons/b.md": BulletinAssemblyTests.lesson(
                    "LL-B", date: "2026-06-20", extra: "sources: [INC-1]"),
                "content/incidents/inc-1.md": BulletinAssemblyTests.incident(
                    "INC-1", month: "2026-05", actions: BulletinAssemblyTests.actions),
                "content/sessions/s1.md": BulletinAssemblyTests.session(
                    "LLS-1", date: "2026-05-15",
                    extra: "attendance: 40\nfeedback: { quotes: [Très utile — thank you.] }"),
            ],
            site: siteYAML
                + "\nbulletin:\n  pdf: off\n  support: \"**Support:** call the wellbeing hub on extension 4000.\"\n")
    }

    /// Parses the message with Python's `email` package and prints facts about it as JSON.
    static func parse(_ path: String) throws -> [String: Any] {
        let script = """
            import email, json, sys
            from email import policy
            with open(sys.argv[1], 'rb') as f:
                msg = email.message_from_binary_file(f, policy=policy.default)
            parts = [p for p in msg.walk() if not p.is_multipart()]
            out = {
                'subject': str(msg['subject']), 'date': str(msg['date']), 'unsent': msg['x-unsent'], 'mime': msg['mime-version'],
                'type': msg.get_content_type(), 'parts': [p.get_content_type() for p in parts],
                'text': next((p.get_content() for p in parts if p.get_content_type() == 'text/plain'), ''),
                'html': next((p.get_content() for p in parts if p.get_content_type() == 'text/html'), ''),
                'defects': len(msg.defects) + sum(len(p.defects) for p in parts),
                'rawLongest': max(len(l) for l in open(sys.argv[1], 'rb').read().split(b'\\r\\n')),
            }
            print(json.dumps(out))
            """
        let result = try ExternalProgram.python(script, [path])
        #expect(result.status == 0)
        return try #require(try JSONSerialization.jsonObject(with: result.output) as? [String: Any])
    }

    @Test func theEmlIsAMultipartAlternativeDraftThatAMIMEParserDecodes() async throws {
        let site = try Self.site()
        defer {
            site.remove()
            try? FileManager.default.removeItem(atPath: site.root + "-out")
        }
        let (report, output) = await Self.build(site)
        #expect(report.status == .success, "\(report.diagnostics) \(report.failure ?? "")")
        let message = try Self.parse(output + "/bulletins/llb-001/llb-001.eml")
        #expect(message["type"] as? String == "multipart/alternative")
        #expect(message["parts"] as? [String] == ["text/plain", "text/html"])
        #expect(message["subject"] as? String == "Learning Lessons Bulletin — Issue 1 (May to June 2026)")
        #expect(message["unsent"] as? String == "1")
        #expect(message["mime"] as? String == "1.0")
        #expect((message["date"] as? String)?.hasPrefix("Fri, 27 Nov 2026") == true)
        #expect(message["defects"] as? Int == 0)
        #expect((message["rawLongest"] as? Int ?? 999) <= 78)
        let text = try #require(message["text"] as? String)
        #expect(text.contains("Très utile — thank you."))
        #expect(text.contains("https://intranet.example.nhs.uk/learning/lessons/ll-b/"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 78 })
        let html = try #require(message["html"] as? String)
        #expect(html.contains("href=\"https://intranet.example.nhs.uk/learning/lessons/ll-a/\""))
        #expect(html.contains("Très utile — thank you."))
    }

    @Test func theEmailPageIsSelfContainedWithAbsoluteLinksAndNoScriptsOrStyleSheets() async throws {
        let site = try Self.site()
        defer {
            site.remove()
            try? FileManager.default.removeItem(atPath: site.root + "-out")
        }
        let (_, output) = await Self.build(site)
        let html = try #require(
            FileManager.default.contents(atPath: output + "/bulletins/llb-001/email.html").map {
                String(decoding: $0, as: UTF8.self)
            })
        for forbidden in ["<script", "<style", "<link", "<form", "<svg", "@font-face", "class=\"bulletin"] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        let hrefs = html.components(separatedBy: "href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(!hrefs.isEmpty)
        #expect(hrefs.allSatisfy { $0.hasPrefix("https://") || $0.hasPrefix("mailto:") })
        #expect(html.contains("width=\"600\""))
        // Spotlight numbers as an HTML table, with the small count suppressed.
        #expect(html.contains("fewer than 5"))
    }

    @Test func theEmlIsIdenticalForIdenticalInput() async throws {
        let site = try Self.site()
        defer {
            site.remove()
            try? FileManager.default.removeItem(atPath: site.root + "-out")
        }
        let (_, output) = await Self.build(site)
        let first = FileManager.default.contents(atPath: output + "/bulletins/llb-001/llb-001.eml")
        let (_, again) = await Self.build(site)
        #expect(first != nil)
        #expect(first == FileManager.default.contents(atPath: again + "/bulletins/llb-001/llb-001.eml"))
    }

    @Test func withoutBaseURLTheEmailFormsAreSkippedAndTheBuildSaysSo() async throws {
        let site = try Self.site(siteYAML: "title: Learning Lessons\norganisation: Test Trust")
        defer {
            site.remove()
            try? FileManager.default.removeItem(atPath: site.root + "-out")
        }
        let (report, output) = await Self.build(site)
        #expect(report.status == .success)
        #expect(!FileManager.default.fileExists(atPath: output + "/bulletins/llb-001/email.html"))
        #expect(!FileManager.default.fileExists(atPath: output + "/bulletins/llb-001/llb-001.eml"))
        #expect(FileManager.default.fileExists(atPath: output + "/bulletins/llb-001/print.html"))
        #expect(report.summaries.contains { $0.contains("base_url") })
    }

    @Test func renderedMarkdownBecomesTextWithLinksAsAddressesAndListsAsDashes() {
        let html =
            "<h2>What</h2>\n<p>See <a href=\"https://x.example/a/\">the page</a> &amp; more.</p>\n<ul>\n<li>One</li>\n<li>Two</li>\n</ul>\n"
        #expect(
            HTMLText.blocks(html) == [
                .heading("What"), .paragraph("See the page <https://x.example/a/> & more."), .item("One"), .item("Two"),
                .end,
            ])
        var text = TextBuilder()
        text.html(html)
        #expect(text.text.contains("What\n~~~~\n"))
        #expect(text.text.contains("- One\n- Two\n"))
    }

    @Test func wrappingBreaksAtSpacesWithinTheWidthAndIndentsFollowingLines() {
        let lines = TextWrap.wrap("- " + String(repeating: "word ", count: 40), width: 78, indent: "  ")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.count <= 78 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("  ") })
    }

    /// Wrapping as it was first written: each line's length counted again for every word.
    static func wrappedCountingEachTime(_ text: String, width: Int, indent: String) -> [String] {
        var lines: [String] = []
        var current = String(text.prefix { $0 == " " })
        var currentHasWord = false
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if currentHasWord && current.count + 1 + word.count > width {
                lines.append(current)
                current = indent + word
            } else {
                current += (currentHasWord ? " " : "") + word
            }
            currentHasWord = true
        }
        if currentHasWord || !current.isEmpty { lines.append(current) }
        return lines
    }

    @Test func wrappingKeepsCountsAsCountingEachLineAgainWould() {
        // Combining accents, a joiner, carriage returns and emoji beside spaces, and an indent a word may join.
        let pieces = ["word", "é", "\u{301}accent", "\u{200D}", "\r", "\ncr", "🙂", "🇬🇧", "a", "longerword", " ", "  "]
        let ascii = ["word", "\r", "\ncr", "\r\n", "a", "longerword", " ", "  ", "\t"]
        var generator = SplitMix64(seed: 3)
        for round in 0..<800 {
            let pieces = round.isMultiple(of: 2) ? pieces : ascii
            let text = (0..<Int.random(in: 0...30, using: &generator)).map { _ in
                (pieces.randomElement(using: &generator) ?? "a") + (Bool.random(using: &generator) ? " " : "")
            }.joined()
            for (width, indent) in [(12, ""), (20, "  "), (8, "\u{301}"), (78, "  ")] {
                #expect(
                    TextWrap.wrap(text, width: width, indent: indent)
                        == Self.wrappedCountingEachTime(text, width: width, indent: indent), "\(text.debugDescription)")
            }
        }
    }

    @Test func quotedPrintableKeepsLinesShortAndEscapesEqualsSignsAndNonASCII() {
        let encoded = QuotedPrintable.encode(String(repeating: "a = b ", count: 30) + "é\nFrom here. \n.")
        #expect(encoded.components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 })
        #expect(encoded.contains("=3D"))
        #expect(encoded.contains("=C3=A9"))
        #expect(encoded.contains("=46rom here.=20"))
        #expect(encoded.hasSuffix("=2E"))
    }

    @Test func nonASCIISubjectsBecomeEncodedWordsOfAtMost75Characters() {
        let header = EncodedWord.header("Subject", "Learning Lessons Bulletin — Issue 12 (September to October 2026)")
        #expect(header.hasPrefix("Subject: =?utf-8?B?"))
        #expect(header.components(separatedBy: "\r\n").allSatisfy { $0.count <= 78 })
        #expect(EncodedWord.header("Subject", "Plain") == "Subject: Plain")
    }
}

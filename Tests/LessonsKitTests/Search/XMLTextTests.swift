import Testing

@testable import LessonsKit

@Suite struct XMLTextTests {
    @Test func escapesMarkupCharactersAndDropsTheControlsXMLForbids() {
        #expect(XMLText.escape(#"a & b < c > d "e" 'f'"#) == "a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;")
        #expect(XMLText.escape("bell\u{07}tab\tline\nreturn\r\u{1F}") == "belltab\tline\nreturn\r")
        #expect(XMLText.escape("café – naïve ✓ 🏥 <b>") == "café – naïve ✓ 🏥 &lt;b&gt;")
        let url = "https://intranet.example.nhs.uk/lessons/ll-2026-001/"
        #expect(XMLText.escape(url) == url)
    }

    @Test func agreesWithEscapingCharacterByCharacter() {
        let alphabet: [Character] = [
            "a", "Z", "7", " ", "&", "<", ">", "\"", "'", "\t", "\n", "\r", "\u{0}", "\u{1B}",
            "é", "–", "\u{2028}", "🏥", "\u{7F}",
        ]
        var generator = SplitMix64(seed: 11)
        for _ in 0..<500 {
            let length = Int.random(in: 0...24, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "a" })
            #expect(XMLText.escape(text) == Self.characterByCharacter(text), "\(text.debugDescription)")
        }
    }

    @Test func sitemapURLsPercentEncodeAllButUnreservedBytes() {
        #expect(Sitemap.percentEncode("ll-2026-001") == "ll-2026-001")
        #expect(Sitemap.percentEncode("a b/é%~_.") == "a%20b%2F%C3%A9%25~_.")
        #expect(
            Sitemap.pageURL("lessons/ll 1/index.html", baseURL: "https://x.example/", portable: false)
                == "https://x.example/lessons/ll%201/")
    }

    @Test func aPageURLIsItsPathWithEachSegmentPercentEncoded() {
        var generator = SplitMix64(seed: 7)
        let alphabet = Array("ab-_.~/ é%9/")
        for _ in 0..<500 {
            let path = generator.text(from: alphabet, maxLength: 20)
            for portable in [false, true] {
                let page =
                    !portable && (path == "index.html" || path.hasSuffix("/index.html"))
                    ? String(path.dropLast("index.html".count)) : path
                let expected =
                    "https://x.example/"
                    + page.split(separator: "/", omittingEmptySubsequences: false).map {
                        Sitemap.percentEncode(String($0))
                    }.joined(separator: "/")
                #expect(
                    Sitemap.pageURL(path, baseURL: "https://x.example/", portable: portable) == expected,
                    "\(path.debugDescription)")
            }
        }
        #expect(
            Sitemap.pageURL("themes/falls/index.html", baseURL: "https://x.example/", portable: false)
                == "https://x.example/themes/falls/")
        #expect(
            Sitemap.pageURL("themes/falls/index.html", baseURL: "https://x.example/", portable: true)
                == "https://x.example/themes/falls/index.html")
    }

    /// XML 1.0's rules written out per character, as the reference.
    private static func characterByCharacter(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case _ where scalar.value < 0x20 && !["\t", "\n", "\r"].contains(scalar): continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

import Foundation
import Testing

@testable import LessonsKit

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Collects element paths, attributes and text from an XML document.
final class XMLCollector: NSObject, XMLParserDelegate {
    struct Element {
        let path: String
        let attributes: [String: String]
        var text = ""
    }

    private(set) var elements: [Element] = []
    private var stack: [Int] = []
    private var names: [String] = []

    static func parse(_ text: String) -> XMLCollector? {
        let parser = XMLParser(data: Data(text.utf8))
        let collector = XMLCollector()
        parser.delegate = collector
        return parser.parse() ? collector : nil
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        names.append(name)
        elements.append(Element(path: names.joined(separator: "/"), attributes: attributes))
        stack.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = stack.last { elements[index].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        names.removeLast()
        stack.removeLast()
    }

    func all(_ path: String) -> [Element] { elements.filter { $0.path == path } }
    func first(_ path: String) -> Element? { elements.first { $0.path == path } }
}

@Suite struct FeedAndSitemapTests {
    @Test func editionFeedIsAtomWithTheRequiredElements() async throws {
        let (site, output, report) = try await SearchSite.build(SearchSite.files())
        defer { SearchSite.remove(site, output) }
        #expect(report.status == .success, "\(report.diagnostics)")
        let xml = try #require(SearchSite.read(output + "/feed.xml"))
        let feed = try #require(XMLCollector.parse(xml), "feed.xml is well-formed XML")
        #expect(feed.first("feed")?.attributes["xmlns"] == "http://www.w3.org/2005/Atom")
        #expect(feed.first("feed/id")?.text == "https://intranet.example.nhs.uk/learning/feed.xml")
        #expect(feed.first("feed/title")?.text == "Learning Lessons")
        #expect(
            feed.first("feed/updated")?.text == "2026-03-14T00:00:00Z", "the newest entry's date, not the build time")
        #expect(feed.first("feed/author/name")?.text == "Test Trust")
        #expect(feed.all("feed/link").contains { $0.attributes["rel"] == "self" })
        let entries = feed.all("feed/entry")
        #expect(entries.count == 5)
        for path in ["feed/entry/id", "feed/entry/title", "feed/entry/updated", "feed/entry/link"] {
            #expect(feed.all(path).count == entries.count, "every entry has \(path)")
        }
        #expect(
            feed.all("feed/entry/id").first?.text == "https://intranet.example.nhs.uk/learning/lessons/ll-2026-001/")
        #expect(
            feed.all("feed/entry/link").first?.attributes["href"]
                == "https://intranet.example.nhs.uk/learning/lessons/ll-2026-001/")
        #expect(feed.all("feed/entry/updated").map(\.text).first == "2026-03-14T00:00:00Z")
        #expect(
            feed.all("feed/entry/category").contains {
                $0.attributes["term"] == "falls" && $0.attributes["label"] == "Falls"
            })
        #expect(feed.all("feed/entry/summary").contains { $0.text == "A structured handover tool." })
    }

    @Test func typeAndThemeFeedsHoldOnlyTheirDocumentsAndPagesLinkToThem() async throws {
        let (site, output, report) = try await SearchSite.build(SearchSite.files())
        defer { SearchSite.remove(site, output) }
        #expect(report.status == .success)
        let lessons = try #require(XMLCollector.parse(SearchSite.read(output + "/lessons/feed.xml") ?? ""))
        #expect(lessons.all("feed/entry").count == 3)
        let falls = try #require(XMLCollector.parse(SearchSite.read(output + "/themes/falls/feed.xml") ?? ""))
        #expect(
            Set(falls.all("feed/entry/title").map(\.text)) == [
                "Lying and standing blood pressure after a fall", "Learning from falls at night",
            ])
        #expect(SearchSite.read(output + "/themes/suicide-prevention/feed.xml") == nil)
        let listPage = try #require(SearchSite.read(output + "/lessons/index.html"))
        #expect(
            listPage.contains(
                #"<link rel="alternate" type="application/atom+xml" title="Learning Lessons: Lessons" href="../lessons/feed.xml">"#
            ))
        #expect(listPage.contains(#"type="application/atom+xml" title="Learning Lessons" href="../feed.xml">"#))
    }

    @Test func buildWithoutBaseURLWritesNoFeedsAndSaysSo() async throws {
        let (site, output, report) = try await SearchSite.build(
            SearchSite.files(), siteYAML: "title: Learning Lessons\norganisation: Test Trust\n")
        defer { SearchSite.remove(site, output) }
        #expect(report.status == .success)
        #expect(SearchSite.read(output + "/feed.xml") == nil)
        #expect(SearchSite.read(output + "/sitemap.xml") == nil)
        #expect(report.summaries.filter { $0.contains("base_url") }.count == 1)
        #expect(SearchSite.read(output + "/index.html")?.contains("application/atom+xml") == false)
    }

    @Test func sitemapFollowsTheProtocol() async throws {
        let (site, output, report) = try await SearchSite.build(SearchSite.files())
        defer { SearchSite.remove(site, output) }
        #expect(report.status == .success)
        let text = try #require(SearchSite.read(output + "/sitemap.xml"))
        #expect(text.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?>"#))
        let sitemap = try #require(XMLCollector.parse(text))
        #expect(sitemap.first("urlset")?.attributes["xmlns"] == "http://www.sitemaps.org/schemas/sitemap/0.9")
        let locations = sitemap.all("urlset/url/loc").map(\.text)
        #expect(!locations.isEmpty && locations.count <= Sitemap.maximumURLs)
        #expect(Set(locations).count == locations.count, "no duplicates")
        for location in locations {
            #expect(
                location.hasPrefix("https://intranet.example.nhs.uk/learning/"),
                "absolute, on the site's host and path: \(location)")
            #expect(location.utf8.count < 2048)
            #expect(!location.contains(" ") && !location.contains("#"))
        }
        #expect(locations.contains("https://intranet.example.nhs.uk/learning/"))
        #expect(locations.contains("https://intranet.example.nhs.uk/learning/lessons/ll-2026-001/"))
        #expect(locations.contains("https://intranet.example.nhs.uk/learning/search/"))
        #expect(!locations.contains { $0.hasSuffix("404.html") })
    }

    @Test func locationsNotedAsPagesAreMadeGiveTheSitemapOfThePagesPaths() async throws {
        let paths = [
            "index.html", "lessons/ll-2026-001/index.html", "lessons/ll-2026-001/poster.html", "themes/a b/index.html",
            "search/index.html", "lessons/ll-2026-001/index.html", "404.html", "data/x.csv", "assets/style.css",
            "pages/caf\u{e9}/index.html",
        ]
        let files = paths.map { path in
            path.hasSuffix(".html")
                ? OutputFile(page: path, html: RenderedHTML(text: "<p>\(path)</p>", links: nil))
                : OutputFile(path: path, text: path)
        }
        let lastModified = ["https://x.example/lessons/ll-2026-001/": PartialDate(year: 2026, month: 3, day: 14)]
        for portable in [false, true] {
            let expected = Sitemap.files(
                for: Sitemap.pageURLs(
                    files.filter(\.isPage).map(\.path), baseURL: "https://x.example/", portable: portable),
                baseURL: "https://x.example/", lastModified: lastModified)
            // Noted in batches from several tasks at once, in no particular order.
            let locations = SitemapLocations(baseURL: "https://x.example/", portable: portable)
            await withTaskGroup(of: Void.self) { group in
                for batch in stride(from: 0, to: files.count, by: 3).reversed() {
                    group.addTask { locations.add(Array(files[batch..<min(batch + 3, files.count)])) }
                }
            }
            #expect(locations.sorted.count == 8, "the pages, one of them twice; not the CSV or the style sheet")
            #expect(
                Sitemap.files(for: locations.sorted, baseURL: "https://x.example/", lastModified: lastModified)
                    == expected)
        }
    }

    @Test func theSitemapListsEachPageOnALineWithItsLastChange() throws {
        let files = Sitemap.files(
            for: ["https://x.example/a/", "https://x.example/b?x=1&y=2/"], baseURL: "https://x.example/",
            lastModified: ["https://x.example/a/": PartialDate(year: 2026, month: 3, day: 14)])
        #expect(files.map(\.path) == ["sitemap.xml"])
        guard case .bytes(let bytes) = files.first?.contents else {
            Issue.record("sitemap.xml is not bytes")
            return
        }
        #expect(
            String(decoding: bytes, as: UTF8.self) == """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>https://x.example/a/</loc><lastmod>2026-03-14</lastmod></url>
                  <url><loc>https://x.example/b?x=1&amp;y=2/</loc></url>
                </urlset>

                """)
    }

    @Test func largeSitesGetASitemapIndex() throws {
        let urls = (0..<(Sitemap.maximumURLs + 1)).map { "https://x.example/p\($0)/" }
        let files = Sitemap.files(for: urls, baseURL: "https://x.example/")
        #expect(files.map(\.path) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"])
        guard case .bytes(let bytes) = files[2].contents else { return }
        let index = try #require(XMLCollector.parse(String(decoding: bytes, as: UTF8.self)))
        #expect(
            index.all("sitemapindex/sitemap/loc").map(\.text) == [
                "https://x.example/sitemap-1.xml", "https://x.example/sitemap-2.xml",
            ])
    }

    @Test func robotsKeepCrawlersOutUnlessAllowed() async throws {
        let (site, output, _) = try await SearchSite.build(SearchSite.files())
        defer { SearchSite.remove(site, output) }
        #expect(SearchSite.read(output + "/robots.txt")?.contains("User-agent: *\nDisallow: /\n") == true)
        #expect(
            Sitemap.robots(allow: true, sitemapURL: "https://x.example/sitemap.xml")
                == OutputFile(
                    path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: https://x.example/sitemap.xml\n"))
    }
}

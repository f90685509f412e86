/// `sitemap.xml` (sitemaps.org protocol 0.9) and `robots.txt` for one edition.
enum Sitemap {
    /// The protocol's limit of URLs per sitemap file; larger sites get a sitemap index.
    static let maximumURLs = 50_000

    /// Absolute URLs of `pages` (the paths of the pages readers browse to, as the renderer marked them), sorted.
    static func pageURLs(_ pages: [String], baseURL: String, portable: Bool) -> [String] {
        pages.sorted().map { pageURL($0, baseURL: baseURL, portable: portable) }
    }

    /// The absolute URL of the page at `path`: its folder's, for an `index.html` outside portable mode.
    static func pageURL(_ path: String, baseURL: String, portable: Bool) -> String {
        let page =
            !portable && (path == "index.html" || path.hasSuffix("/index.html"))
            ? String(path.dropLast("index.html".count)) : path
        // Nearly every page's path needs no escaping (the sitemap is made from thousands of them).
        if page.utf8.allSatisfy({ isUnreserved($0) || $0 == UInt8(ascii: "/") }) { return baseURL + page }
        return baseURL
            + page.split(separator: "/", omittingEmptySubsequences: false).map { percentEncode(String($0)) }
            .joined(separator: "/")
    }

    /// `sitemap.xml`, or a sitemap index with `sitemap-1.xml`, `sitemap-2.xml`, … when there are more than 50,000 pages.
    /// `lastModified` gives `<lastmod>` by URL (from git; pages without one have none).
    static func files(for urls: [String], baseURL: String, lastModified: [String: PartialDate] = [:])
        -> [OutputFile]
    {
        files(for: urls.map { Location(url: $0) }, baseURL: baseURL, lastModified: lastModified)
    }

    /// A page's URL: made as the page is rendered (``SitemapLocations``). Its `<loc>` is escaped as the sitemap is
    /// written, so that a large site's URLs are not held twice until then.
    struct Location: Sendable {
        let url: String
    }

    /// As ``files(for:baseURL:lastModified:)`` for locations already made, in order.
    static func files(for locations: [Location], baseURL: String, lastModified: [String: PartialDate]) -> [OutputFile] {
        guard locations.count > maximumURLs else {
            return [
                OutputFile(
                    path: "sitemap.xml", contents: .bytes(urlsetBytes(locations[...], lastModified: lastModified)))
            ]
        }
        var files: [OutputFile] = []
        var parts: [String] = []
        for (number, start) in stride(from: 0, to: locations.count, by: maximumURLs).enumerated() {
            let name = "sitemap-\(number + 1).xml"
            parts.append(baseURL + name)
            files.append(
                OutputFile(
                    path: name,
                    contents: .bytes(
                        urlsetBytes(
                            locations[start..<min(start + maximumURLs, locations.count)], lastModified: lastModified)))
            )
        }
        let index =
            [
                #"<?xml version="1.0" encoding="UTF-8"?>"#,
                #"<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"#,
            ]
            + parts.map { "  <sitemap><loc>\(XMLText.escape($0))</loc></sitemap>" } + ["</sitemapindex>"]
        return files + [OutputFile(path: "sitemap.xml", text: index.joined(separator: "\n") + "\n")]
    }

    /// A `<urlset>` of `locations`, one `<url>` a line, written straight into one buffer (a 10,000-document site's sitemap is
    /// about 1 MB, made at the end of every build).
    static func urlsetBytes(_ locations: ArraySlice<Location>, lastModified: [String: PartialDate]) -> [UInt8] {
        let head =
            #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
            + #"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"# + "\n"
        var bytes: [UInt8] = []
        bytes.reserveCapacity(locations.reduce(head.utf8.count + 16) { $0 + $1.url.utf8.count + 64 })
        bytes.append(contentsOf: head.utf8)
        for location in locations {
            bytes.append(contentsOf: "  <url><loc>".utf8)
            bytes.append(contentsOf: XMLText.escape(location.url).utf8)
            bytes.append(contentsOf: "</loc>".utf8)
            if let date = lastModified[location.url] {
                bytes.append(contentsOf: "<lastmod>".utf8)
                bytes.append(contentsOf: date.description.utf8)
                bytes.append(contentsOf: "</lastmod>".utf8)
            }
            bytes.append(contentsOf: "</url>\n".utf8)
        }
        bytes.append(contentsOf: "</urlset>\n".utf8)
        return bytes
    }

    /// `robots.txt`: keeps every crawler out unless the site allows them, then points them at the sitemap.
    static func robots(allow: Bool, sitemapURL: String?) -> OutputFile {
        var text =
            allow
            ? "User-agent: *\nAllow: /\n"
            : "# This intranet site asks search engines not to index it (site.yaml: robots).\nUser-agent: *\nDisallow: /\n"
        if allow, let sitemapURL { text += "\nSitemap: \(sitemapURL)\n" }
        return OutputFile(path: "robots.txt", text: text)
    }

    /// Percent-encodes a path segment (RFC 3986 unreserved characters stay).
    static func percentEncode(_ segment: String) -> String {
        PercentEncoding.encode(segment, keeping: isUnreserved)
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default: false
        }
    }
}

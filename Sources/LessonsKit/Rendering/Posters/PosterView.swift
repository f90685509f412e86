/// `poster.mustache`: the poster under the key `poster`.
struct PosterBody {
    let poster: PosterView
}

/// What a lesson's noticeboard poster shows (the `poster` key of `poster.mustache`).
struct PosterView: Sendable {
    /// The lesson's picture, from the first image in its body.
    struct Picture: Sendable {
        let src: String
        let alt: String
    }

    let id: String
    let title: String
    let summary: String?
    let keyMessages: [String]
    /// True when the key messages are long, so the poster sets them a size smaller to stay on one page.
    let isLong: Bool
    let picture: Picture?
    let organisation: String
    let siteTitle: String
    /// The lesson page's full address (from `base_url`); nil without one.
    let address: String?
    /// The QR code to `address` as inline SVG; nil without `base_url`.
    let qrSVG: HTMLFragment?
    /// How to find the lesson without a QR code.
    let findText: String
    let lessonHref: String
}

/// The first `<img>` of rendered HTML, for a poster's one picture.
enum FirstImage {
    static func find(in html: String) -> PosterView.Picture? {
        guard let start = html.utf8Range(of: "<img ") else { return nil }
        guard let end = html[start.upperBound...].firstIndex(of: ">") else { return nil }
        let tag = html[start.upperBound..<end]
        guard let src = attribute("src", in: tag), !src.isEmpty, !src.contains(":") else { return nil }
        return PosterView.Picture(
            src: HTMLEntities.decode(src), alt: HTMLEntities.decode(attribute("alt", in: tag) ?? ""))
    }

    static func attribute(_ name: String, in tag: Substring) -> String? {
        guard
            let start = tag.utf8Range(of: " \(name)=\"")
                ?? (tag.hasPrefix("\(name)=\"") ? tag.utf8Range(of: "\(name)=\"") : nil)
        else { return nil }
        return String(tag[start.upperBound...].prefix { $0 != "\"" })
    }
}

/// Undoes the escaping cmark applies to attribute values, so the template can escape them once again.
enum HTMLEntities {
    static func decode(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

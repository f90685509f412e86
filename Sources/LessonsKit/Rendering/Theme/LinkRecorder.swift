import Mustache

/// Collects the links and ids a template writes while it renders one page (see ``TemplateSet``).
///
/// A render runs synchronously on one thread and sets its own recorder as ``current`` for its duration, so the
/// escaping of a recorded attribute value (``RecordingEscaping``) and an ``HTMLFragment`` that is written can reach
/// it without a global: each render has a recorder of its own, and nothing outside a render sees one.
final class LinkRecorder: @unchecked Sendable {
    /// The recorder of the render running on this task, if any.
    @TaskLocal static var current: LinkRecorder?

    /// What was written so far, in document order.
    private(set) var recorded = HTMLLinks()

    func link(_ value: String) { recorded.links.append(value) }
    func id(_ value: String) { recorded.ids.insert(value) }
    func append(_ links: HTMLLinks) { recorded.append(links) }
}

/// HTML that a template writes as it is (`{{{bodyHTML}}}`), with the links and ids it holds, which are recorded when it
/// is written.
struct HTMLFragment: MustacheCustomRenderable, Sendable, Hashable {
    let html: String
    let links: HTMLLinks

    init(html: String, links: HTMLLinks) {
        self.html = html
        self.links = links
    }

    /// A rendered Markdown body, with the links its renderer knows (read from its HTML when it does not).
    init(_ rendered: RenderedMarkdown) {
        self.init(html: rendered.html, links: rendered.links ?? HTMLLinkScanner.scan(Array(rendered.html.utf8)))
    }

    /// A fragment the renderer built itself (a chart, a QR code): its few ids and links are read from it once.
    init(scanning html: String) {
        self.init(html: html, links: HTMLLinkScanner.scan(Array(html.utf8)))
    }

    /// The HTML, as Mustache writes it; writing it records its links on the page being rendered.
    var renderText: String {
        LinkRecorder.current?.append(links)
        return html
    }

    /// Present even when empty, as a string is.
    var isNull: Bool { false }
}

/// The escaping of one `href`, `src`, `action` or `id` value in a template: HTML escaping as ``HTMLEscaping``, and the
/// whole attribute value (the template's text before and after the `{{value}}`, the value unescaped) recorded on the
/// page being rendered.
struct RecordingEscaping: MustacheContentType {
    /// Whether the value is a link (`href`, `src`, `action`) rather than an id.
    let isLink: Bool
    /// The template's text before and after the value inside the quotes, character references decoded.
    let prefix: String
    let suffix: String

    func escapeText(_ text: String) -> String {
        if let recorder = LinkRecorder.current {
            let value = prefix + text + suffix
            if isLink { recorder.link(value) } else { recorder.id(value) }
        }
        return HTMLEscaping.escape(text)
    }

    /// The content-type name a template selects it by: made of the parts, so that the same attribute in any template
    /// (and any build in the process) names the same escaping, in the characters a Mustache pragma allows.
    var name: String {
        "LESSONS_\(isLink ? "LINK" : "ID")_\(Self.hex(prefix))_\(Self.hex(suffix))"
    }

    private static func hex(_ text: String) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 2)
        for byte in text.utf8 { out += [digits[Int(byte >> 4)], digits[Int(byte & 0xF)]] }
        return String(decoding: out, as: UTF8.self)
    }
}

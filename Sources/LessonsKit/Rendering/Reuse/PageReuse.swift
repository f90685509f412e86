import Crypto
import Synchronization

/// Skips the template engine for pages whose model did not change since the last build.
///
/// Each page rendered through ``TemplateSet/page(_:_:_:)`` gets a *model digest*: SHA-256 of the theme's templates,
/// the template's name and every value Mustache can read (the converted model, see ``TemplateValueBytes``). Those are
/// all the page's bytes depend on. When the last build rendered the same path from the same digest, and the file it
/// left at that path still holds the bytes it rendered then (checked by their SHA-256), those bytes are used as they
/// are; otherwise the page is rendered. Either way the page's entry is recorded for the next build.
///
/// The page builders still build every model (and so still report every problem); only the rendering is skipped.
final class PageReuse: Sendable {
    /// What the last build knew of one page: the digest of its model and of the bytes rendered from it, and the links
    /// and ids recorded while rendering it (nil when the theme could not record them: the link check reads the page).
    struct Entry: Sendable, Hashable {
        let model: Digest32
        let bytes: Digest32
        let links: HTMLLinks?
    }

    /// The digest of the templates and the tool, with which every page's model digest starts.
    let seed: [UInt8]
    /// The last build's entries, by output path.
    let previous: [String: Entry]
    /// Reads a file of the last build's output, by output path; nil when it is missing or unreadable.
    let readPrevious: @Sendable (String) -> [UInt8]?
    private let state = Mutex(State())

    private struct State {
        var entries: [String: Entry] = [:]
        var reused = 0
        var rendered = 0
    }

    /// Reuse with `previous` entries; `seed` must change whenever anything but the model changes a page's bytes.
    init(seed: [UInt8], previous: [String: Entry], readPrevious: @escaping @Sendable (String) -> [UInt8]?) {
        self.seed = seed
        self.previous = previous
        self.readPrevious = readPrevious
    }

    /// The seed for a theme's templates and a tool identity (version, executable).
    static func seed(templates: [(name: String, bytes: [UInt8])], tool: String) -> [UInt8] {
        var hasher = SHA256()
        var buffer: [UInt8] = []
        TemplateValueBytes.appendText("page-reuse 1 " + tool, to: &buffer)
        for template in templates {
            TemplateValueBytes.appendText(template.name, to: &buffer)
            TemplateValueBytes.appendLength(template.bytes.count, to: &buffer)
            buffer += template.bytes
        }
        hasher.update(data: buffer)
        return Array(hasher.finalize())
    }

    /// The page at `path`: the last build's bytes when its model digest is the same, else `render(converted)`.
    func page(path: String, template: String, converted: Any?, render: (Any?) -> RenderedHTML) -> OutputFile {
        guard let model = digest(template: template, converted: converted) else {
            state.withLock { $0.rendered += 1 }
            return OutputFile(page: path, html: render(converted))
        }
        return reusedPage(path: path, key: model) ?? renderedPage(path: path, key: model, html: render(converted))
    }

    /// The page at `path`: the last build's bytes when it was made from the same `inputs` (see ``PageInputs``), without
    /// calling `convert` (which builds and converts the page's model); else `render(convert())`.
    func page(
        path: String, template: String, inputs: PageInputs, convert: () -> Any?, render: (Any?) -> RenderedHTML
    ) -> OutputFile {
        let key = inputKey(template: template, inputs: inputs)
        return reusedPage(path: path, key: key) ?? renderedPage(path: path, key: key, html: render(convert()))
    }

    /// The input key of a page: after the seed and the template's name, a byte no converted model starts with (see
    /// ``TemplateValueBytes``), so an input key never equals a model digest.
    func inputKey(template: String, inputs: PageInputs) -> Digest32 {
        var buffer = seed
        TemplateValueBytes.appendText(template, to: &buffer)
        buffer.append(0xFF)
        buffer += inputs.bytes
        return Digest32(SHA256.hash(data: buffer))
    }

    /// The last build's page at `path` when it was made with `key` and its file still holds the bytes made then.
    private func reusedPage(path: String, key: Digest32) -> OutputFile? {
        guard let last = previous[path], last.model == key, let bytes = readPrevious(path),
            Digest32(SHA256.hash(data: bytes)) == last.bytes
        else { return nil }
        state.withLock {
            $0.entries[path] = last
            $0.reused += 1
        }
        return OutputFile(page: path, bytes: bytes, links: last.links)
    }

    /// A page just rendered, recorded with `key` for the next build.
    private func renderedPage(path: String, key: Digest32, html: RenderedHTML) -> OutputFile {
        let file = OutputFile(page: path, html: html)
        guard case .bytes(let bytes) = file.contents else {
            state.withLock { $0.rendered += 1 }
            return file
        }
        let entry = Entry(model: key, bytes: Digest32(SHA256.hash(data: bytes)), links: file.links)
        state.withLock {
            $0.entries[path] = entry
            $0.rendered += 1
        }
        return file
    }

    /// The model digest of a page, or nil when its model holds a value whose rendering the digest cannot capture.
    func digest(template: String, converted: Any?) -> Digest32? {
        var buffer = seed
        TemplateValueBytes.appendText(template, to: &buffer)
        if let converted {
            guard TemplateValueBytes.append(converted, to: &buffer) else { return nil }
        }
        return Digest32(SHA256.hash(data: buffer))
    }

    /// The entries of every page rendered or reused so far in this build, by output path.
    var entries: [String: Entry] { state.withLock { $0.entries } }

    /// How many pages were reused and how many rendered.
    var counts: (reused: Int, rendered: Int) { state.withLock { ($0.reused, $0.rendered) } }
}

/// A SHA-256 digest as four words: hashable, comparable and cheap to store.
struct Digest32: Sendable, Hashable {
    let words: (UInt64, UInt64, UInt64, UInt64)

    init(words: (UInt64, UInt64, UInt64, UInt64)) {
        self.words = words
    }

    /// The first 32 bytes of `bytes` (a SHA-256 digest), big-endian words; nil when shorter.
    init?<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        var values: [UInt64] = [0, 0, 0, 0]
        var count = 0
        for byte in bytes.prefix(32) {
            values[count / 8] = values[count / 8] << 8 | UInt64(byte)
            count += 1
        }
        guard count == 32 else { return nil }
        words = (values[0], values[1], values[2], values[3])
    }

    init(_ digest: SHA256.Digest) {
        // A SHA-256 digest always has 32 bytes.
        self = Digest32(bytes: digest) ?? Digest32(words: (0, 0, 0, 0))
    }

    /// The 32 bytes, big-endian.
    var bytes: [UInt8] {
        [words.0, words.1, words.2, words.3].flatMap { word in
            (0..<8).map { UInt8(truncatingIfNeeded: word >> (56 - 8 * $0)) }
        }
    }

    static func == (lhs: Digest32, rhs: Digest32) -> Bool {
        lhs.words == rhs.words
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }
}

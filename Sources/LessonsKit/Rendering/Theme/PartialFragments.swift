import Crypto
import Mustache
import Synchronization

/// Partials rendered once per distinct item and reused: a document's card is written once per build for every theme
/// page that lists it, not once per page.
///
/// ``PartialFragmentRewrite`` turns an eligible `{{> card}}` into a lookup of `.lessonsPartial.card` on the item on top
/// of the context. ``TemplateValue`` answers that lookup with a ``FragmentLookup``, which asks this cache for the
/// partial rendered for exactly that item (keyed by the item's every value, ``TemplateValueBytes``). The partial is
/// rendered for the item alone, under a root that notes any lookup climbing past the item: when one does, the partial
/// reads something of the page and no fragment is given, so the page renders the partial itself, as before. A fragment
/// keeps the links and ids recorded while it rendered and records them again on every page that writes it.
///
/// One cache serves one edition's pages; it holds at most ``capacity`` bytes (fragments and keys), and renders without
/// storing past that, so a large site's memory stays bounded by its size (``capacity(documents:)``).
final class PartialFragments: Sendable {
    /// The name under which the rendering root gives the item (``PartialFragmentRewrite/wrapperText(_:)``).
    static let itemName = "lessonsItem"
    /// Bytes of fragments and keys kept at most, for any site. With keys kept as digests, a 10,000-document build
    /// with 24 MB took no more CPU than with 48 MB of whole keys, and its peak memory was 20 MB lower.
    static let minimumCapacity = 24 << 20
    /// Bytes kept at most per document of a larger site: a 10,000-document site's cards take 22 MB, about 2.2 KB a
    /// document. A cap that stayed at the minimum kept only the first 29,000 of a 100,000-document site's cards, so a
    /// rebuild rendered the other 30,000 again and a full build rendered them once per page listing them.
    static let bytesPerDocument = 3 << 10

    /// The room for a site of `documents` documents: the minimum, or more in proportion to its size, so that its
    /// memory grows no faster than the site does.
    static func capacity(documents: Int) -> Int { max(minimumCapacity, documents * bytesPerDocument) }

    /// Bytes of fragments and keys this cache keeps at most.
    let capacity: Int

    private struct State {
        var fragments: [Key: HTMLFragment?] = [:]
        var bytes = 0
        /// Per page partial: the names it read of the root, for each way it ran so far (at most ``maxShapes``).
        var shapes: [String: [[String]]] = [:]
        /// Per page partial: how often a fragment was reused and how often one was rendered.
        var hits: [String: Int] = [:]
        var misses: [String: Int] = [:]
    }

    /// Ways a page partial may read the root before its fragments stop being kept.
    static let maxShapes = 4
    /// Renders after which a page partial whose fragments are rarely reused (a page's own breadcrumbs, say) is left to
    /// Mustache for the rest of the edition.
    static let trialRenders = 32
    private let state = Mutex(State())
    /// The edition's link and id texts, which kept fragments share with its pages.
    private let linkTexts: SharedLinkTexts
    /// The last build's item fragments (cards), asked before one is rendered, and told of each one rendered.
    private let stored: StoredCardFragments?

    /// The indentation row partials render under (``PartialFragmentRewrite/rowWrapperText(_:indentation:)``), which
    /// their wrapper writes first and their fragments leave out.
    private let indentations: [String: String]

    /// An empty cache of `capacity` bytes whose fragments keep their link and id texts in `linkTexts`, and whose item
    /// fragments come from `stored` when the last build rendered them.
    init(
        linkTexts: SharedLinkTexts = SharedLinkTexts(), stored: StoredCardFragments? = nil,
        indentations: [String: String] = [:], capacity: Int = minimumCapacity
    ) {
        self.linkTexts = linkTexts
        self.stored = stored
        self.indentations = indentations
        self.capacity = capacity
    }

    /// The page render running on this task, whose lookups this cache answers.
    @TaskLocal static var render: Render?

    /// One page's render: the library to render partials with, and the last answer (a rewritten call looks its
    /// fragment up twice, for the section and for the inverted section).
    final class Render: @unchecked Sendable {
        let library: MustacheLibrary
        let cache: PartialFragments
        private var last: (names: [String], values: [Any], partial: String, fragment: HTMLFragment?)?
        /// The last joined section (looked up twice too, for the section and for the inverted section): its list, or
        /// the lazy rows it was made from.
        private var lastJoined: (items: [Any], rows: LazyRows?, partial: String, joined: JoinedFragments?)?

        /// Whether joined sections leave a place in the page's text for their fragments (``splice(into:)``); never
        /// while a fragment itself renders, as its text is kept and written on other pages.
        private var splicing: Bool
        /// The joined sections written so far, one place each in the page's text, in order, and whether their place
        /// is followed by a line feed of its own (see ``place(for:)``).
        private var spliced: [(joined: JoinedFragments, lineFeed: Bool)] = []

        init(library: MustacheLibrary, cache: PartialFragments, splicing: Bool = false) {
            self.library = library
            self.cache = cache
            self.splicing = splicing
        }

        func fragment(_ partial: String, for item: TemplateValue, page: Bool) -> HTMLFragment? {
            if let last, last.partial == partial, Self.same(last.names, item.names), Self.same(last.values, item.values)
            {
                return last.fragment
            }
            let fragment = unspliced {
                page
                    ? cache.pageFragment(partial, root: item, library: library)
                    : cache.fragment(partial, for: item, library: library)
            }
            last = (item.names, item.values, partial, fragment)
            return fragment
        }

        /// Runs `body` (which renders fragments) with no place left for joined sections.
        private func unspliced<T>(_ body: () -> T) -> T {
            let was = splicing
            splicing = false
            defer { splicing = was }
            return body()
        }

        /// The text that stands for `joined` in the page's text while splicing, or nil when it is to be written there.
        ///
        /// When the fragments' HTML ends a line (a line feed not after a carriage return), so does the place: the
        /// place is followed by a line feed, which the splice writes as the HTML's last. Mustache indents the line
        /// after a section in an indented partial (action rows) only when the text before it ends with a line feed.
        fileprivate func place(for joined: JoinedFragments) -> String? {
            guard splicing else { return nil }
            let lineFeed = joined.endsLine
            spliced.append((joined, lineFeed))
            return Self.placeMark + String(spliced.count - 1) + Self.placeMark + (lineFeed ? "\n" : "")
        }

        /// A place is a NUL, the joined section's number, and a NUL.
        private static let placeMark = "\u{0}"

        /// The page's bytes: `text` with each place (and its line feed, when it has one) replaced by its joined
        /// fragments' HTML, as runs of the text and the fragments (``SplicedBytes``), or `text`'s bytes when no place
        /// was left. Nil when `text` has a NUL that is not one of the places, in order, or a place is missing (the page
        /// is then rendered again without places).
        func splice(into text: String) -> OutputFile.Contents? {
            guard !spliced.isEmpty else { return .bytes(Array(text.utf8)) }
            let source = Array(text.utf8)
            var runs: [SplicedBytes.Run] = []
            runs.reserveCapacity(spliced.reduce(2 * spliced.count + 1) { $0 + $1.joined.fragments.count })
            var next = 0
            var start = 0
            var index = 0
            while index < source.count {
                guard source[index] == 0 else {
                    index += 1
                    continue
                }
                var end = index + 1
                var number = 0
                while end < source.count, source[end] >= UInt8(ascii: "0"), source[end] <= UInt8(ascii: "9"),
                    end - index <= 18
                {
                    number = number * 10 + Int(source[end] - UInt8(ascii: "0"))
                    end += 1
                }
                guard end > index + 1, end < source.count, source[end] == 0, number == next, next < spliced.count
                else { return nil }
                if spliced[next].lineFeed {
                    guard end + 1 < source.count, source[end + 1] == UInt8(ascii: "\n") else { return nil }
                    end += 1
                }
                runs.append(.text(start..<index))
                for fragment in spliced[next].joined.fragments { runs.append(.html(fragment.html)) }
                next += 1
                index = end + 1
                start = index
            }
            guard next == spliced.count else { return nil }
            runs.append(.text(start..<source.count))
            return .spliced(SplicedBytes(text: source, runs: runs))
        }

        /// Every item's fragment of `partial`, to be written one after the other in place of a section over `items`
        /// that calls the partial for each; nil when `items` is not a list of items (an array, or ``LazyRows``, made
        /// here), or one of them has no fragment.
        func joined(_ partial: String, items value: Any) -> JoinedFragments? {
            let items: [Any]
            let rows = value as? LazyRows
            if let rows {
                if let lastJoined, lastJoined.partial == partial, lastJoined.rows?.isSame(as: rows) == true {
                    return lastJoined.joined
                }
                items = []
            } else {
                guard Swift.type(of: value) == [Any].self, let list = value as? [Any] else { return nil }
                if let lastJoined, lastJoined.partial == partial, Self.same(lastJoined.items, list) {
                    return lastJoined.joined
                }
                items = list
            }
            let count = rows?.count ?? items.count
            var fragments: [HTMLFragment]? = []
            fragments?.reserveCapacity(count)
            // Lazy rows are made and converted one at a time, each let go once its fragment is had: a theme page's
            // thousands of cards never exist converted all at once. Rows that keep no fragments (the actions dashboard's
            // thousands) are rendered for this page alone: kept, they would fill the cache the cards are reused from,
            // for rows no other page writes.
            let keeping = rows?.keepsFragments ?? true
            for index in 0..<count {
                let item: Any
                if let rows {
                    let model = rows.model(index)
                    if let keyed = model as? any FragmentKeyed {
                        // Looked up by its typed fields: converted only when its fragment is rendered.
                        guard
                            let fragment = unspliced({
                                cache.fragment(partial, keyed: keyed, library: library, keeping: keeping) {
                                    TemplateValue.convert(model) as? TemplateValue
                                }
                            })
                        else {
                            fragments = nil
                            break
                        }
                        fragments?.append(fragment)
                        continue
                    }
                    guard let row = TemplateValue.convert(model) else { continue }
                    item = row
                } else {
                    item = items[index]
                }
                guard let item = item as? TemplateValue,
                    let fragment = unspliced({
                        cache.fragment(partial, for: item, library: library, keeping: keeping)
                    })
                else {
                    fragments = nil
                    break
                }
                fragments?.append(fragment)
            }
            let joined = fragments.map { JoinedFragments(fragments: $0) }
            // Lazy rows are told apart by their own identity: their items are made again at each lookup.
            lastJoined = (rows == nil ? items : [], rows, partial, joined)
            return joined
        }

        /// Whether two arrays share their storage (the same item's fields, met again at once).
        private static func same<T>(_ a: [T], _ b: [T]) -> Bool {
            a.count == b.count
                && a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { $0.baseAddress == x.baseAddress } }
        }
    }

    /// Partial `partial` rendered for `item` alone, or nil when it reads anything above the item (or the item holds a
    /// value ``TemplateValueBytes`` does not know). Unless `keeping`, a fragment rendered now is neither kept for the
    /// rest of the edition nor stored for the next build.
    func fragment(
        _ partial: String, for item: TemplateValue, library: MustacheLibrary, keeping: Bool = true
    ) -> HTMLFragment? {
        var key: [UInt8] = []
        // About a card's length: the buffer is not grown again and again.
        key.reserveCapacity(2048)
        key += partial.utf8
        key.append(0)
        guard TemplateValueBytes.append(item, to: &key) else { return nil }
        let hashed = Key(key)
        if let known = known(hashed, keeping: keeping) { return known }
        return rendered(partial, for: item, hashed, library: library, keeping: keeping)
    }

    /// Partial `partial` rendered for the row `model`, as ``fragment(_:for:library:keeping:)`` gives it, but found
    /// by the row's typed fields (``FragmentKeyed``): only a row whose fragment is not known is converted (`convert`)
    /// and rendered. Its key starts with a byte no converted model's does, so the two kinds of key never meet.
    func fragment(
        _ partial: String, keyed model: any FragmentKeyed, library: MustacheLibrary, keeping: Bool = true,
        convert: () -> TemplateValue?
    ) -> HTMLFragment? {
        var key: [UInt8] = []
        key.reserveCapacity(1024)
        key += partial.utf8
        key.append(0)
        key.append(FragmentKeyBytes.tag)
        model.appendFragmentKey(to: &key)
        let hashed = Key(key)
        if let known = known(hashed, keeping: keeping) { return known }
        guard let item = convert() else { return nil }
        return rendered(partial, for: item, hashed, library: library, keeping: keeping)
    }

    /// The fragment kept under `hashed` in this edition or, when `keeping`, stored by the last build (a fragment known
    /// to be unusable is `.some(nil)`); nil when neither knows it.
    private func known(_ hashed: Key, keeping: Bool) -> HTMLFragment?? {
        if let known = state.withLock({ $0.fragments[hashed] }) { return known }
        if keeping, let known = stored?.renderedCard(hashed.digest) { return known }
        // A stored card's texts are its own: pages keep their links as numbers of the edition's texts whichever way.
        if keeping, let fragment = stored?.card(hashed.digest) {
            keep(fragment, hashed, size: StoredCardTable.size(of: fragment))
            return fragment
        }
        return nil
    }

    /// Renders partial `partial` for `item` and keeps it under `hashed` (see ``fragment(_:for:library:keeping:)``).
    private func rendered(
        _ partial: String, for item: TemplateValue, _ hashed: Key, library: MustacheLibrary, keeping: Bool
    ) -> HTMLFragment? {
        let root = FragmentRoot(item: item)
        let recorder = LinkRecorder()
        var html = LinkRecorder.$current.withValue(recorder) {
            library.render(root, withTemplate: PartialFragmentRewrite.wrapperName(partial)) ?? ""
        }
        if let indentation = indentations[partial] {
            guard html.hasPrefix(indentation) else { return nil }
            html = String(html.dropFirst(indentation.count))
        }
        let fragment = root.climbed ? nil : kept(html, recorder)
        guard keeping else { return fragment }
        let size = StoredCardTable.size(htmlBytes: html.utf8.count)
        guard let stored else {
            keep(fragment, hashed, size: size)
            return fragment
        }
        // The card store keeps the cards rendered in this build for the next one, and answers for them (above): the
        // cache counts them in its room without holding them a second time.
        keep(nil, size: size)
        stored.record(hashed.digest, fragment, size: size)
        return fragment
    }

    /// Keeps an item's fragment for the rest of the edition under `key` (without a key, only counts its bytes), while
    /// the cache has room.
    private func keep(_ fragment: HTMLFragment?, _ key: Key? = nil, size: Int) {
        state.withLock { state in
            guard state.bytes + size <= capacity else { return }
            if let key { state.fragments[key] = fragment }
            state.bytes += size
        }
    }
}

extension PartialFragments {
    /// A fragment as the cache keeps it: its HTML in a string of its own length (Mustache writes by appending, so a
    /// rendered string can hold up to twice its length), and its links with the edition's shared texts.
    fileprivate func kept(_ html: String, _ recorder: LinkRecorder) -> HTMLFragment {
        var html = html
        return HTMLFragment(
            html: html.withUTF8 { String(decoding: $0, as: UTF8.self) }, links: linkTexts.shared(recorder.recorded))
    }
}

/// A fragment's key: the SHA-256 digest of its bytes (the partial's name and every value of the item or root it was
/// rendered for). A card's values are about as long as the card itself, so keeping only their digest lets the cache
/// hold twice the fragments in the same memory.
private struct Key: Hashable, Sendable {
    let digest: Digest32

    init(_ bytes: [UInt8]) { digest = Digest32(SHA256.hash(data: bytes)) }
}

/// `.lessonsPartial` on an item, or `.lessonsPage` on a page's root: its fragment of each partial, by name.
struct FragmentLookup: MustacheParent {
    let item: TemplateValue
    let page: Bool

    func child(named name: String) -> Any? { PartialFragments.render?.fragment(name, for: item, page: page) }
}

/// `.lessonsJoin` on the context's top, then a section's name on it, then a partial's: the fragments of that partial
/// for every item of the top's list under that name, joined (``PartialFragments/Render/joined(_:items:)``).
struct JoinedFragmentLookup: MustacheParent {
    let owner: TemplateValue
    var section: String? = nil

    func child(named name: String) -> Any? {
        guard let section else { return JoinedFragmentLookup(owner: owner, section: name) }
        // Only the top's own list: a name it lacks would be looked for further up by the section, so it runs as it is.
        guard let index = owner.names.firstIndex(of: section) else { return nil }
        return PartialFragments.render?.joined(name, items: owner.values[index])
    }
}

/// Fragments written one after the other, as a section writes them item by item: their HTML, and each one's links and
/// ids recorded in order on the page being rendered.
struct JoinedFragments: MustacheCustomRenderable {
    let fragments: [HTMLFragment]

    /// Whether the fragments' HTML, joined, ends with a line feed that does not follow a carriage return (Swift reads
    /// the two as one character, which Mustache does not take for the end of a line).
    var endsLine: Bool {
        var last: [UInt8] = []
        for fragment in fragments.reversed() {
            for byte in fragment.html.utf8.reversed() {
                last.append(byte)
                if last.count == 2 { return last[0] == UInt8(ascii: "\n") && last[1] != UInt8(ascii: "\r") }
            }
        }
        return last == [UInt8(ascii: "\n")]
    }

    var renderText: String {
        let recorder = LinkRecorder.current
        // On a page, a place its fragments are written into afterwards (``PartialFragments/Render/splice(into:)``).
        if !fragments.isEmpty, fragments.contains(where: { !$0.html.isEmpty }),
            let place = PartialFragments.render?.place(for: self)
        {
            for fragment in fragments { recorder?.append(fragment.links) }
            return place
        }
        var html = ""
        html.reserveCapacity(fragments.reduce(0) { $0 + $1.html.utf8.count })
        for fragment in fragments {
            recorder?.append(fragment.links)
            html += fragment.html
        }
        return html
    }

    /// Present even when no item is, as the empty section writes nothing either way.
    var isNull: Bool { false }
}

extension PartialFragments {
    /// Page partial `partial` (one called outside any section, with the page's root on top of the context) for this
    /// root: the fragment rendered for an earlier page whose root held the same values under every name the partial
    /// read, or rendered now. Nil when the partial is left to Mustache.
    func pageFragment(_ partial: String, root: TemplateValue, library: MustacheLibrary) -> HTMLFragment? {
        let shapes: [[String]]? = state.withLock { state in
            let misses = state.misses[partial, default: 0]
            guard misses < Self.trialRenders || state.hits[partial, default: 0] >= misses else { return nil }
            return state.shapes[partial, default: []]
        }
        guard let shapes else { return nil }
        for shape in shapes {
            guard let key = Self.pageKey(partial, shape: shape, root: root) else { return nil }
            if let known = state.withLock({ state -> HTMLFragment?? in
                let known = state.fragments[Key(key)]
                if known != nil { state.hits[partial, default: 0] += 1 }
                return known
            }) {
                return known
            }
        }
        let reading = ReadingRoot(root: root)
        let recorder = LinkRecorder()
        let html = LinkRecorder.$current.withValue(recorder) {
            library.render(reading, withTemplate: PartialFragmentRewrite.pageWrapperName(partial)) ?? ""
        }
        guard let key = Self.pageKey(partial, shape: reading.names, root: root) else {
            return HTMLFragment(html: html, links: recorder.recorded)
        }
        let fragment = kept(html, recorder)
        let size = StoredCardTable.size(htmlBytes: html.utf8.count)
        state.withLock { state in
            state.misses[partial, default: 0] += 1
            guard state.bytes + size <= capacity,
                state.shapes[partial, default: []].count < Self.maxShapes
                    || state.shapes[partial, default: []].contains(reading.names)
            else { return }
            if !state.shapes[partial, default: []].contains(reading.names) {
                state.shapes[partial, default: []].append(reading.names)
            }
            state.fragments[Key(key)] = fragment
            state.bytes += size
        }
        return fragment
    }

    /// The partial's name, then each name it read with the root's value under it (or its absence).
    private static func pageKey(_ partial: String, shape: [String], root: TemplateValue) -> [UInt8]? {
        var key = Array(partial.utf8)
        key.append(1)
        for name in shape {
            TemplateValueBytes.appendText(name, to: &key)
            guard let value = root.child(named: name) else {
                key.append(0)
                continue
            }
            key.append(1)
            guard TemplateValueBytes.append(value, to: &key) else { return nil }
        }
        return key
    }
}

/// The root a page partial's fragment renders under: the page's root, noting every name read of it, in order.
private final class ReadingRoot: MustacheParent {
    let root: TemplateValue
    private(set) var names: [String] = []

    init(root: TemplateValue) { self.root = root }

    func child(named name: String) -> Any? {
        if !names.contains(name) { names.append(name) }
        return root.child(named: name)
    }
}

/// The root a fragment renders under: it gives the item, the empty literal every page root has
/// (``RecordingTemplate/literalName``), and notes any other lookup, which in a page would have climbed past the item.
private final class FragmentRoot: MustacheParent {
    let item: TemplateValue
    private(set) var climbed = false

    init(item: TemplateValue) { self.item = item }

    func child(named name: String) -> Any? {
        if name == PartialFragments.itemName { return item }
        if name == RecordingTemplate.literalName { return "" }
        climbed = true
        return nil
    }
}

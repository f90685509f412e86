import Synchronization

/// Card fragments kept from one build to the next (stored in the cache by the pipeline): a list or theme page whose
/// model changed is assembled from the cards the last build rendered, and only the cards of items that changed are
/// rendered again (see ``PartialFragments``).
///
/// A card is keyed by the SHA-256 of the partial's name and every value of its item, as within a build; the stored
/// table is read only when it was rendered under the same seed (the theme's templates and the tool, checked by the
/// reader), so a stored card is always the card the partial would render. A table from another version, or a damaged
/// one, is never handed here (it reads as empty).
final class StoredCardFragments: Sendable {
    /// One card: its key and its fragment (nil when the partial read past its item).
    typealias Entry = (key: Digest32, fragment: HTMLFragment?)

    /// Reads the last build's cards, on first use (a rebuild that renders no list page never reads them).
    private let load: @Sendable () -> StoredCardTable
    private let state = Mutex(State())

    private struct State {
        /// The counts once the cards were let go (``release()``): none is asked, read or recorded after.
        var releasedCounts: (reused: Int, rendered: Int)?
        var released: Bool { releasedCounts != nil }
        var previous: StoredCardTable?
        /// Keys of the last build's cards used in this build.
        var used: Set<Digest32> = []
        /// Cards rendered in this build, and the bytes they take (as ``PartialFragments`` counts them).
        var rendered: [Digest32: HTMLFragment?] = [:]
        var renderedBytes = 0
    }

    /// Bytes of cards recorded and stored at most (``PartialFragments/capacity(documents:)``).
    let capacity: Int

    init(capacity: Int = PartialFragments.minimumCapacity, load: @escaping @Sendable () -> StoredCardTable) {
        self.capacity = capacity
        self.load = load
    }

    /// The last build's card for `key`: its fragment, or nil inside when the partial read past its item; nil when the
    /// last build stored no such card. The card is decoded outside the lock, so renders asking at once wait only for
    /// the table's first reading.
    func card(_ key: Digest32) -> HTMLFragment?? {
        let table = state.withLock { state -> StoredCardTable? in
            guard !state.released else { return nil }
            if state.previous == nil { state.previous = load() }
            guard let previous = state.previous, previous.contains(key) else { return nil }
            state.used.insert(key)
            return previous
        }
        return table?[key]
    }

    /// The card for `key` rendered earlier in this build and recorded: its fragment, or nil inside when the partial read
    /// past its item; nil when none was recorded.
    func renderedCard(_ key: Digest32) -> HTMLFragment?? {
        state.withLock { $0.rendered[key] }
    }

    /// Records a card rendered in this build (kept up to ``capacity`` bytes).
    func record(_ key: Digest32, _ fragment: HTMLFragment?, size: Int) {
        state.withLock { state in
            guard !state.released, state.renderedBytes + size <= capacity, state.rendered[key] == nil
            else { return }
            state.rendered[key] = .some(fragment)
            state.renderedBytes += size
        }
    }

    /// Lets go of every card (the last build's and this one's), once those to store were taken (``entries()``)
    /// and the render is done: on a large site they are tens of megabytes, which the link check and the writing of the
    /// output need not hold. Cards asked for after this are not found (a page rendered later renders its own), and
    /// none is recorded.
    func release() {
        state.withLock { state in
            state.releasedCounts = (state.used.count, state.rendered.count)
            state.previous = nil
            state.used = []
            state.rendered = [:]
        }
    }

    /// How many cards came from the last build, and how many were rendered.
    var counts: (reused: Int, rendered: Int) {
        state.withLock { $0.releasedCounts ?? ($0.used.count, $0.rendered.count) }
    }

    /// A stored table is written again only when the cards rendered in a build take more than this share of its bytes.
    static let rewriteShare = 32

    /// The cards to store for the next build, or nil when the stored ones should stay as they are: when this build
    /// rendered none, or rendered few beside a large stored table (a one-document edit renders its card or two, and
    /// those are rendered again by the next builds until enough have gathered to be worth writing the whole table).
    /// Else those rendered, then the last build's cards used, then the rest of them, up to `capacity` bytes, so that
    /// cards of items long changed are let go first.
    func entries() -> [Entry]? {
        state.withLock { state in
            guard !state.rendered.isEmpty else { return nil }
            let previous = state.previous ?? [:]
            guard state.renderedBytes * Self.rewriteShare > previous.size else { return nil }
            let ordered = { (keys: [Digest32]) in
                keys.sorted {
                    ($0.words.0, $0.words.1, $0.words.2, $0.words.3) < ($1.words.0, $1.words.1, $1.words.2, $1.words.3)
                }
            }
            var entries: [Entry] = []
            entries.reserveCapacity(state.rendered.count + previous.count)
            var bytes = 0
            let rendered = state.rendered
            let sources: [([Digest32], (Digest32) -> HTMLFragment??)] = [
                (ordered(Array(rendered.keys)), { rendered[$0] }),
                (ordered(state.used.filter { rendered[$0] == nil }), { previous[$0] }),
                (ordered(previous.keys.filter { !state.used.contains($0) && rendered[$0] == nil }), { previous[$0] }),
            ]
            for (keys, card) in sources {
                for key in keys {
                    guard let fragment = card(key) else { continue }
                    bytes += StoredCardTable.size(of: fragment)
                    guard bytes <= capacity else { return entries }
                    entries.append((key, fragment))
                }
            }
            return entries
        }
    }
}

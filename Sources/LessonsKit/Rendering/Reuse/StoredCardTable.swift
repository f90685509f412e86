/// The last build's cards as ``StoredCardFragments`` reads them: found by key, each made only when asked for.
///
/// The cache reads its stored table as bytes and notes where each card lies in them (``CardFragmentFile``); a rebuild
/// asks for the cards of the list pages it renders again, often a part of tens of thousands, and decodes only those,
/// outside any lock.
struct StoredCardTable: Sendable, ExpressibleByDictionaryLiteral {
    /// Where each card lies, by key: a number only `read` understands.
    private let places: [Digest32: Int]
    /// The card at a place: its fragment, or nil inside when the partial read past its item; nil when it cannot be read.
    private let read: @Sendable (Int) -> HTMLFragment??
    /// The bytes the cards take as ``PartialFragments`` counts them: ``size(htmlBytes:)`` each.
    let size: Int

    /// The bytes one card takes, whose fragment's HTML has `htmlBytes` bytes (none without a fragment): its key and
    /// its HTML. ``PartialFragments`` counts every fragment it keeps (a card or a page partial's) so.
    static func size(htmlBytes: Int) -> Int { MemoryLayout<Digest32>.size + htmlBytes }

    /// The bytes a card with `fragment` takes (``size(htmlBytes:)``).
    static func size(of fragment: HTMLFragment?) -> Int { size(htmlBytes: fragment?.html.utf8.count ?? 0) }

    /// Cards found through `places`, each read from its place by `read`, taking `size` bytes in all.
    init(places: [Digest32: Int], size: Int, read: @escaping @Sendable (Int) -> HTMLFragment??) {
        self.places = places
        self.size = size
        self.read = read
    }

    /// The cards of `cards`, already made.
    init(_ cards: [Digest32: HTMLFragment?]) {
        let entries = Array(cards)
        var places: [Digest32: Int] = [:]
        places.reserveCapacity(entries.count)
        for (place, entry) in entries.enumerated() { places[entry.key] = place }
        self.init(
            places: places,
            size: entries.reduce(0) { $0 + Self.size(of: $1.value) },
            read: { .some(entries[$0].value) })
    }

    init(dictionaryLiteral elements: (Digest32, HTMLFragment?)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { first, _ in first }))
    }

    var count: Int { places.count }
    var isEmpty: Bool { places.isEmpty }
    var keys: Dictionary<Digest32, Int>.Keys { places.keys }

    /// Whether a card is stored under `key`.
    func contains(_ key: Digest32) -> Bool { places[key] != nil }

    /// The card stored under `key`: its fragment, or nil inside when the partial read past its item; nil when none is
    /// stored (or it cannot be read).
    subscript(key: Digest32) -> HTMLFragment?? {
        guard let place = places[key] else { return nil }
        return read(place)
    }
}

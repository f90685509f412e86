import Crypto
import Dispatch
import Synchronization

/// Each search entry's scored terms (``SearchIndex/scores(of:synonyms:stems:)``), by the SHA-256 of what they are
/// computed from: the entry's weighted fields and the site's synonyms. Terms are numbered in a table, so an entry's
/// scores are a run of `(term number << 8) | score` words in one array.
struct SearchScoreTable: Sendable, Equatable {
    /// Every term, by number.
    var terms: [String] = []
    /// Each entry's key and where its scored terms are in ``pairs``.
    var entries: [Digest32: Range<Int>] = [:]
    /// Scored terms of every entry: the term's number shifted left by eight bits, or-ed with its score.
    var pairs: [UInt32] = []

    /// Term numbers stay below this, so a pair always fits in 32 bits.
    static let termLimit = 1 << 24

    /// The scored terms kept under `key`, when there are some and each names a term of the table; else nil (the entry
    /// is then scored again).
    func storedPairs(_ key: Digest32) -> ArraySlice<UInt32>? {
        guard let range = entries[key], range.lowerBound >= 0, range.upperBound <= pairs.count else { return nil }
        let stored = pairs[range]
        guard stored.allSatisfy({ Int($0 >> 8) < terms.count }) else { return nil }
        return stored
    }
}

/// The search index's scored terms kept from one build to the next (stored in the cache by the pipeline): a document
/// whose search entry did not change is not split into words, folded and stemmed again, only its stored scores are
/// added to the index. Keys are content hashes, so a stored table can never give another entry's scores; a table
/// written by another version of the tool, or a damaged one, is never handed here (it reads as empty).
final class SearchScoreCache: Sendable {
    /// Reads the last build's table, on first use (the search index is built late in the render).
    private let load: @Sendable () -> SearchScoreTable
    /// Writes this build's table for the next build as soon as it is made (under a temporary name) and gives what puts
    /// it in place once the output is; nil when the file cannot be made. Without it the table is held to the end.
    private let store: (@Sendable (SearchScoreTable) -> (@Sendable () -> Void)?)?
    private let state = Mutex(State())

    private struct State {
        var previous: SearchScoreTable?
        /// This build's table, for the next build, while it is not stored.
        var current: SearchScoreTable?
        /// Puts this build's stored table in place.
        var place: (@Sendable () -> Void)?
        /// Whether this build's table was made.
        var recorded = false
        /// Left once this build's table is stored (or found not storable): the table is written on another thread,
        /// not by the search index's, whose files are the longest serial step of a rebuild.
        var storing: DispatchGroup?
        /// How many entries came from the last build's table, and how many were scored.
        var reused = 0
        var scored = 0
    }

    init(
        load: @escaping @Sendable () -> SearchScoreTable,
        store: (@Sendable (SearchScoreTable) -> (@Sendable () -> Void)?)? = nil
    ) {
        self.load = load
        self.store = store
    }

    /// The last build's table (read once).
    func previous() -> SearchScoreTable {
        if let table = state.withLock({ $0.previous }) { return table }
        let table = load()
        state.withLock { $0.previous = table }
        return table
    }

    /// Records this build's table and how many entries were reused and scored. The first table is stored at once when
    /// the cache can store it, rather than held to the end of the build (a 10,000-document site's is megabytes), on
    /// another thread: ``current`` and ``placeStored()`` wait for it.
    func record(_ table: SearchScoreTable, reused: Int, scored: Int) {
        let storing: DispatchGroup? = state.withLock { state in
            defer {
                state.recorded = true
                state.reused += reused
                state.scored += scored
                state.previous = nil
            }
            guard !state.recorded, store != nil else {
                state.current = table
                return nil
            }
            state.storing = DispatchGroup()
            state.storing?.enter()
            return state.storing
        }
        guard let storing, let store else { return }
        DispatchQueue.global().async {
            let place = store(table)
            self.state.withLock {
                // Not stored: held, unless a later table is held already (the last one recorded is kept).
                if let place { $0.place = place } else if $0.current == nil { $0.current = table }
            }
            storing.leave()
        }
    }

    /// Waits while this build's table is being stored.
    private func stored() {
        state.withLock { $0.storing }?.wait()
    }

    /// This build's table while it is held (nil when no search index was built, or once it was stored).
    var current: SearchScoreTable? {
        stored()
        return state.withLock { $0.current }
    }

    /// Puts this build's stored table in place; false when none was stored (``current`` then holds it, if any).
    func placeStored() -> Bool {
        stored()
        guard let place = state.withLock({ $0.place }) else { return false }
        place()
        return true
    }

    /// How many entries' scores came from the last build, and how many were computed.
    var counts: (reused: Int, scored: Int) { state.withLock { ($0.reused, $0.scored) } }

    /// The key of an entry's scores: `seed` (the synonyms, ``seed(synonyms:)``) then every field's weight and text.
    static func key(of entry: SearchEntry, seed: [UInt8]) -> Digest32 {
        var hasher = SHA256()
        hasher.update(data: seed)
        var counts: [UInt8] = []
        for field in entry.fields {
            // The same bytes as the field's weight and text written one after the other, with no copy of the text.
            var text = field.text
            text.withUTF8 { utf8 in
                counts.removeAll(keepingCapacity: true)
                TemplateValueBytes.appendLength(field.weight, to: &counts)
                TemplateValueBytes.appendLength(utf8.count, to: &counts)
                hasher.update(data: counts)
                hasher.update(bufferPointer: UnsafeRawBufferPointer(utf8))
            }
        }
        return Digest32(hasher.finalize())
    }

    /// The key of an entry's scores for a site with `synonyms` (as ``key(of:seed:)`` with ``seed(synonyms:)``).
    static func key(of entry: SearchEntry, synonyms: [[String]]) -> Digest32 {
        key(of: entry, seed: seed(synonyms: synonyms))
    }

    /// What every entry's key starts from: what the scores are besides the entry (the synonym groups), as bytes.
    static func seed(synonyms: [[String]]) -> [UInt8] {
        var buffer: [UInt8] = []
        TemplateValueBytes.appendText("search-scores 1", to: &buffer)
        TemplateValueBytes.appendLength(synonyms.count, to: &buffer)
        for group in synonyms {
            TemplateValueBytes.appendLength(group.count, to: &buffer)
            for member in group { TemplateValueBytes.appendText(member, to: &buffer) }
        }
        return buffer
    }
}

/// Builds the postings of an index from entries' scored terms, numbering terms as they come and keeping the table of
/// this build for the next one.
struct SearchScoreAssembly {
    private(set) var table = SearchScoreTable()
    private var numbers: [String: UInt32] = [:]
    /// Postings by term number.
    private(set) var postings: [[SearchIndex.Posting]] = []
    /// The last build's term numbers mapped to this build's (`UInt32.max`: not met yet).
    private var remap: [UInt32]
    private let previous: SearchScoreTable
    /// How many of the last build's entries each of its terms had: a term met again has room made for as many
    /// postings at once, rather than its list growing (and being copied) a posting at a time.
    private var previousCounts: [Int]

    init(previous: SearchScoreTable) {
        self.previous = previous
        remap = Array(repeating: UInt32.max, count: previous.terms.count)
        previousCounts = Array(repeating: 0, count: previous.terms.count)
        for pair in previous.pairs where Int(pair >> 8) < previousCounts.count { previousCounts[Int(pair >> 8)] += 1 }
        table.pairs.reserveCapacity(previous.pairs.count)
        table.terms.reserveCapacity(previous.terms.count)
        table.entries.reserveCapacity(previous.entries.count)
        numbers.reserveCapacity(previous.terms.count)
        postings.reserveCapacity(previous.terms.count)
    }

    /// This build's number of `term`, with room for `expected` postings when it is new.
    private mutating func number(_ term: String, expected: Int = 0) -> UInt32 {
        if let known = numbers[term] { return known }
        let number = UInt32(table.terms.count)
        numbers[term] = number
        table.terms.append(term)
        var list: [SearchIndex.Posting] = []
        list.reserveCapacity(expected)
        postings.append(list)
        return number
    }

    /// Adds document `document`'s stored scores under `key`; false when the last build has none for it
    /// (``SearchScoreTable/storedPairs(_:)``).
    mutating func addStored(key: Digest32, document: Int) -> Bool {
        if table.entries[key] != nil { return addCopy(key: key, document: document) }
        guard let stored = previous.storedPairs(key) else { return false }
        let start = table.pairs.count
        for pair in stored {
            let old = Int(pair >> 8)
            var new = remap[old]
            if new == UInt32.max {
                new = number(previous.terms[old], expected: previousCounts[old])
                remap[old] = new
            }
            table.pairs.append(new << 8 | (pair & 0xFF))
            postings[Int(new)].append(SearchIndex.Posting(document: document, score: Int(pair & 0xFF)))
        }
        table.entries[key] = start..<table.pairs.count
        return true
    }

    /// Adds scores computed for document `document`, kept under `key` (if any) when they fit the table.
    mutating func add(_ scores: [String: Int], key: Digest32?, document: Int) {
        let start = table.pairs.count
        var fits = key != nil && table.terms.count + scores.count < SearchScoreTable.termLimit
        for (term, score) in scores.sorted(by: { $0.key < $1.key }) {
            let number = number(term)
            postings[Int(number)].append(SearchIndex.Posting(document: document, score: score))
            if fits, (0...0xFF).contains(score) {
                table.pairs.append(number << 8 | UInt32(score))
            } else {
                fits = false
            }
        }
        if fits, let key, table.entries[key] == nil {
            table.entries[key] = start..<table.pairs.count
        } else {
            table.pairs.removeSubrange(start...)
        }
    }

    /// Two entries with the same fields: the second takes the first's scores from this build's table.
    private mutating func addCopy(key: Digest32, document: Int) -> Bool {
        guard let range = table.entries[key] else { return false }
        for pair in table.pairs[range] {
            postings[Int(pair >> 8)].append(SearchIndex.Posting(document: document, score: Int(pair & 0xFF)))
        }
        return true
    }

    /// The postings by term.
    var postingsByTerm: [String: [SearchIndex.Posting]] {
        var result: [String: [SearchIndex.Posting]] = [:]
        result.reserveCapacity(table.terms.count)
        for (number, term) in table.terms.enumerated() where !postings[number].isEmpty {
            result[term] = postings[number]
        }
        return result
    }
}

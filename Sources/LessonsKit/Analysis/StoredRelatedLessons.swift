import Synchronization

/// Related lessons kept from one build to the next (stored in the cache by the pipeline): ranking every lesson against
/// the others is the costliest part of an edition's analysis, and its result changes only when a lesson's id, themes,
/// sources, date or place in date order does, or a lesson comes, goes or is superseded. A lesson's body and every other
/// document never reach it.
///
/// A ranking is stored with its key, the SHA-256 of every fact it was made from (``RelatedLessons/key(_:)``),
/// and taken only under the same key; the cache file is read only when the same tool wrote it, so a stored ranking is
/// always the one the lessons would give. A file from another version, or a damaged one, is never handed here (it
/// reads as none).
final class StoredRelatedLessons: Sendable {
    /// Related lesson ids per lesson id (``RelatedLessons/related``) and the key of the facts they were ranked from.
    struct Ranking: Sendable, Equatable {
        let key: [UInt8]
        let related: [String: [String]]
    }

    /// Reads the last build's ranking.
    private let load: @Sendable () -> Ranking?
    private let state = Mutex(State())

    private struct State {
        var current: Ranking?
        var reused = false
    }

    init(load: @escaping @Sendable () -> Ranking?) {
        self.load = load
    }

    /// The last build's ranking when it was made from facts with `key`; else nil.
    func previous(key: [UInt8]) -> [String: [String]]? {
        guard let stored = load(), stored.key == key else { return nil }
        state.withLock { $0.reused = true }
        return stored.related
    }

    /// Records the ranking this build worked out, for the next build.
    func record(_ ranking: Ranking) {
        state.withLock { $0.current = ranking }
    }

    /// The ranking this build worked out; nil when it took the last build's (the cache holds it already).
    var current: Ranking? { state.withLock { $0.current } }

    /// Whether this build took the last build's ranking.
    var reused: Bool { state.withLock { $0.reused } }
}

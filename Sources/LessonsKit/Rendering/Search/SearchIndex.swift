/// The search index of one edition: documents newest first, each term's postings and each filter's documents.
///
/// Document numbers are positions in `entries`, which are sorted newest first, so "then recency" in the
/// ranking is simply "lower number first" and empty-query filter results come out in date order.
struct SearchIndex: Sendable {
    /// A document number and the summed weights of the fields the term occurs in.
    ///
    /// Held in 32 bits each: an index has millions of postings (about 2 million for 10,000 documents), and both numbers
    /// stay far below 2³¹ (a site's documents; a few field weights summed).
    struct Posting: Sendable, Hashable {
        private let storedDocument: Int32
        private let storedScore: Int32

        init(document: Int, score: Int) {
            storedDocument = Int32(document)
            storedScore = Int32(score)
        }

        var document: Int { Int(storedDocument) }
        var score: Int { Int(storedScore) }
    }

    let entries: [SearchEntry]
    /// Stemmed term → postings in document order.
    let postings: [String: [Posting]]
    /// Filter key → document numbers in order.
    let facets: [String: [Int]]

    /// Indexes `entries` (already newest first); each group of `synonyms` makes a document holding one of its words hold them all.
    ///
    /// With `cache`, an entry whose fields and synonyms are those of an entry of the last build takes that entry's
    /// scores instead of being split, folded and stemmed again (see ``SearchScoreCache``); the index is the same.
    ///
    /// The index keeps the entries without their weighted text (``SearchEntry/fields``), each let go as soon as it is
    /// scored: a site's text is not held beside its growing postings.
    ///
    /// `keys`, when given, are the entries' keys in the cache (``SearchScoreCache/key(of:synonyms:)``), worked out
    /// beforehand (on several threads, as the entries are made); else each is worked out here.
    init(
        entries: consuming [SearchEntry], synonyms: [[String]] = [], cache: SearchScoreCache? = nil,
        keys: [Digest32]? = nil
    ) {
        var entries = entries
        let groups = synonyms.map { group in group.map { Self.terms(of: $0) }.filter { !$0.isEmpty } }
        var facets: [String: [Int]] = [:]
        var stems = Stems()
        var assembly = SearchScoreAssembly(previous: cache?.previous() ?? SearchScoreTable())
        let seed = SearchScoreCache.seed(synonyms: synonyms)
        var reused = 0
        // By index, not over a copy of the array, so that each entry's text goes once scored.
        for number in entries.indices {
            let key =
                cache == nil
                ? nil
                : keys.flatMap { $0.count == entries.count ? $0[number] : nil }
                    ?? SearchScoreCache.key(of: entries[number], seed: seed)
            if let key, assembly.addStored(key: key, document: number) {
                reused += 1
            } else {
                assembly.add(
                    Self.scores(of: entries[number], synonyms: groups, stems: &stems), key: key, document: number)
            }
            let entryFacets = entries[number].facets
            // A document counts once in each of its filters (a filter named twice is rare: a theme and its parent).
            for (position, facet) in entryFacets.enumerated() where !entryFacets[..<position].contains(facet) {
                facets[facet, default: []].append(number)
            }
            entries[number].dropFields()
        }
        self.entries = entries
        postings = assembly.postingsByTerm
        self.facets = facets
        cache?.record(assembly.table, reused: reused, scored: entries.count - reused)
    }

    /// Stemmed, indexable terms of `text` in order (stop words dropped).
    static func terms(of text: String) -> [String] {
        var stems = Stems()
        return terms(of: text, stems: &stems)
    }

    /// Each word's term, or nil for a stop word, as found so far: a site's words repeat from document to document, so
    /// each is stemmed once per index.
    typealias Stems = [String: String?]

    static func terms(of text: String, stems: inout Stems) -> [String] {
        var terms: [String] = []
        for word in SearchText.words(text) {
            if let known = stems[word] {
                if let known { terms.append(known) }
                continue
            }
            let term = SearchText.stopWords.contains(word) ? nil : Stemmer.stem(word)
            stems[word] = .some(term)
            if let term { terms.append(term) }
        }
        return terms
    }

    /// Each term of the entry with the sum of the distinct field weights it appears in.
    static func scores(of entry: SearchEntry, synonyms: [[[String]]], stems: inout Stems) -> [String: Int] {
        var weightsByTerm: [String: Set<Int>] = [:]
        for field in entry.fields {
            let terms = Self.terms(of: field.text, stems: &stems)
            var present = Set(terms)
            for group in synonyms where group.contains(where: { Self.contains(terms, present, $0) }) {
                for member in group { present.formUnion(member) }
            }
            for term in present { weightsByTerm[term, default: []].insert(field.weight) }
        }
        return weightsByTerm.mapValues { $0.reduce(0, +) }
    }

    private static func contains(_ terms: [String], _ present: Set<String>, _ phrase: [String]) -> Bool {
        guard phrase.count > 1 else { return phrase.first.map(present.contains) ?? false }
        guard phrase.allSatisfy(present.contains), terms.count >= phrase.count else { return false }
        return (0...(terms.count - phrase.count)).contains { start in
            terms[start..<(start + phrase.count)].elementsEqual(phrase)
        }
    }

    /// Matches one query word as the browser does: its stem exactly, or (three letters and more) any term it begins.
    ///
    /// Used by tests and as the reference for `search.js`; returns document numbers with the best score per document.
    func match(word: String) -> [Int: Int] {
        let folded = SearchText.fold(word)
        guard !folded.isEmpty, !SearchText.stopWords.contains(folded) else { return [:] }
        let stem = Stemmer.stem(folded)
        var best: [Int: Int] = [:]
        for (term, list) in postings {
            let exact = term == stem || Self.isInflection(of: term, typed: folded)
            guard exact || (folded.count >= 3 && term.hasPrefix(folded)) else { continue }
            // A prefix match counts a little less than the word itself.
            for posting in list {
                let score = exact ? posting.score * 10 : posting.score * 7
                best[posting.document] = max(best[posting.document] ?? 0, score)
            }
        }
        return best
    }

    /// True when `typed` is `term` plus the start of a common ending (`learni` while typing `learning`).
    static func isInflection(of term: String, typed: String) -> Bool {
        guard term.count >= 3, typed.count > term.count, typed.hasPrefix(term) else { return false }
        let rest = typed.dropFirst(term.count)
        return inflections.contains { $0.hasPrefix(rest) }
    }

    /// Endings the stemmer removes, as typed after a stem.
    static let inflections = ["s", "es", "ed", "ing", "ies", "ied", "ying", "e", "ely"]

    /// Documents for a query: every word must match; by score, then newest first; `filters` keep documents in all of them.
    func search(_ query: String, filters: [String] = []) -> [Int] {
        let words = SearchText.words(query).filter { !SearchText.stopWords.contains($0) }
        var allowed: Set<Int>? = nil
        for filter in filters {
            let documents = Set(facets[filter] ?? [])
            allowed = allowed.map { $0.intersection(documents) } ?? documents
        }
        guard !words.isEmpty else { return (allowed.map { Array($0) } ?? []).sorted() }
        var scores: [Int: Int]? = nil
        for word in words {
            let matches = match(word: word)
            scores =
                scores.map { previous in
                    previous.filter { matches[$0.key] != nil }.merging(
                        matches.filter { previous[$0.key] != nil }, uniquingKeysWith: +)
                } ?? matches
        }
        let found = (scores ?? [:]).filter { allowed?.contains($0.key) ?? true }
        return found.sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }.map(\.key)
    }
}

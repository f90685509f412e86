import Crypto

/// Other lessons related to each lesson, ranked by shared themes, shared sources and closeness in date
/// (the related-content idea of Hugo, with the weights below).
struct RelatedLessons: Sendable {
    /// Score for each theme two lessons share.
    static let sharedThemeWeight = 3.0
    /// Score for each source (incident, review…) two lessons draw on.
    static let sharedSourceWeight = 5.0
    /// Score for publication on the same day, falling linearly to nothing at `dateWindowDays` apart.
    static let dateWeight = 2.0
    static let dateWindowDays = 365.0
    /// How many related lessons a page shows.
    static let limit = 5

    /// Related lesson ids (lower-cased) per lesson id, best first.
    let related: [String: [String]]

    func related(to document: Document) -> [String] { related[document.slug] ?? [] }

    /// Only lessons sharing a theme or a source are candidates (see ``RelatedLessonRanking`` for how this stays far
    /// from the square of their number). With `stored`, the last build's ranking is taken when it was made from the same
    /// facts, and this one is recorded when worked out.
    init(content: EditionContent, stored: StoredRelatedLessons? = nil) {
        let lessons = content.documents.filter { $0.type == .lesson && $0.supersededBy == nil }
        var numbers: [String: Int] = [:]
        func number(_ name: String) -> Int {
            if let known = numbers[name] { return known }
            numbers[name] = numbers.count
            return numbers.count - 1
        }
        var order = [Int](repeating: 0, count: lessons.count)
        for (place, index) in lessons.indices.sorted(by: { Document.newestFirst(lessons[$0], lessons[$1]) })
            .enumerated()
        {
            order[index] = place
        }
        var names: [Facts] = []
        names.reserveCapacity(lessons.count)
        let facts = lessons.indices.map { index in
            let lesson = lessons[index]
            var sources: [String] = []
            if case .lesson(let details) = lesson.details { sources = details.sources.map { $0.value.lowercased() } }
            let (themes, sourceSet) = (Set(lesson.themes), Set(sources))
            let day = lesson.date.map(CalendarDay.number)
            names.append(
                Facts(
                    id: lesson.slug, themes: themes.sorted(), sources: sourceSet.sorted(), day: day, order: order[index]
                ))
            return RelatedLessonRanking.Lesson(
                themes: themes.map { number("theme " + $0) }, sources: sourceSet.map { number("source " + $0) },
                day: day, order: order[index])
        }
        let key = stored.map { _ in Self.key(names) }
        if let key, let known = stored?.previous(key: key) {
            self.related = known
            return
        }
        let ranking = RelatedLessonRanking(lessons: facts, limit: Self.limit)
        var related: [String: [String]] = [:]
        for index in lessons.indices {
            let best = ranking.best(for: index)
            if !best.isEmpty { related[lessons[index].slug] = best.map { lessons[$0].slug } }
        }
        self.related = related
        if let key { stored?.record(StoredRelatedLessons.Ranking(key: key, related: related)) }
    }

    /// What the ranking reads of one lesson: its id, its themes and sources (each once, sorted), its day number and its
    /// place in newest-first order.
    struct Facts {
        let id: String
        let themes: [String]
        let sources: [String]
        let day: Int?
        let order: Int
    }

    /// The SHA-256 of the weights, the limit and every lesson's facts in the edition's order: the key under which a
    /// ranking is stored (``StoredRelatedLessons``). Names, not the ranking's numbers, which depend on the order a set
    /// gives them.
    static func key(_ lessons: [Facts]) -> [UInt8] {
        var hasher = SHA256()
        func add(_ number: Int) {
            withUnsafeBytes(of: Int64(number).littleEndian) { hasher.update(bufferPointer: $0) }
        }
        func add(_ text: String) {
            add(text.utf8.count)
            hasher.update(data: Array(text.utf8))
        }
        add("related lessons 1")
        for weight in [sharedThemeWeight, sharedSourceWeight, dateWeight, dateWindowDays] {
            add(Int(bitPattern: UInt(weight.bitPattern)))
        }
        add(limit)
        add(lessons.count)
        for lesson in lessons {
            add(lesson.id)
            add(lesson.themes.count)
            lesson.themes.forEach(add)
            add(lesson.sources.count)
            lesson.sources.forEach(add)
            add(lesson.day != nil ? 1 : 0)
            add(lesson.day ?? 0)
            add(lesson.order)
        }
        return Array(hasher.finalize())
    }
}

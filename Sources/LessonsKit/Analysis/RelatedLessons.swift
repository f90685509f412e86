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
    /// from the square of their number).
    init(content: EditionContent) {
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
        let facts = lessons.indices.map { index in
            let lesson = lessons[index]
            var sources: [String] = []
            if case .lesson(let details) = lesson.details { sources = details.sources.map { $0.value.lowercased() } }
            return RelatedLessonRanking.Lesson(
                themes: Set(lesson.themes).map { number("theme " + $0) },
                sources: Set(sources).map { number("source " + $0) },
                day: lesson.date.map(CalendarDay.number), order: order[index])
        }
        let ranking = RelatedLessonRanking(lessons: facts, limit: Self.limit)
        var related: [String: [String]] = [:]
        for index in lessons.indices {
            let best = ranking.best(for: index)
            if !best.isEmpty { related[lessons[index].slug] = best.map { lessons[$0].slug } }
        }
        self.related = related
    }
}

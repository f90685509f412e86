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

    /// Only lessons sharing a theme or a source are candidates, found through inverted indexes, so the cost grows
    /// with the overlap between lessons rather than with the square of their number.
    init(content: EditionContent) {
        let lessons = content.documents.filter { $0.type == .lesson && $0.supersededBy == nil }
        let sources: [[String]] = lessons.map { lesson in
            guard case .lesson(let details) = lesson.details else { return [] }
            return Array(Set(details.sources.map { $0.value.lowercased() }))
        }
        let themes = lessons.map { Array(Set($0.themes)) }
        let days = lessons.map { $0.date.map(CalendarDay.number) }
        var byTheme: [String: [Int]] = [:]
        var bySource: [String: [Int]] = [:]
        for index in lessons.indices {
            for theme in themes[index] { byTheme[theme, default: []].append(index) }
            for source in sources[index] { bySource[source, default: []].append(index) }
        }
        var related: [String: [String]] = [:]
        // Dense scores reset through the list of touched candidates: no hashing and no full sort per lesson.
        var scores = [Double](repeating: 0, count: lessons.count)
        var touched: [Int] = []
        for index in lessons.indices {
            for theme in themes[index] {
                for other in byTheme[theme] ?? [] where other != index {
                    if scores[other] == 0 { touched.append(other) }
                    scores[other] += Self.sharedThemeWeight
                }
            }
            for source in sources[index] {
                for other in bySource[source] ?? [] where other != index {
                    if scores[other] == 0 { touched.append(other) }
                    scores[other] += Self.sharedSourceWeight
                }
            }
            guard !touched.isEmpty else { continue }
            var best: [(Int, Double)] = []
            func ranksBefore(_ a: (Int, Double), _ b: (Int, Double)) -> Bool {
                a.1 != b.1 ? a.1 > b.1 : Document.newestFirst(lessons[a.0], lessons[b.0])
            }
            for other in touched {
                var total = scores[other]
                scores[other] = 0
                if let a = days[index], let b = days[other] {
                    total += Self.dateWeight * max(0, 1 - Double(abs(a - b)) / Self.dateWindowDays)
                }
                let candidate = (other, total)
                guard best.count < Self.limit || best.last.map({ ranksBefore(candidate, $0) }) == true else { continue }
                let position = best.firstIndex { ranksBefore(candidate, $0) } ?? best.count
                best.insert(candidate, at: position)
                if best.count > Self.limit { best.removeLast() }
            }
            touched.removeAll(keepingCapacity: true)
            related[lessons[index].slug] = best.map { lessons[$0.0].slug }
        }
        self.related = related
    }
}

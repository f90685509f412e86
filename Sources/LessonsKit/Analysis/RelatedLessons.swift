/// Other lessons related to each lesson, ranked by shared themes, shared sources and closeness in date
/// (the related-content idea of Hugo, with the weights below).
public struct RelatedLessons: Sendable {
    /// Score for each theme two lessons share.
    public static let sharedThemeWeight = 3.0
    /// Score for each source (incident, review…) two lessons draw on.
    public static let sharedSourceWeight = 5.0
    /// Score for publication on the same day, falling linearly to nothing at `dateWindowDays` apart.
    public static let dateWeight = 2.0
    public static let dateWindowDays = 365.0
    /// How many related lessons a page shows.
    public static let limit = 5

    /// Related lesson ids (lower-cased) per lesson id, best first.
    public let related: [String: [String]]

    public func related(to document: Document) -> [String] { related[document.slug] ?? [] }

    /// Only lessons sharing a theme or a source are candidates, found through inverted indexes, so the cost grows
    /// with the overlap between lessons rather than with the square of their number.
    public init(content: EditionContent) {
        let lessons = content.documents.filter { $0.type == .lesson && $0.supersededBy == nil }
        let sources: [[String]] = lessons.map { lesson in
            guard case .lesson(let details) = lesson.details else { return [] }
            return Array(Set(details.sources.map { $0.value.lowercased() }))
        }
        let themes = lessons.map { Array(Set($0.themes)) }
        let days = lessons.map { $0.date.map(CalendarDay.number) }
        var byTheme: [String: [Int]] = [:], bySource: [String: [Int]] = [:]
        for index in lessons.indices {
            for theme in themes[index] { byTheme[theme, default: []].append(index) }
            for source in sources[index] { bySource[source, default: []].append(index) }
        }
        var related: [String: [String]] = [:]
        var scores: [Int: Double] = [:]
        for index in lessons.indices {
            scores.removeAll(keepingCapacity: true)
            for theme in themes[index] { for other in byTheme[theme] ?? [] where other != index { scores[other, default: 0] += Self.sharedThemeWeight } }
            for source in sources[index] { for other in bySource[source] ?? [] where other != index { scores[other, default: 0] += Self.sharedSourceWeight } }
            guard !scores.isEmpty else { continue }
            var ranked = scores.map { other, score -> (Int, Double) in
                var total = score
                if let a = days[index], let b = days[other] {
                    total += Self.dateWeight * max(0, 1 - Double(abs(a - b)) / Self.dateWindowDays)
                }
                return (other, total)
            }
            ranked.sort { $0.1 != $1.1 ? $0.1 > $1.1 : Document.newestFirst(lessons[$0.0], lessons[$1.0]) }
            related[lessons[index].slug] = ranked.prefix(Self.limit).map { lessons[$0.0].slug }
        }
        self.related = related
    }
}

import Testing

@testable import LessonsKit

/// The grouped ranking gives exactly what scoring every pair of lessons gives, on random sets of lessons shaped to
/// produce ties: few themes, shared sources, lessons on the same day or a year apart, undated lessons.
@Suite struct RelatedLessonRankingTests {
    /// The definition: every other lesson sharing a theme or a source, by score, ties to the newer.
    static func byEveryPair(_ lessons: [RelatedLessonRanking.Lesson], limit: Int) -> [[Int]] {
        lessons.indices.map { index in
            let lesson = lessons[index]
            var scored: [(index: Int, score: Double)] = []
            for other in lessons.indices where other != index {
                let themes = Set(lesson.themes).intersection(lessons[other].themes).count
                let sources = Set(lesson.sources).intersection(lessons[other].sources).count
                guard themes + sources > 0 else { continue }
                var score = Double(themes) * RelatedLessons.sharedThemeWeight
                score += Double(sources) * RelatedLessons.sharedSourceWeight
                if let a = lesson.day, let b = lessons[other].day {
                    score += RelatedLessons.dateWeight * max(0, 1 - Double(abs(a - b)) / RelatedLessons.dateWindowDays)
                }
                scored.append((other, score))
            }
            scored.sort {
                $0.score != $1.score ? $0.score > $1.score : lessons[$0.index].order < lessons[$1.index].order
            }
            return scored.prefix(limit).map(\.index)
        }
    }

    static func randomLessons(count: Int, themes: Int, sources: Int, days: Int, using random: inout SplitMix64)
        -> [RelatedLessonRanking.Lesson]
    {
        let order = Array(0..<count).shuffled(using: &random)
        return (0..<count).map { index in
            let themeCount = Int.random(in: 0...3, using: &random)
            let sourceCount = Int.random(in: 0...2, using: &random)
            return RelatedLessonRanking.Lesson(
                themes: Array(Set((0..<themeCount).map { _ in Int.random(in: 0..<themes, using: &random) })),
                sources: Array(Set((0..<sourceCount).map { _ in Int.random(in: 0..<sources, using: &random) })),
                day: Int.random(in: 0..<8, using: &random) == 0 ? nil : Int.random(in: 0..<days, using: &random),
                order: order[index])
        }
    }

    @Test(arguments: [
        (lessons: 60, themes: 2, sources: 40, days: 30),  // nearly everything shared, many same-day ties
        (lessons: 200, themes: 6, sources: 150, days: 900),  // some lessons a year or more apart
        (lessons: 300, themes: 20, sources: 30, days: 3000),  // sources shared widely, few theme overlaps
        (lessons: 40, themes: 40, sources: 400, days: 400),  // sparse: many lessons have fewer than five related
    ])
    func matchesScoringEveryPair(lessons: Int, themes: Int, sources: Int, days: Int) {
        for seed in UInt64(1)...8 {
            var random = SplitMix64(seed: seed)
            let facts = Self.randomLessons(
                count: lessons, themes: themes, sources: sources, days: days, using: &random)
            let ranking = RelatedLessonRanking(lessons: facts, limit: RelatedLessons.limit)
            let expected = Self.byEveryPair(facts, limit: RelatedLessons.limit)
            for index in facts.indices {
                #expect(ranking.best(for: index) == expected[index], "seed \(seed), lesson \(index)")
            }
        }
    }

    @Test func aThemeSharedOnTheSameDayRanksBelowTwoThemesYearsApart() {
        let lessons = [
            RelatedLessonRanking.Lesson(themes: [1, 2], sources: [], day: 1000, order: 0),
            RelatedLessonRanking.Lesson(themes: [1], sources: [], day: 1000, order: 1),
            RelatedLessonRanking.Lesson(themes: [1, 2], sources: [], day: 1000 - 3 * 365, order: 2),
            RelatedLessonRanking.Lesson(themes: [3], sources: [7], day: 10, order: 3),
            RelatedLessonRanking.Lesson(themes: [2], sources: [7], day: nil, order: 4),
        ]
        let ranking = RelatedLessonRanking(lessons: lessons, limit: 5)
        #expect(ranking.best(for: 0) == [2, 1, 4])
        #expect(ranking.best(for: 3) == [4], "a shared source counts on its own")
    }
}

/// The ranking behind ``RelatedLessons``, over numbered facts rather than documents.
///
/// A lesson's score against another is `sharedThemeWeight` per shared theme, plus `sharedSourceWeight` per shared
/// source, plus up to `dateWeight` for closeness in date; ties go to the newer lesson. Counting shared themes pair by
/// pair grows with the square of the lessons, since a theme is shared by a fixed fraction of them. Here lessons with
/// the same set of themes form one group: the theme score against every member is the same, so it is worked out once
/// per group, and within a group only the members nearest in date can rank, found by a binary search.
struct RelatedLessonRanking: Sendable {
    /// One lesson: its theme and source numbers (no repeats), its day number when dated, and its place in
    /// newest-first order (which breaks ties between equal scores).
    struct Lesson: Sendable {
        let themes: [Int]
        let sources: [Int]
        let day: Int?
        let order: Int
    }

    let lessons: [Lesson]
    let limit: Int
    private let bySource: [Int: [Int]]
    private let groups: [ThemeGroup]
    private let groupsByTheme: [Int: [Int]]

    init(lessons: [Lesson], limit: Int) {
        self.lessons = lessons
        self.limit = limit
        var bySource: [Int: [Int]] = [:]
        var groupOfThemes: [[Int]: Int] = [:]
        var members: [[Int]] = []
        for (index, lesson) in lessons.enumerated() {
            for source in lesson.sources { bySource[source, default: []].append(index) }
            guard !lesson.themes.isEmpty else { continue }
            let themes = lesson.themes.sorted()
            if let group = groupOfThemes[themes] {
                members[group].append(index)
            } else {
                groupOfThemes[themes] = members.count
                members.append([index])
            }
        }
        var groups = [ThemeGroup?](repeating: nil, count: members.count)
        var groupsByTheme: [Int: [Int]] = [:]
        for (themes, group) in groupOfThemes {
            groups[group] = ThemeGroup(members: members[group], lessons: lessons)
            for theme in themes { groupsByTheme[theme, default: []].append(group) }
        }
        self.bySource = bySource
        self.groups = groups.compactMap { $0 }
        self.groupsByTheme = groupsByTheme.mapValues { $0.sorted() }
    }

    /// The score date closeness adds for lessons `distance` days apart.
    static func closeness(distance: Int) -> Double {
        RelatedLessons.dateWeight * max(0, 1 - Double(distance) / RelatedLessons.dateWindowDays)
    }

    func closeness(_ a: Int, _ b: Int) -> Double {
        guard let x = lessons[a].day, let y = lessons[b].day else { return 0 }
        return Self.closeness(distance: abs(x - y))
    }

    /// The indices of the lessons most related to lesson `index`, best first; at most `limit`.
    func best(for index: Int) -> [Int] {
        let lesson = lessons[index]
        var scored: [(index: Int, score: Double)] = []
        // Lessons sharing a source: few, each scored in full.
        var sharedSources: [Int: Int] = [:]
        for source in lesson.sources {
            for other in bySource[source] ?? [] where other != index { sharedSources[other, default: 0] += 1 }
        }
        for (other, count) in sharedSources {
            let themes = lesson.themes.filter { lessons[other].themes.contains($0) }.count
            let score =
                Double(themes) * RelatedLessons.sharedThemeWeight
                + Double(count) * RelatedLessons.sharedSourceWeight
            scored.append((other, score + closeness(index, other)))
        }
        // Lessons sharing only themes, by how many they share: closeness is worth less than one theme, so a level is
        // ranked only while the levels above it hold fewer than `limit` lessons.
        var sharedThemes: [Int: Int] = [:]
        for theme in lesson.themes {
            for group in groupsByTheme[theme] ?? [] { sharedThemes[group, default: 0] += 1 }
        }
        var levels: [Int: [Int]] = [:]
        for (group, count) in sharedThemes { levels[count, default: []].append(group) }
        var themeOnly: [(index: Int, score: Double)] = []
        for (count, groupsAtLevel) in levels.sorted(by: { $0.key > $1.key }) where themeOnly.count < limit {
            let themeScore = Double(count) * RelatedLessons.sharedThemeWeight
            var pool: [(index: Int, score: Double)] = []
            for group in groupsAtLevel.sorted() {
                let nearest = groups[group].leading(limit, near: lesson.day, lessons: lessons) { other in
                    other == index || sharedSources[other] != nil
                }
                pool += nearest.map { ($0, themeScore + closeness(index, $0)) }
            }
            pool.sort(by: ranksBefore)
            themeOnly += pool.prefix(limit - themeOnly.count)
        }
        scored += themeOnly
        scored.sort(by: ranksBefore)
        return scored.prefix(limit).map(\.index)
    }

    private func ranksBefore(_ a: (index: Int, score: Double), _ b: (index: Int, score: Double)) -> Bool {
        a.score != b.score ? a.score > b.score : lessons[a.index].order < lessons[b.index].order
    }
}

/// Lessons carrying the same set of themes, in date order and in newest-first order.
private struct ThemeGroup: Sendable {
    /// Dated members by day, then newest-first order; `days` runs alongside.
    let byDay: [Int]
    let days: [Int]
    /// Every member, newest first.
    let newestFirst: [Int]

    init(members: [Int], lessons: [RelatedLessonRanking.Lesson]) {
        let dated = members.compactMap { member in lessons[member].day.map { (member, $0) } }
            .sorted { ($0.1, lessons[$0.0].order) < ($1.1, lessons[$1.0].order) }
        byDay = dated.map(\.0)
        days = dated.map(\.1)
        newestFirst = members.sorted { lessons[$0].order < lessons[$1].order }
    }

    /// At least the `count` members (or all, when fewer) that rank first for a lesson on `day` among those not
    /// `excluded`: nearest in date while closeness scores, whole runs of equal distance included, then newest first.
    func leading(
        _ count: Int, near day: Int?, lessons: [RelatedLessonRanking.Lesson], excluded: (Int) -> Bool
    ) -> [Int] {
        var result: [Int] = []
        if let day {
            var above = days.partitionIndex { $0 >= day }
            var below = above - 1
            while result.count < count {
                let distance = min(
                    below >= 0 ? day - days[below] : Int.max, above < days.count ? days[above] - day : Int.max)
                guard distance != Int.max, RelatedLessonRanking.closeness(distance: distance) > 0 else { break }
                while below >= 0, day - days[below] == distance {
                    if !excluded(byDay[below]) { result.append(byDay[below]) }
                    below -= 1
                }
                while above < days.count, days[above] - day == distance {
                    if !excluded(byDay[above]) { result.append(byDay[above]) }
                    above += 1
                }
            }
            guard result.count < count else { return result }
        }
        // The rest score nothing for closeness, so newer ranks first.
        for member in newestFirst where result.count < count && !excluded(member) {
            if let day, let other = lessons[member].day,
                RelatedLessonRanking.closeness(distance: abs(other - day)) > 0
            {
                continue  // already considered above
            }
            result.append(member)
        }
        return result
    }
}

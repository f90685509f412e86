/// Every aggregate the pages of one edition show, computed once from the edition's own documents, the data
/// files and the build date (never from the whole corpus, so nothing outside the edition leaks in).
struct EditionAnalysis: Sendable {
    let today: PartialDate
    /// The three years of quarters trends cover, ending with the build date's quarter.
    let axis: QuarterAxis
    let themes: ThemeAnalysis
    let units: UnitAnalysis
    let actions: ActionsDashboard
    let sessions: SessionsAnalysis
    let culture: CultureGrid
    let leads: LeadsCoverage
    let relatedLessons: RelatedLessons
    let responseMix: ResponseMix
    /// Lessons published in the build date's month one year earlier, newest first.
    let thisTimeLastYear: [Document]

    static let trendQuarters = 12

    init(content: EditionContent, data: SiteData, frameworks: [String: Framework], today: PartialDate) {
        self.today = today
        let axis = QuarterAxis(through: today, count: Self.trendQuarters)
        self.axis = axis
        themes = ThemeAnalysis(content: content, data: data, today: today, quarters: Self.trendQuarters)
        units = UnitAnalysis(content: content, data: data, axis: axis)
        actions = ActionsDashboard(content: content, today: today)
        sessions = SessionsAnalysis(content: content, today: today)
        culture = CultureGrid(content: content, data: data, frameworks: frameworks, today: today)
        leads = LeadsCoverage(data: data)
        relatedLessons = RelatedLessons(content: content)
        responseMix = ResponseMix(content: content, axis: axis)
        let lastYear = PartialDate(year: today.year - 1, month: today.month)
        thisTimeLastYear = content.documents
            .filter { $0.type == .lesson && $0.supersededBy == nil && $0.date.map { $0.monthOnly == lastYear } == true }
            .sorted(by: Document.newestFirst)
    }
}

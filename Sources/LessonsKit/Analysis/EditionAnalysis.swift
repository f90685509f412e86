/// Every aggregate the pages of one edition show, computed once from the edition's own documents, the data
/// files and the build date (never from the whole corpus, so nothing outside the edition leaks in). The actions
/// dashboard, the response mix and "this time last year" are computed when first read: only pages read them, and a
/// build that takes those pages from the last one never does.
struct EditionAnalysis: Sendable {
    let today: PartialDate
    /// The three years of quarters trends cover, ending with the build date's quarter.
    let axis: QuarterAxis
    let themes: ThemeAnalysis
    let units: UnitAnalysis
    var actions: ActionsDashboard { deferredActions.value }
    let sessions: SessionsAnalysis
    let culture: CultureGrid
    let leads: LeadsCoverage
    let relatedLessons: RelatedLessons
    var responseMix: ResponseMix { deferredResponseMix.value }
    /// Lessons published in the build date's month one year earlier, newest first.
    var thisTimeLastYear: [Document] { deferredLastYear.value }
    private let deferredActions: Deferred<ActionsDashboard>
    private let deferredResponseMix: Deferred<ResponseMix>
    private let deferredLastYear: Deferred<[Document]>

    static let trendQuarters = 12

    /// The quarters trends cover for a build on `today`.
    static func axis(today: PartialDate) -> QuarterAxis { QuarterAxis(through: today, count: trendQuarters) }

    /// The edition's themes, with their trends over ``trendQuarters``.
    static func themes(content: EditionContent, data: SiteData, today: PartialDate) -> ThemeAnalysis {
        ThemeAnalysis(content: content, data: data, today: today, quarters: trendQuarters)
    }

    /// The edition's directorates and services, with their trends over ``axis(today:)``.
    static func units(content: EditionContent, data: SiteData, today: PartialDate) -> UnitAnalysis {
        UnitAnalysis(content: content, data: data, axis: axis(today: today))
    }

    /// The whole analysis, made here on one thread.
    init(content: EditionContent, data: SiteData, frameworks: [String: Framework], today: PartialDate) {
        self.init(
            content: content, data: data, frameworks: frameworks, today: today,
            themes: Self.themes(content: content, data: data, today: today),
            units: Self.units(content: content, data: data, today: today),
            relatedLessons: RelatedLessons(content: content))
    }

    /// The analysis with its three largest parts made beforehand, each as ``themes(content:data:today:)``,
    /// ``units(content:data:today:)`` and ``RelatedLessons/init(content:stored:)`` make it: the renderer makes them on
    /// two threads.
    init(
        content: EditionContent, data: SiteData, frameworks: [String: Framework], today: PartialDate,
        themes: ThemeAnalysis, units: UnitAnalysis, relatedLessons: RelatedLessons
    ) {
        self.today = today
        let axis = Self.axis(today: today)
        self.axis = axis
        self.themes = themes
        self.units = units
        deferredActions = Deferred { ActionsDashboard(content: content, today: today) }
        sessions = SessionsAnalysis(content: content, today: today)
        culture = CultureGrid(content: content, data: data, frameworks: frameworks, today: today)
        leads = LeadsCoverage(data: data)
        self.relatedLessons = relatedLessons
        deferredResponseMix = Deferred { ResponseMix(content: content, axis: axis) }
        let lastYear = PartialDate(year: today.year - 1, month: today.month)
        deferredLastYear = Deferred {
            content.documents
                .filter {
                    $0.type == .lesson && $0.supersededBy == nil && $0.date.map { $0.monthOnly == lastYear } == true
                }
                .sorted(by: Document.newestFirst)
        }
    }
}

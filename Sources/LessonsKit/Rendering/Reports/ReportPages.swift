/// `reports/index.html` and `reports/<from>-to-<to>/index.html`: learning reports for the board and the CQC, one per
/// period listed under `reports:` in `site.yaml`, each figure a chart with its table, printable on A4 (and a PDF when
/// `print.pdf` allows). Counts of incidents and debriefs follow the edition's small-number rule, as on every page.
struct ReportView {
    struct Stat {
        let text: String
        let label: String
    }
    struct Item {
        let text: String
        let href: String?
    }
    struct Quote {
        let text: String
        let source: String
    }
    struct Section {
        let id: String
        let heading: String
        var note: String? = nil
        var figures: [Figure] = []
        var items: [Item] = []
        var quotes: [Quote] = []
        var empty: String? = nil
    }

    let periodText: String
    let intro: String
    let pdfHref: String?
    let stats: [Stat]
    let sections: [Section]
    let editionTitle: String
    let generatedOn: String
    let suppression: String
}

/// `report.mustache`: the report under the key `report`.
struct ReportBody {
    let report: ReportView
}

/// `reports.mustache`: every report of the site.
struct ReportsBody {
    let intro: String
    let reports: [PageLink]
}

struct ReportPages: Sendable {
    let frame: PageFrame
    let templates: TemplateSet
    let links: DocumentLinks
    let figures: FigureBuilder
    let data: SiteData
    let frameworks: [String: Framework]
    /// `reports:` of site.yaml.
    let periods: [MonthPeriod]
    let today: PartialDate
    /// The pages' input keys, when the last build's pages can be reused (see ``AggregateInputs``).
    var keys: AggregateInputs? = nil
    var paths: SitePaths { links.paths }
    var content: EditionContent { links.content }

    static let reportsFolder = "reports/"

    /// `reports/2026-04-to-2026-09/`.
    static func reportFolder(_ period: MonthPeriod) -> String { reportsFolder + "\(period.from)-to-\(period.to)/" }

    /// The PDF's path: `reports/2026-04-to-2026-09/learning-report-2026-04-to-2026-09.pdf`.
    static func reportPDFPath(_ period: MonthPeriod) -> String {
        reportFolder(period) + "learning-report-\(period.from)-to-\(period.to).pdf"
    }

    func files(pdfs: Set<String> = []) -> [OutputFile] {
        guard !periods.isEmpty, templates.has("report"), templates.has("reports") else { return [] }
        let index = templates.aggregatePage(
            paths.file(for: Self.reportsFolder), "reports", inputs: keys?.inputs("reports 1"), indexModel)
        return [index] + periods.map { reportPage($0, hasPDF: pdfs.contains(Self.reportPDFPath($0))) }
    }

    /// The list of reports: made from `reports:` of site.yaml alone.
    func indexModel() -> Page<ReportsBody> {
        let body = ReportsBody(
            intro:
                "Evidence that learning is shared and embedded, period by period, for the Trust board, commissioners and the CQC.",
            reports: periods.map {
                PageLink(
                    title: "Learning report: \($0.displayText)",
                    href: paths.href(from: Self.reportsFolder, to: Self.reportFolder($0)))
            })
        return frame.page(
            body, folder: Self.reportsFolder, title: "Learning reports", currentSection: nil,
            breadcrumbs: [("Home", "")])
    }

    func reportPage(_ period: MonthPeriod, hasPDF: Bool) -> OutputFile {
        templates.aggregatePage(
            paths.file(for: Self.reportFolder(period)), "report", inputs: keys?.reportPage(period, hasPDF: hasPDF)
        ) { reportModel(period, hasPDF: hasPDF) }
    }

    func reportModel(_ period: MonthPeriod, hasPDF: Bool) -> Page<ReportBody> {
        let folder = Self.reportFolder(period)
        let report = LearningReport(
            period: period, content: content, data: data, frameworks: frameworks, today: today)
        let title = "Learning report: \(period.displayText)"
        let editionTitle = frame.editionTitle
        let rating = report.meanRating.map(SVGText.number)
        let debriefs = report.debriefsByKind.map(\.count).reduce(0, +)
        let met = report.candour.first { $0.status == "met" }?.count ?? 0
        let candourTotal = report.candour.map(\.count).reduce(0, +)
        let onTime = report.actions.first { $0.outcome == "completed on time" }?.count ?? 0
        let stats: [ReportView.Stat] = [
            .init(
                text: "\(report.lessons.count)",
                label: report.lessons.count == 1 ? "lesson published" : "lessons published"),
            .init(
                text: "\(report.sessions.count)", label: report.sessions.count == 1 ? "session held" : "sessions held"),
            .init(
                text: "\(report.attendances)",
                label:
                    "attendances (\(report.staffAttendances) Trust staff, \(report.partnerAttendances) partner agencies)"
            ),
            .init(text: "\(report.teamsReached.count)", label: "distinct Trust teams reached"),
            .init(text: "\(report.agencies.count)", label: "distinct partner agencies reached"),
            .init(text: rating ?? "–", label: "mean feedback rating out of 5 (\(report.feedbackResponses) responses)"),
            .init(text: figures.shown(debriefs, sensitive: true).text, label: "debriefs held"),
            .init(
                text: candourTotal == 0
                    ? "–"
                    : "\(figures.shown(met, sensitive: true).text) of \(figures.shown(candourTotal, sensitive: true).text)",
                label: "duty-of-candour notifications met"),
            .init(text: "\(onTime)", label: "actions due in the period completed on time"),
        ]
        let model = ReportView(
            periodText: period.displayText,
            intro:
                "What the Learning Lessons framework did from \(period.displayText): lessons shared, who came to the sessions and what they said, "
                + "debriefs, duty of candour, safety actions, safety culture and the themes of incidents, compared with \(report.previousPeriod.displayText).",
            pdfHref: hasPDF ? String(Self.reportPDFPath(period).split(separator: "/").last ?? "") : nil,
            stats: stats, sections: reportSections(report, from: folder), editionTitle: editionTitle,
            generatedOn: today.displayText,
            suppression: figures.smallNumbers.threshold == nil
                ? "This edition shows every count." : figures.suppressionNote)
        return frame.page(
            ReportBody(report: model), folder: folder, title: title, currentSection: nil,
            breadcrumbs: [("Home", ""), ("Learning reports", Self.reportsFolder)])
    }
}

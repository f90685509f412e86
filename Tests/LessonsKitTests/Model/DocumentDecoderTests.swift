import Testing

@testable import LessonsKit

@Suite struct DocumentDecoderTests {
    let decoder = DocumentDecoder(
        config: SiteConfig(title: "T", organisation: "O"),
        data: SiteData(
            themes: [Theme(slug: "observation", title: "Observation", description: nil, parent: nil)],
            directorates: [
                Directorate(
                    slug: "inpatient", title: "Inpatient",
                    services: [Service(slug: "ward-1", title: "Ward 1", directorate: "inpatient")])
            ]))

    func decode(_ text: String, _ type: DocumentType) -> (Document?, [Diagnostic]) {
        decoder.decode(SourceFile(path: "content/x.md", absolutePath: "/x.md", text: text), type: type)
    }

    @Test func decodesALessonWithEveryCommonField() throws {
        let (document, diagnostics) = decode(MiniSite.lesson, .lesson)
        #expect(diagnostics.isEmpty)
        let lesson = try #require(document)
        #expect(lesson.id == "LL-2026-001")
        #expect(lesson.date == PartialDate(year: 2026, month: 3, day: 14))
        #expect(lesson.themes == ["observation"])
        #expect(lesson.privacy?.reviewedBy == "Patient Safety Team")
        #expect(lesson.bodyReferences.map(\.value) == ["INC-2026-001"] || lesson.bodyReferences.isEmpty)
        guard case .lesson(let details) = lesson.details else {
            Issue.record("not a lesson")
            return
        }
        #expect(details.keyMessages == ["Check the chart."])
        #expect(details.sources.map(\.value) == ["INC-2026-001"])
    }

    @Test func rejectsFullDateOnIncident() {
        let text = MiniSite.incident.replacingOccurrences(of: "date: 2026-02", with: "date: 2026-02-14")
        let (_, diagnostics) = decode(text, .incident)
        let diagnostic = diagnostics.first { $0.code == .fullDateNotAllowed }
        #expect(diagnostic?.location.line == 4)
        #expect(diagnostic?.location.column == 7)
    }

    @Test func rejectsUnknownValueListingAllowedOnes() throws {
        let text = MiniSite.incident.replacingOccurrences(of: "harm: low", with: "harm: catastrophic")
        let diagnostic = try #require(decode(text, .incident).1.first { $0.code == .invalidValue })
        #expect(diagnostic.message.contains("'catastrophic'"))
        #expect(diagnostic.hint?.contains("none, low, moderate, severe, fatal") == true)
        #expect(diagnostic.location.line == 6)
    }

    @Test(arguments: ["INC/2026", "../etc", "INC 2026", "2026-INC", "inc.1"])
    func rejectsUnsafeIds(_ id: String) {
        let text = MiniSite.incident.replacingOccurrences(of: "id: INC-2026-001", with: "id: \"\(id)\"")
        #expect(decode(text, .incident).1.contains { $0.code == .invalidId })
    }

    @Test func rejectsUnknownThemeWithDidYouMean() throws {
        let text = MiniSite.lesson.replacingOccurrences(of: "themes: [observation]", with: "themes: [obsevation]")
        let diagnostic = try #require(decode(text, .lesson).1.first { $0.code == .unknownTheme })
        #expect(diagnostic.message.contains("did you mean 'observation'?"))
        #expect(diagnostic.location == SourceLocation(file: "content/x.md", line: 6, column: 10))
    }

    @Test func warnsOnUnknownFieldWithDidYouMean() throws {
        let text = MiniSite.lesson.replacingOccurrences(of: "themes: [observation]", with: "theme: [observation]")
        let diagnostic = try #require(decode(text, .lesson).1.first { $0.code == .unknownField })
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.message.contains("did you mean 'themes'?"))
    }

    @Test func rejectsStringWhereListExpected() {
        let text = MiniSite.lesson.replacingOccurrences(of: "sources: [INC-2026-001]", with: "sources: INC-2026-001")
        #expect(decode(text, .lesson).1.contains { $0.code == .wrongType && $0.message.contains("should be a list") })
    }

    @Test func rejectsListWhereTextExpected() {
        let text = MiniSite.lesson.replacingOccurrences(
            of: "title: Check the observation chart at handover", with: "title: [a, b]")
        #expect(
            decode(text, .lesson).1.contains { $0.code == .wrongType && $0.message.contains("'title' should be text") })
    }

    @Test(arguments: ["2026-13-45", "14/03/2026"])
    func rejectsBadDates(_ date: String) {
        let text = MiniSite.lesson.replacingOccurrences(of: "date: 2026-03-14", with: "date: \(date)")
        #expect(decode(text, .lesson).1.contains { $0.code == .invalidDate })
    }

    @Test func requiresDutyOfCandourForModerateHarm() {
        let text = MiniSite.incident.replacingOccurrences(of: "harm: low", with: "harm: moderate")
        #expect(decode(text, .incident).1.contains { $0.code == .dutyOfCandour })
        let withCandour = text.replacingOccurrences(of: "harm: moderate", with: "harm: moderate\nduty_of_candour: met")
        #expect(!decode(withCandour, .incident).1.contains { $0.code == .dutyOfCandour })
    }

    @Test func requiresCompletedDateAndReasonsOnActions() {
        let completed = MiniSite.incident.replacingOccurrences(of: "status: open", with: "status: completed")
        #expect(decode(completed, .incident).1.contains { $0.code == .actionCompletedDate })
        let notDoing = MiniSite.incident.replacingOccurrences(of: "status: open", with: "status: not-doing")
        #expect(decode(notDoing, .incident).1.contains { $0.code == .actionReason })
    }

    @Test func requiresEveryMaPSaFDimension() {
        let text = """
            ---
            id: CUL-WARD-1-2026-03
            title: Ward 1 culture
            date: 2026-03-10
            service: ward-1
            levels:
              commitment-to-quality: C
              priority-to-safety: D
            ---
            """
        let missing = decode(text, .culture).1.filter { $0.code == .missingLevel }
        #expect(missing.count == 7)
    }

    @Test func rejectsSummaryOver280Characters() {
        let text = MiniSite.lesson.replacingOccurrences(
            of: "summary: A short summary.", with: "summary: " + String(repeating: "a", count: 281))
        #expect(decode(text, .lesson).1.contains { $0.code == .summaryTooLong })
    }
}

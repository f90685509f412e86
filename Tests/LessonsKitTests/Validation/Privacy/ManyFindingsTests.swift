import Testing

@testable import LessonsKit

@Suite struct ManyFindingsTests {
    /// Thousands of findings in one long value are all reported, each at its own column (found in one pass).
    @Test func everyFindingInALongQuotedTitleIsLocated() {
        let count = 3_000
        let title = String(repeating: "It's Mr Smith. ", count: count)
        let text = MiniSite.lesson.replacingOccurrences(
            of: "title: Check the observation chart at handover",
            with: "title: '\(title.replacingOccurrences(of: "'", with: "''"))'")
        let decoder = DocumentDecoder(config: SiteConfig(title: "T", organisation: "O"), data: SiteData())
        guard
            let document = decoder.decode(
                SourceFile(path: "content/lessons/x.md", absolutePath: "/x.md", text: text), type: .lesson
            ).0
        else {
            Issue.record("lesson not decoded")
            return
        }
        let findings = PrivacyRule().diagnostics(for: document, scanner: PrivacyScanner(settings: PrivacySettings()))
            .filter { $0.code == .honorificName && $0.location.line == 3 }
        #expect(findings.count == count)
        // The text starts at column 9, after "title: '"; each repeat is 16 columns in the source ("It''s Mr Smith. "),
        // with "Mr" 6 columns in.
        let misplaced = zip(findings.map(\.location.column), (0..<count).map { 9 + $0 * 16 + 6 }).filter { $0 != $1 }
        #expect(misplaced.isEmpty, "first misplaced: \(misplaced.prefix(3))")
    }
}

import Foundation
import Testing

@testable import LessonsKit

@Suite struct DiagnosticFormatTests {
    let diagnostic = Diagnostic.error(
        .unknownTheme, "unknown theme 'obsevation'; did you mean 'observation'?",
        at: SourceLocation(file: "content/incidents/inc-2026-014.md", line: 7, column: 9),
        hint: "themes are listed in data/themes.yaml")

    @Test func textHasLocationSeverityMessageAndIndentedHint() {
        let text = DiagnosticFormat.text.render([diagnostic], documentCount: 214)
        #expect(
            text == """
                content/incidents/inc-2026-014.md:7:9: error: unknown theme 'obsevation'; did you mean 'observation'?
                  hint: themes are listed in data/themes.yaml
                1 problem (1 error, 0 warnings) in 214 documents

                """)
    }

    @Test func githubFormatIsAnAnnotation() {
        let line = DiagnosticFormat.github.render([diagnostic], documentCount: 1)
        #expect(line.hasPrefix("::error file=content/incidents/inc-2026-014.md,line=7,col=9,"))
    }

    @Test func jsonLinesCarryEveryField() throws {
        let line = DiagnosticFormat.json.render([diagnostic], documentCount: 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["code"] as? String == "unknown-theme")
        #expect(object["line"] as? Int == 7)
        #expect(object["column"] as? Int == 9)
        #expect(object["severity"] as? String == "error")
        #expect(object["hint"] as? String == "themes are listed in data/themes.yaml")
    }

    @Test func suggestsNearMisses() {
        #expect(Suggestions.closest(to: "obsevation", in: ["observation", "falls"]) == "observation")
        #expect(Suggestions.closest(to: "theme", in: ["themes", "title"]) == "themes")
        #expect(Suggestions.closest(to: "zzzz", in: ["observation", "falls"]) == nil)
    }

    @Test func sortsByFileThenLine() {
        let a = Diagnostic.warning(.unknownField, "a", at: SourceLocation(file: "b.md", line: 1))
        let b = Diagnostic.error(.unknownField, "b", at: SourceLocation(file: "a.md", line: 9))
        let c = Diagnostic.error(.unknownField, "c", at: SourceLocation(file: "a.md", line: 2))
        #expect([a, b, c].sortedForReport().map(\.message) == ["c", "b", "a"])
    }
}

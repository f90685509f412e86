import Testing

@testable import LessonsKit

@Suite struct PlaceholderTests {
    /// A body line that is still a `TODO` prompt is reported at its line and column, however it is indented (spaces,
    /// tabs, a no-break space); a line that only mentions TODO, or a prompt inside a fenced block, is not.
    @Test func reportsEachPromptLineOutsideFences() {
        let body = [
            "Intro paragraph.",  // line 10
            "TODO",  // 11: reported, column 1
            "  TODO: say what changed",  // 12: reported, column 3
            "\tTODO describe the debrief",  // 13: reported, column 2
            "\u{00A0}TODO",  // 14: reported (a no-break space is trimmed too)
            "TODOS are not prompts",  // 15
            "We said TODO here",  // 16
            "```",  // 17: a fence opens
            "TODO inside code",  // 18: not reported
            "  still inside",  // 19
            "```",  // 20: the fence closes
            "~~~",  // 21: another opens
            "TODO",  // 22: not reported
            "~~~",  // 23
            "TODO: after the fences",  // 24: reported
        ].joined(separator: "\n")
        let found = Placeholder.bodyDiagnostics(body, firstLine: 10, file: "content/lessons/x.md")
        let places = found.map { [$0.location.line, $0.location.column] }
        #expect(places == [[11, 1], [12, 3], [13, 2], [14, 1], [24, 1]])
        #expect(found.allSatisfy { $0.message == "this prompt is still a placeholder" })
    }
}

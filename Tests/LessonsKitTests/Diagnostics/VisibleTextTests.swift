import Testing

@testable import LessonsKit

@Suite struct VisibleTextTests {
    @Test func textDiagnosticsCannotForgeLinesOrRepaintTheTerminal() {
        let forged =
            "unknown theme 'x'\ncontent/a.md:1:1: error: fake\u{1B}[2J\u{1B}]8;;http://evil\u{7}\r\u{2028}\u{202E}"
        let diagnostic = Diagnostic.error(
            .unknownTheme, forged, at: SourceLocation(file: "content/b\u{1B}.md", line: 3), hint: "tab\there\u{9B}")
        let text = DiagnosticFormat.text.render([diagnostic], documentCount: 1)
        #expect(text.split(separator: "\n").count == 3)
        #expect(
            !text.unicodeScalars.contains {
                ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || $0 == "\u{2028}"
                    || $0 == "\u{202E}"
            })
        #expect(text.contains(#"'x'\ncontent/a.md:1:1: error: fake\u{1B}[2J"#))
        #expect(text.hasPrefix(#"content/b\u{1B}.md:3:1: error:"#))
        #expect(text.contains(#"  hint: tab\there\u{9B}"#))
    }

    @Test func plainTextIsUnchanged() {
        #expect(DiagnosticFormat.visible("café – ‘quoted’ 😀") == "café – ‘quoted’ 😀")
    }
}

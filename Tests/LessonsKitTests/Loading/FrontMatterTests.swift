import Testing

@testable import LessonsKit

@Suite struct FrontMatterTests {
    func file(_ text: String) -> SourceFile {
        SourceFile(path: "content/lessons/x.md", absolutePath: "/x.md", text: text)
    }

    @Test func splitsYAMLAndBodyWithLineNumbers() throws {
        let split = try FrontMatter.split(file("---\nid: A\ntitle: T\n---\n# Body\n")).get()
        #expect(split.yaml == "id: A\ntitle: T")
        #expect(split.yamlFirstLine == 2)
        #expect(split.bodyFirstLine == 5)
        #expect(split.body.hasPrefix("# Body"))
    }

    @Test func reportsMissingFrontMatter() {
        guard case .failure(let diagnostic) = FrontMatter.split(file("# Just a heading\n")) else {
            Issue.record("expected failure")
            return
        }
        #expect(diagnostic.code == .missingFrontMatter)
        #expect(diagnostic.location.line == 1)
    }

    @Test func reportsUnterminatedFrontMatter() {
        guard case .failure(let diagnostic) = FrontMatter.split(file("---\nid: A\ntitle: T\n")) else {
            Issue.record("expected failure")
            return
        }
        #expect(diagnostic.code == .unterminatedFrontMatter)
    }

    @Test func reportsEmptyFile() {
        guard case .failure(let diagnostic) = FrontMatter.split(file("  \n")) else {
            Issue.record("expected failure")
            return
        }
        #expect(diagnostic.code == .emptyFile)
    }

    @Test func acceptsByteOrderMark() throws {
        let split = try FrontMatter.split(file("\u{FEFF}---\nid: A\n---\nbody")).get()
        #expect(split.yaml == "id: A")
    }
}

@Suite struct YAMLReaderTests {
    @Test func keepsLineAndColumnOffsetByFrontMatterStart() throws {
        let node = try #require(
            try YAMLReader().parse("id: A\nthemes: [falls, observation]", file: "f.md", firstLine: 2).get())
        let themes = try #require(node["themes"]?.items)
        #expect(themes[1].location == SourceLocation(file: "f.md", line: 3, column: 17))
    }

    @Test func reportsSyntaxErrorAtFileLine() {
        guard
            case .failure(let diagnostic) = YAMLReader().parse("id: A\ntitle: [unclosed\n", file: "f.md", firstLine: 2)
        else {
            Issue.record("expected failure")
            return
        }
        #expect(diagnostic.code == .yamlSyntax)
        #expect(diagnostic.location.line >= 3)
    }

    @Test func reportsTabInIndentation() {
        guard case .failure(let diagnostic) = YAMLReader().parse("actions:\n\t- id: A1\n", file: "f.md", firstLine: 2)
        else {
            Issue.record("expected failure")
            return
        }
        #expect(diagnostic.code == .yamlTab)
        #expect(diagnostic.location == SourceLocation(file: "f.md", line: 3, column: 1))
    }

    @Test func reportsDuplicateKeys() {
        guard case .failure(let diagnostic) = YAMLReader().parse("id: A\nid: B\n", file: "f.md") else {
            Issue.record("expected failure")
            return
        }
        #expect(diagnostic.code == .duplicateKey)
        #expect(diagnostic.message.contains("'id'"))
    }

    @Test func refusesAliasBombs() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            yaml += "a\(level): &a\(level) [\(refs)]\n"
        }
        guard case .failure(let diagnostic) = YAMLReader().parse(yaml, file: "f.md") else {
            Issue.record("expected failure")
            return
        }
        #expect(diagnostic.code == .yamlTooComplex)
    }

    @Test func quotedNumbersStayText() throws {
        let node = try #require(try YAMLReader().parse("a: \"123\"\nb: 123", file: "f.md").get())
        #expect(node["a"]?.kind == .scalar("123", isPlain: false))
        #expect(node["b"]?.kind == .scalar("123", isPlain: true))
    }
}

import Foundation
import Testing

/// The guide in `docs/`: every diagnostic code explained, links that resolve, nothing pointing outside the repository.
@Suite struct DocsTests {
    static let repository = ExampleSiteCopy.repository

    static func read(_ relative: String) throws -> String {
        try String(contentsOfFile: repository + "/" + relative, encoding: .utf8)
    }

    static func files(under folder: String, endingIn suffixes: [String]) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: repository + "/" + folder)
        var found: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            if suffixes.contains(where: path.hasSuffix) { found.append(folder.isEmpty ? path : folder + "/" + path) }
        }
        return found.sorted()
    }

    @Test func everyDiagnosticCodeIsDocumented() throws {
        let source = try Self.read("Sources/LessonsKit/Diagnostics/DiagnosticCode.swift")
        let codes = source.matches(of: #/static let \w+: DiagnosticCode = "([a-z0-9-]+)"/#).map { String($0.output.1) }
        #expect(codes.count > 40)
        let guide = try Self.read("docs/diagnostics.md")
        for code in codes {
            #expect(
                guide.contains("### `\(code)`\n"),
                "docs/diagnostics.md does not explain '\(code)': add a '### `\(code)`' section with its fix")
        }
    }

    @Test func readmeLinksTheGuide() throws {
        let readme = try Self.read("README.md")
        #expect(readme.contains("(docs/README.md)"))
        #expect(readme.contains("lessons serve"), "the first steps say how to look at the example site")
    }

    @Test func nothingPointsOutsideTheRepository() throws {
        let documents =
            ["README.md"] + Self.files(under: "docs", endingIn: [".md"])
            + Self.files(under: "examples", endingIn: [".md", ".yml", ".yaml"])
            + Self.files(under: "themes", endingIn: [".md"]) + Self.files(under: "Fuzz", endingIn: [".md"])
        for path in documents {
            let text = try Self.read(path)
            #expect(
                !text.contains("../shared") && !text.contains("/work/shared"), "\(path) points outside the repository")
        }
    }

    @Test func relativeLinksInTheGuideResolve() throws {
        for path in ["README.md"] + Self.files(under: "docs", endingIn: [".md"]) {
            let folder = (path as NSString).deletingLastPathComponent
            // Examples inside code blocks and code spans are not links.
            let prose = try Self.read(path).split(separator: "```", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset.isMultiple(of: 2) }.map(\.element).joined(separator: "\n")
                .replacing(#/`[^`\n]*`/#, with: "")
            for match in prose.matches(of: #/\]\(([^)\s#]+)(#[^)]*)?\)/#) {
                let target = String(match.output.1)
                if target.contains("://") || target.hasPrefix("mailto:") { continue }
                let resolved = (Self.repository + "/" + (folder.isEmpty ? "" : folder + "/") + target as NSString)
                    .standardizingPath
                #expect(FileManager.default.fileExists(atPath: resolved), "\(path) links to missing \(target)")
            }
        }
    }
}

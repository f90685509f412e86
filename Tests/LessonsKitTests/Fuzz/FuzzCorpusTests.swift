import Foundation
import Testing

@testable import LessonsKit

/// Replays the inputs the fuzzer (scripts/fuzz) found interesting through its entry points: none may crash, and every
/// diagnostic and position must point inside the input. Fuzz/FuzzChecks.swift asserts the same while fuzzing.
@Suite struct FuzzCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz-corpus").path

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []).sorted()
    }

    static let decoder: DocumentDecoder = {
        var data = SiteData()
        data.themes = ["falls", "observation", "medication"].map {
            Theme(slug: $0, title: $0, description: nil, parent: nil)
        }
        return DocumentDecoder(config: SiteConfig(title: "Fuzz", organisation: "Fuzz Trust"), data: data)
    }()

    @Test func corpusIsNotEmpty() {
        #expect(Self.inputs.count >= 5)
    }

    @Test(arguments: FuzzCorpusTests.inputs)
    func inputGoesThroughEveryEntryPointWithLocatedDiagnostics(_ name: String) throws {
        let data = try #require(FileManager.default.contents(atPath: Self.corpus + "/" + name))
        let text = String(decoding: data, as: UTF8.self)
        let path = "content/fuzz.md"
        let file = SourceFile(path: path, absolutePath: "/fuzz/" + path, text: text)
        let lines = text.split(
            omittingEmptySubsequences: false, whereSeparator: { "\n\r\u{85}\u{2028}\u{2029}".contains($0) })
        // Positions are reported in LF lines (U+2028 and U+2029 do not end a line for editors), so the longest
        // line is measured between LF and CR breaks.
        let lfLines = text.split(omittingEmptySubsequences: false, whereSeparator: { "\n\r".contains($0) })
        let longest = lfLines.map(\.unicodeScalars.count).max() ?? 0
        func isInside(_ location: LessonsKit.SourceLocation) -> Bool {
            location.file == path && (1...lines.count + 1).contains(location.line)
                && (1...longest + 2).contains(location.column)
        }

        if case .failure(let diagnostic) = FrontMatter.split(file) {
            #expect(isInside(diagnostic.location), "\(diagnostic)")
        }
        for type in DocumentType.allCases {
            let (document, diagnostics) = Self.decoder.decode(file, type: type)
            for diagnostic in diagnostics { #expect(isInside(diagnostic.location), "\(type): \(diagnostic)") }
            for reference in document?.bodyReferences ?? [] {
                #expect(isInside(reference.location), "\(type): \(reference)")
            }
        }
        if case .success(let table) = PipeTable.parse(text) {
            let tableLines = PipeTable.splitLines(text)
            for cell in table.header + table.rows.flatMap({ $0 }) {
                #expect(cell.line < tableLines.count && cell.column <= tableLines[cell.line].unicodeScalars.count)
            }
        }
    }
}

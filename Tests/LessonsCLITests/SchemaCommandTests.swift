import Foundation
import Testing

@testable import LessonsKit

/// `lessons schema`: every example document validates against its type's schema with a real validator (Python's
/// jsonschema), and the broken fixtures do not.
@Suite struct SchemaCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures/schema"
    ).path

    static func python(_ arguments: [String]) throws -> LessonsBinary.Result {
        try LessonsBinary.run(executable: URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments)
    }

    @Test func exampleDocumentsValidateAndBrokenOnesDoNot() throws {
        let site = try ExampleSiteCopy()
        defer { site.remove() }
        let output = site.root + "/schema"

        let written = try LessonsBinary.run(["schema", "--site", site.root])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("Wrote 11 schemas"))

        let result = try Self.python([Self.fixtures + "/validate.py", output, site.root, Self.fixtures + "/broken"])
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        let lines = try result.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let examples = lines.filter { $0["expected"] as? Bool == true }
        let broken = lines.filter { $0["expected"] as? Bool == false }
        let documents =
            FileManager.default.enumerator(atPath: site.root + "/content")?.allObjects.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".md") } ?? []
        #expect(examples.count == documents.count + 1, "every document and site.yaml is checked")
        #expect(broken.count >= 10)
        #expect(lines.allSatisfy { $0["valid"] as? Bool == $0["expected"] as? Bool })
        let misspelt = try #require(broken.first { ($0["file"] as? String) == "incidents/misspelt-field.md" })
        #expect((misspelt["errors"] as? [String])?.first?.contains("'theme' was unexpected") == true)
    }

    @Test func schemasAreTheSameOnEveryRun() throws {
        let site = try ExampleSiteCopy()
        defer { site.remove() }

        _ = try LessonsBinary.run(["schema", "--site", site.root, "--output", site.root + "/a"])
        _ = try LessonsBinary.run(["schema", "--site", site.root, "--output", site.root + "/b"])

        for name in try FileManager.default.contentsOfDirectory(atPath: site.root + "/a") where name.hasSuffix(".json")
        {
            #expect(
                FileManager.default.contentsEqual(atPath: site.root + "/a/" + name, andPath: site.root + "/b/" + name),
                "\(name)")
        }
    }

    @Test func contentModelNamesEveryFieldTheDecoderReads() {
        let site = SiteVocabularies(config: SiteConfig(title: "t", organisation: "o"), data: SiteData())
        for type in DocumentType.allCases {
            let names = Set(ContentModel.fields(for: type, site: site).map(\.name))
            let common = Set(DocumentDecoder.commonFields).subtracting(type.allowsActions ? [] : ["actions"])
            #expect(common.isSubset(of: names), "\(type): \(common.subtracting(names))")
        }
    }
}

import Foundation
import Testing

@testable import LessonsKit

/// Generative: every scalar of every field of one real document of each type is replaced in turn by blank and
/// control-character values, and every list gets an empty entry. No variant may make a document vanish without a
/// located error, and every control character must be refused where it was written.
@Suite struct BlankAndControlValueTests {
    /// The repository's example site, whose content holds a valid document of every type.
    static let exampleSite = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    static let blanks = ["", "   ", "\u{200B}", "\u{2060}\u{FEFF}", " \u{200D}\u{3164} ", "\t"]
    static let controls = ["a\u{1B}[31mb", "\u{0}", "x\u{7}", "y\u{7F}", "z\u{9B}2J", "\r"]

    /// One valid document per type, with its front matter parsed.
    struct Sample: Sendable, CustomTestStringConvertible {
        let type: DocumentType
        let path: String
        let pairs: [YAMLPair]
        let body: String
        var testDescription: String { type.folder }
    }

    static let samples: [Sample] = DocumentType.allCases.compactMap { type in
        let folder = exampleSite + "/content/" + type.folder
        guard
            let name = (try? FileManager.default.contentsOfDirectory(atPath: folder))?.filter({ $0.hasSuffix(".md") })
                .sorted().first,
            let text = FileManager.default.contents(atPath: folder + "/" + name).map({
                String(decoding: $0, as: UTF8.self)
            }),
            case .success(let split) = FrontMatter.split(SourceFile(path: name, absolutePath: name, text: text)),
            case .success(let root?) = YAMLReader().parse(split.yaml, file: name), let pairs = root.pairs
        else { return nil }
        return Sample(type: type, path: "content/\(type.folder)/\(name)", pairs: pairs, body: split.body)
    }

    static let decoder = makeDecoder()

    static func makeDecoder() -> DocumentDecoder {
        let reader = SiteReader(siteDirectory: exampleSite)
        guard case .success(let file) = reader.readText("site.yaml"), let config = SiteConfigLoader.load(file).0 else {
            return DocumentDecoder(config: SiteConfig(title: "T", organisation: "O"), data: SiteData())
        }
        return DocumentDecoder(config: config, data: SiteDataLoader.load(reader: reader).0)
    }

    /// A path to one node: keys of mappings and indices of lists.
    enum Step: Hashable {
        case key(String)
        case index(Int)
    }

    /// Every scalar's path (and every list's path, with `isList`), in document order.
    static func paths(_ node: YAMLNode, prefix: [Step] = []) -> [(path: [Step], isList: Bool)] {
        switch node.kind {
        case .scalar: return [(prefix, false)]
        case .mapping(let pairs): return pairs.flatMap { paths($0.value, prefix: prefix + [.key($0.key)]) }
        case .sequence(let items):
            return [(prefix, true)] + items.enumerated().flatMap { paths($1, prefix: prefix + [.index($0)]) }
        }
    }

    /// YAML text (flow style, one top-level field per line) of `pairs`, with the node at `path` changed by `change`.
    static func yaml(_ pairs: [YAMLPair], changing path: [Step], _ change: (YAMLNode) -> String) -> String {
        func emit(_ node: YAMLNode, _ at: [Step]) -> String {
            if at == path { return change(node) }
            switch node.kind {
            case .scalar(let text, _): return node.isNull ? "null" : JSONText.string(text)
            case .mapping(let pairs):
                return "{"
                    + pairs.map { JSONText.string($0.key) + ": " + emit($0.value, at + [.key($0.key)]) }.joined(
                        separator: ", ") + "}"
            case .sequence(let items):
                return "[" + items.enumerated().map { emit($1, at + [.index($0)]) }.joined(separator: ", ") + "]"
            }
        }
        return pairs.map { $0.key + ": " + emit($0.value, [.key($0.key)]) }.joined(separator: "\n")
    }

    /// Decodes front matter `yaml` over the sample's body; returns the document, its problems and the field's line.
    static func decode(_ sample: Sample, yaml: String, field: String) -> (Document?, [Diagnostic], Int) {
        let text = "---\n" + yaml + "\n---\n" + sample.body
        let line =
            2
            + (yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix(field + ": ") }
                ?? 0)
        let (document, diagnostics) = decoder.decode(
            SourceFile(path: sample.path, absolutePath: "/" + sample.path, text: text), type: sample.type)
        return (document, diagnostics, line)
    }

    @Test func everyTypeHasASample() {
        #expect(Set(Self.samples.map(\.type)) == Set(DocumentType.allCases))
    }

    @Test(arguments: samples)
    func samplesDecodeCleanlyAsRewritten(_ sample: Sample) {
        let (document, diagnostics, _) = Self.decode(
            sample, yaml: Self.yaml(sample.pairs, changing: [.key("\u{0}none")]) { _ in "" }, field: "id")
        #expect(document != nil)
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
    }

    /// Decodes the sample once for every scalar field and every value, with that field set to the value.
    static func forEachScalar(
        of sample: Sample, setTo values: [String],
        _ check: (_ path: [Step], _ value: String, _ field: String, Document?, [Diagnostic], _ line: Int) -> Void
    ) {
        for (path, isList) in paths(YAMLNode(.mapping(sample.pairs), at: SourceLocation(file: ""))) where !isList {
            guard case .key(let field) = path.first else { continue }
            for value in values {
                let (document, diagnostics, line) = decode(
                    sample, yaml: yaml(sample.pairs, changing: path) { _ in JSONText.string(value) }, field: field)
                check(path, value, field, document, diagnostics, line)
            }
        }
    }

    @Test(arguments: samples)
    func controlCharactersAreLocatedErrorsInEveryField(_ sample: Sample) {
        Self.forEachScalar(of: sample, setTo: Self.controls) { path, value, _, _, diagnostics, line in
            let error = diagnostics.first { $0.code == .controlCharacter }
            #expect(
                error?.severity == .error && error?.location.line == line && error?.location.file == sample.path,
                "\(sample.path) \(path) = \(value.debugDescription): \(diagnostics)")
        }
    }

    @Test(arguments: samples)
    func blankValuesNeverDropADocumentSilently(_ sample: Sample) {
        Self.forEachScalar(of: sample, setTo: Self.blanks) { path, value, field, document, diagnostics, line in
            if document == nil {
                #expect(
                    diagnostics.contains { $0.severity == .error && $0.location.line == line },
                    "\(sample.path) \(path) = \(value.debugDescription) dropped the document: \(diagnostics)")
            }
            if ["id", "title", "privacy"].contains(field) || (field == "date" && sample.type != .page) {
                #expect(
                    diagnostics.contains { $0.severity == .error && $0.location.line == line },
                    "\(sample.path) \(path) = \(value.debugDescription) was accepted")
            }
        }
    }

    @Test(arguments: samples)
    func emptyListEntriesAreLocatedErrors(_ sample: Sample) {
        for (path, isList) in Self.paths(YAMLNode(.mapping(sample.pairs), at: SourceLocation(file: ""))) where isList {
            guard case .key(let field) = path.first else { continue }
            for empty in ["null", "~", "\"\"", "\"\u{200B}\""] {
                let yaml = Self.yaml(sample.pairs, changing: path) { node in
                    let items = (node.items ?? []).map { $0.scalar.map(JSONText.string) ?? "null" }
                    return "[" + (items + [empty]).joined(separator: ", ") + "]"
                }
                let (_, diagnostics, line) = Self.decode(sample, yaml: yaml, field: field)
                #expect(
                    diagnostics.contains { $0.severity == .error && $0.location.line == line },
                    "\(sample.path) \(path) with an entry \(empty) was accepted: \(diagnostics)")
            }
        }
    }
}

import Foundation
import Testing

@testable import LessonsKit

/// The default theme is compiled into the binary as `EmbeddedDefaultTheme`, generated from
/// `themes/default` by `scripts/embed-theme`; these tests keep the two identical.
@Suite struct EmbeddedThemeTests {
    static let hint = "the embedded default theme is out of date: run scripts/embed-theme"

    /// `themes/default` in this checkout, found from this file's path
    /// (`<root>/Tests/LessonsKitTests/Rendering/EmbeddedThemeTests.swift`).
    static let themeDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Rendering
        .deletingLastPathComponent()  // LessonsKitTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository root
        .appendingPathComponent("themes/default")

    /// Every file under `themes/default/templates` and `themes/default/assets`, keyed like
    /// `EmbeddedDefaultTheme.files` by its path relative to `themes/default`. Names starting
    /// with "." are skipped, as the script skips them.
    static func filesOnDisk() throws -> [String: [UInt8]] {
        let fileManager = FileManager.default
        var files: [String: [UInt8]] = [:]
        for folder in ["templates", "assets"] {
            let base = themeDirectory.appendingPathComponent(folder)
            guard fileManager.fileExists(atPath: base.path) else { continue }
            for subpath in try fileManager.subpathsOfDirectory(atPath: base.path) {
                if subpath.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                let url = base.appendingPathComponent(subpath)
                var isDirectory: ObjCBool = false
                guard fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                    continue
                }
                files["\(folder)/\(subpath)"] = try [UInt8](Data(contentsOf: url))
            }
        }
        return files
    }

    @Test func embedsEveryThemeFileAndNoOther() throws {
        let onDisk = try Self.filesOnDisk()
        #expect(!onDisk.isEmpty, "found no theme files under \(Self.themeDirectory.path)")
        let embedded = Set(EmbeddedDefaultTheme.files.keys)
        let notEmbedded = Set(onDisk.keys).subtracting(embedded).sorted()
        let noLongerInTheme = embedded.subtracting(onDisk.keys).sorted()
        #expect(notEmbedded.isEmpty, "not embedded: \(notEmbedded.joined(separator: ", ")); \(Self.hint)")
        #expect(
            noLongerInTheme.isEmpty,
            "embedded but no longer in themes/default: \(noLongerInTheme.joined(separator: ", ")); \(Self.hint)")
    }

    @Test func embedsEachThemeFileByteForByte() throws {
        let onDisk = try Self.filesOnDisk()
        for (path, bytes) in onDisk.sorted(by: { $0.key < $1.key }) {
            guard let embedded = EmbeddedDefaultTheme.files[path] else { continue }  // reported above
            // compared into a Bool first, so that a failure prints the message, not both byte arrays
            let identical = embedded == bytes
            #expect(
                identical,
                "\(path) (\(bytes.count) bytes) differs from its embedded copy (\(embedded.count) bytes); \(Self.hint)")
        }
    }

    @Test func embedsTheTemplatesTheRendererNeeds() {
        for name in ["layout", "home", "list", "document", "notfound"] {
            #expect(
                EmbeddedDefaultTheme.files["templates/\(name).mustache"] != nil,
                "templates/\(name).mustache is missing from the embedded theme; \(Self.hint)")
        }
        #expect(EmbeddedDefaultTheme.files["assets/style.css"] != nil, "assets/style.css is missing; \(Self.hint)")
    }
}

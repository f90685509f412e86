import Foundation

/// A copy of the repository's example site (site.yaml, data, content, static) in a temporary folder.
struct ExampleSiteCopy {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    let root: String

    init() throws {
        root =
            FileManager.default.temporaryDirectory.appendingPathComponent("lessons-example-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for item in ["site.yaml", "data", "content", "static"] {
            try FileManager.default.copyItem(atPath: Self.repository + "/" + item, toPath: root + "/" + item)
        }
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
    }

    func write(_ relative: String, _ text: String) throws {
        let path = root + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }
}

import Foundation

@testable import LessonsKit

/// A checked-in fixture site copied to a temporary folder, so a test may add files and links without touching the repository.
struct FixtureSite {
    /// Holds the copy (`site/`) and anything a test puts beside it, outside the site.
    let sandbox: String
    /// The copied site folder.
    let root: String

    init(copying fixture: String) throws {
        sandbox =
            FileManager.default.temporaryDirectory.appendingPathComponent("lessons-fixture-\(UUID().uuidString)").path
        root = sandbox + "/site"
        try FileManager.default.createDirectory(atPath: sandbox, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: fixture, toPath: root)
        try? FileManager.default.removeItem(atPath: root + "/expected.txt")
    }

    func write(_ relative: String, _ data: Data) throws {
        let url = URL(fileURLWithPath: root + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func check(today: String = "2026-11-27") async -> BuildReport {
        var options = BuildOptions(siteDirectory: root)
        options.today = today
        return await BuildPipeline.check(options)
    }

    /// Replaces the temporary folder's path with `<site>` so that golden files do not depend on it.
    func normalised(_ output: String) -> String {
        let resolved = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        return output.replacingOccurrences(of: resolved, with: "<site>").replacingOccurrences(of: root, with: "<site>")
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: sandbox)
    }
}

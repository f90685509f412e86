import Foundation

@testable import LessonsKit

/// Builds mini sites for the search, feed and link tests.
enum SearchSite {
    static func document(
        _ folder: String, _ id: String, title: String, date: String, themes: [String] = ["falls"],
        service: String = "ward-1",
        summary: String? = nil, body: String = "Text."
    ) -> (String, String) {
        var lines = [
            "---", "id: \(id)", "title: \(title)", "date: \(date)", "themes: [\(themes.joined(separator: ", "))]",
            "service: \(service)",
        ]
        switch folder {
        case "lessons":
            lines += [
                "summary: \(summary ?? "A summary.")", "key_messages:", "  - Check the chart.",
                "sources: [INC-2026-001]",
                "privacy: { reviewed_by: Patient Safety Team, reviewed_on: 2026-03-10 }",
            ]
        case "practice":
            lines += ["summary: \(summary ?? "A summary.")"]
        default: break
        }
        return ("content/\(folder)/\(id.lowercased()).md", (lines + ["---", body]).joined(separator: "\n") + "\n")
    }

    /// A small staff site: an incident, three lessons on falls and handover, and good practice.
    static func files() -> [String: String] {
        Dictionary(uniqueKeysWithValues: [
            ("content/incidents/inc-2026-001.md", MiniSite.incident),
            document(
                "lessons", "LL-2026-001", title: "Safer handover on night shifts", date: "2026-03-14",
                themes: ["observation"], summary: "A structured handover tool.", body: "We learned to check the chart."),
            document(
                "lessons", "LL-2025-002", title: "Lying and standing blood pressure after a fall", date: "2025-10-02",
                summary: "After a fall we now check blood pressure.", body: "Falls on the ward fell by a third."),
            document(
                "lessons", "LL-2025-001", title: "Learning from falls at night", date: "2025-02-01", service: "ward-2",
                body: "Handover mentioned in passing."),
            document(
                "practice", "GP-2025-001", title: "A café for carers", date: "2025-06-01", themes: ["medication"],
                summary: "Carers meet the pharmacist."),
        ])
    }

    /// Builds `files` into a fresh output folder; the caller removes both folders.
    static func build(_ files: [String: String], siteYAML: String = MiniSite.siteYAML) async throws -> (
        site: MiniSite, output: String, report: BuildReport
    ) {
        let site = try MiniSite(files: files, site: siteYAML)
        var options = site.options()
        options.output = site.root + "-out"
        let report = await BuildPipeline.build(options)
        return (site, site.root + "-out", report)
    }

    static func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    static func remove(_ site: MiniSite, _ output: String) {
        site.remove()
        try? FileManager.default.removeItem(atPath: output)
    }

    /// The repository's root folder (the example site).
    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    /// The first executable named `name` on the PATH, or nil.
    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// Chromium for browser tests: `LESSONS_CHROME`, else `chromium` on the PATH.
    static var chromium: String? {
        if let path = ProcessInfo.processInfo.environment["LESSONS_CHROME"],
            FileManager.default.isExecutableFile(atPath: path)
        {
            return path
        }
        return executable("chromium") ?? executable("chromium-browser")
    }

    /// Runs a program and returns its standard output and exit status.
    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 60) throws -> (
        output: String, status: Int32
    ) {
        let result = try ExternalProgram.run(executable, arguments)
        return (String(decoding: result.output, as: UTF8.self), result.status)
    }
}

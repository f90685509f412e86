import Foundation

/// When each content file was first committed and last changed, read from the site's git history with one `git log`
/// for the whole site (never from file times, which a fresh clone resets).
struct GitHistory: Sendable, Hashable {
    /// First and last commit dates of one file, as calendar days in the site's time zone.
    struct Dates: Sendable, Hashable {
        let firstPublished: PartialDate
        let lastUpdated: PartialDate
    }

    /// Dates by site-relative path (`content/lessons/ll-2026-001.md`).
    let dates: [String: Dates]
    /// Said once in the build summary when the dates had to be left out (a shallow clone).
    let note: String?

    init(dates: [String: Dates] = [:], note: String? = nil) {
        self.dates = dates
        self.note = note
    }

    /// No dates: outside git, or git is not installed.
    static let none = GitHistory()

    static let shallowNote =
        "This is a shallow git clone, so pages do not show when they were first published and last updated: "
        + "fetch the full history (e.g. fetch-depth: 0) to show them."

    subscript(path: String) -> Dates? { dates[path] }

    /// Reads the history of `content/` in `siteDirectory`; no dates outside a git work tree or in a shallow clone.
    static func read(siteDirectory: String, timezone: String) -> GitHistory {
        guard
            let state = run(["rev-parse", "--is-inside-work-tree", "--is-shallow-repository"], in: siteDirectory)?
                .split(separator: "\n").map(String.init), state.first == "true"
        else { return .none }
        if state.count > 1, state[1] == "true" { return GitHistory(note: shallowNote) }
        // One log for the whole site, newest commit first; --relative makes paths relative to the site folder.
        guard
            let log = run(
                [
                    "-c", "core.quotePath=off", "log", "--format=%x1e%ct", "--name-only", "--no-renames", "--relative",
                    "--", "content",
                ],
                in: siteDirectory)
        else { return .none }
        return GitHistory(dates: parse(log, timezone: timezone))
    }

    /// Parses `git log --format=%x1e%ct --name-only` output: records of a commit time followed by the files it touched.
    static func parse(_ log: String, timezone: String) -> [String: Dates] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timezone) ?? TimeZone(identifier: "Europe/London") ?? .current
        var dates: [String: Dates] = [:]
        for record in log.split(separator: "\u{1e}") {
            let lines = record.split(separator: "\n", omittingEmptySubsequences: true)
            guard let first = lines.first, let seconds = TimeInterval(first.trimmingCharacters(in: .whitespaces)) else {
                continue
            }
            let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: seconds))
            guard let year = parts.year, let month = parts.month, let day = parts.day else { continue }
            let date = PartialDate(year: year, month: month, day: day)
            for path in lines.dropFirst() {
                let path = String(path)
                // Newest first: the first time a file is seen is its last update; every later (older) one moves its first publication back.
                if let known = dates[path] {
                    dates[path] = Dates(
                        firstPublished: min(known.firstPublished, date), lastUpdated: max(known.lastUpdated, date))
                } else {
                    dates[path] = Dates(firstPublished: date, lastUpdated: date)
                }
            }
        }
        return dates
    }

    /// Runs git in `directory`; nil when git is missing or fails.
    private static func run(_ arguments: [String], in directory: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        // The same history gives the same dates whatever the user's git settings.
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}

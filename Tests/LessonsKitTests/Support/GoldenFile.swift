import Foundation
import Testing

/// Compares output with a checked-in golden file; with `LESSONS_RECORD=1` in the environment it rewrites the file instead.
enum GoldenFile {
    static var isRecording: Bool { ProcessInfo.processInfo.environment["LESSONS_RECORD"] == "1" }

    static func assertMatches(_ actual: String, goldenPath: String, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        if isRecording {
            try Data(actual.utf8).write(to: URL(fileURLWithPath: goldenPath))
            return
        }
        guard let data = FileManager.default.contents(atPath: goldenPath) else {
            Issue.record(
                "no golden file at \(goldenPath); run the tests with LESSONS_RECORD=1 to create it",
                sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        #expect(
            actual == expected,
            "output differs from \(goldenPath); if the change is intended, re-record with LESSONS_RECORD=1",
            sourceLocation: sourceLocation)
    }
}

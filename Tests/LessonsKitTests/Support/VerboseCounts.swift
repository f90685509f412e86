@testable import LessonsKit

/// The counts a build reports with `--verbose` ("  pages reused 11822/11827", "  documents not rebuilt 9503"), as the
/// reuse tests read them.
extension BuildReport {
    /// The numbers of the verbose line named `label` (without its indentation), or nil when there is no such line.
    func verboseNumbers(_ label: String) -> [Int]? {
        let prefix = "  " + label + " "
        guard let line = stageTimings.first(where: { $0.stage.hasPrefix(prefix) }) else { return nil }
        let numbers = line.stage.dropFirst(prefix.count).split(separator: "/").compactMap { Int($0) }
        return numbers.isEmpty ? nil : numbers
    }

    /// The first number of the line named `label` ("documents not rebuilt 9503" → 9503, "pages reused 3/4" → 3).
    func verboseCount(_ label: String) -> Int? { verboseNumbers(label)?.first }

    /// The two numbers of a line "label N/M", or nil when the line has not two.
    func verboseFraction(_ label: String) -> (part: Int, total: Int)? {
        guard let numbers = verboseNumbers(label), numbers.count == 2 else { return nil }
        return (numbers[0], numbers[1])
    }
}

/// The outcome of a build or check: every diagnostic, the pages written and how long each stage took.
public struct BuildReport: Sendable {
    /// Exit statuses as cli-and-output.md defines them.
    public enum Status: Int32, Sendable {
        case success = 0
        case contentErrors = 1
        case unusableConfiguration = 2
        case internalFailure = 3
    }

    /// The exit status.
    public var status: Status = .success
    /// Every problem found, sorted for the report.
    public var diagnostics: [Diagnostic] = []
    /// The number of documents read.
    public var documentCount = 0
    /// One line per edition written: "Built 214 pages for edition staff in 0.41 s".
    public var summaries: [String] = []
    /// A message for failures that are not about one file (an output folder we refuse to replace).
    public var failure: String?
    /// Each stage's time, for `--verbose`.
    public var stageTimings: [StageTiming] = []

    init() {}
}

/// How long one pipeline stage took.
public struct StageTiming: Sendable, Hashable {
    /// The stage's name.
    public let stage: String
    /// Its wall-clock time.
    public let seconds: Double
}

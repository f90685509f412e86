/// Where a build is: the stage it is in and, for stages that count, how far through.
public struct BuildProgress: Sendable, Hashable {
    /// The stage, as `--verbose` names it ("render", "PDFs").
    public let stage: String
    /// Items done so far in the stage (documents, PDFs, files), or nil when the stage does not count.
    public let done: Int?
    /// Items in the stage, when known.
    public let total: Int?

    /// Creates a progress report.
    public init(stage: String, done: Int? = nil, total: Int? = nil) {
        self.stage = stage
        self.done = done
        self.total = total
    }

    /// One line for a terminal: "render · 120 of 450" or just the stage.
    public var line: String {
        switch (done, total) {
        case (let done?, let total?): "\(stage) · \(done) of \(total)"
        case (let done?, nil): "\(stage) · \(done)"
        case (nil, let total?): "\(stage) · \(total)"
        case (nil, nil): stage
        }
    }
}

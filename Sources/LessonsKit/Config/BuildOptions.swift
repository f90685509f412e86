import Foundation

/// What the command line asked for, already checked and resolved (today's date, folders).
public struct BuildOptions: Sendable {
    var siteDirectory: String
    /// One edition by name; nil means the default `staff` edition unless `allEditions`.
    public var edition: String?
    /// Build every edition, each into its own folder.
    public var allEditions = false
    /// The output folder of the one edition built, if not the default.
    public var output: String?
    /// Include drafts, marked DRAFT on every page.
    public var includeDrafts = false
    /// `--today` as written; resolved against `SOURCE_DATE_EPOCH`, then the clock, in the site's time zone.
    public var today: String?
    /// Overrides `base_url` from site.yaml.
    public var baseURL: String?
    /// Treat warnings as errors.
    public var strict = false
    /// Parallel jobs; nil means the number of cores.
    public var jobs: Int?
    /// `--pdf`: bulletin PDFs are required whatever `bulletin.pdf` says; a missing or failing Chromium fails the build.
    public var requirePDF = false
    /// Skip bulletin PDFs whatever `bulletin.pdf` says: `lessons serve` rebuilds on every save, and PDFs take seconds.
    public var skipPDF = false
    /// Where the PDF stages look for Chromium and their time-out (`LESSONS_CHROME`, `PATH`, `LESSONS_PDF_TIMEOUT`):
    /// the process's environment, or a stand-in Chromium's in tests.
    var pdfEnvironment = ProcessInfo.processInfo.environment
    /// The environment whose `LESSONS_` variables, `PATH` and `TMPDIR` the incremental build records among its settings
    /// (see `IncrementalBuild`): the process's, or a test's.
    var environment = ProcessInfo.processInfo.environment
    /// `--cache DIR`: the incremental build cache's folder (default `.lessons-cache/` in the site).
    public var cacheDirectory: String?
    /// `--clean`: ignore the incremental build cache for this build (it is written afresh).
    public var ignoreCache = false
    /// How long before a build records the stamps of its output files each must have last been modified for the next
    /// build to trust it unread (nanoseconds; see `FileStamp`): nil, as the output's file system needs; tests set 0 so
    /// that every page written is trusted.
    var outputSettleNanoseconds: Int64?
    /// The process ends once the build is reported (the command line): what the build holds at its end is left to the
    /// operating system, which takes it back at exit at once, instead of being freed object by object (at 10k documents,
    /// a tenth of a second on one core after a rebuild's last file is written).
    public var endsProcess = false
    /// Called as the build moves through its stages (the command line shows it as one updating line on a terminal).
    public var progress: (@Sendable (BuildProgress) -> Void)?

    /// Default options for the site in `siteDirectory`.
    public init(siteDirectory: String) {
        self.siteDirectory = siteDirectory
    }

    /// Why `SOURCE_DATE_EPOCH` cannot be used when `--today` is not given (it must be whole seconds since 1970), or nil.
    func sourceDateEpochProblem(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard today == nil, let epoch = environment["SOURCE_DATE_EPOCH"] else { return nil }
        guard !epoch.isEmpty, epoch.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            epoch.utf8.count <= 12
        else {
            return
                "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, not '\(DiagnosticFormat.visible(epoch))'"
                + " (unset it, or pass --today YYYY-MM-DD)"
        }
        return nil
    }

    /// The build date: `--today`, else `SOURCE_DATE_EPOCH`, else now, as a calendar date in `timezone`.
    func resolveToday(timezone: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> PartialDate?
    {
        if let today {
            guard let date = PartialDate(parsing: today), date.hasDay else { return nil }
            return date
        }
        let instant: Date
        if let epoch = environment["SOURCE_DATE_EPOCH"], let seconds = TimeInterval(epoch) {
            instant = Date(timeIntervalSince1970: seconds)
        } else {
            instant = Date()
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timezone) ?? TimeZone(identifier: "Europe/London") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return PartialDate(year: year, month: month, day: day)
    }
}

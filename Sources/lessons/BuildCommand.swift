import ArgumentParser
import LessonsKit

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Validate the site, then write an edition.")

    @OptionGroup var site: SiteOptions

    @Option(help: "The edition to build (default: staff).")
    var edition: String?

    @Flag(help: "Build every edition, each into its own folder.")
    var allEditions = false

    @Option(
        help: ArgumentHelp(
            "Output folder of the edition (default: site-output/ or site-output-<edition>/).", valueName: "dir"))
    var output: String?

    @Flag(help: "Include drafts, marked DRAFT on every page.")
    var drafts = false

    @Option(help: ArgumentHelp("Override base_url from site.yaml.", valueName: "url"))
    var baseURL: String?

    @Flag(help: "Require bulletin PDFs (fails when Chromium is missing).")
    var pdf = false

    @Option(help: "Parallel jobs (default: the number of cores).")
    var jobs: Int?

    @Option(
        help: ArgumentHelp(
            "Folder of the incremental build cache (default: .lessons-cache/ in the site).", valueName: "dir"))
    var cache: String?

    @Flag(help: "Ignore the incremental build cache: build everything afresh.")
    var clean = false

    @Flag(help: "Print nothing but problems.")
    var quiet = false

    @Flag(help: "Print each stage's time.")
    var verbose = false

    func validate() throws {
        if allEditions && edition != nil {
            throw ValidationError("--edition and --all-editions cannot be used together")
        }
        if allEditions && output != nil {
            throw ValidationError("--output names the folder of one edition; it cannot be used with --all-editions")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
    }

    func run() async throws {
        var options = site.buildOptions()
        options.edition = edition
        options.allEditions = allEditions
        options.output = output
        options.includeDrafts = drafts
        options.baseURL = baseURL
        options.jobs = jobs
        options.requirePDF = pdf
        options.cacheDirectory = cache
        options.ignoreCache = clean
        options.endsProcess = true
        let progress = quiet ? nil : ProgressLine.forTerminal()
        if let progress { options.progress = { progress.update($0) } }
        let report = await BuildPipeline.build(options)
        progress?.finish()
        let status = emit(report, format: site.format, quiet: quiet, verbose: verbose)
        if status != 0 { throw ExitCode(status) }
    }
}

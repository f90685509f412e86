import ArgumentParser
import Foundation
import LessonsKit

/// Options that `build` and `check` share.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder (holding site.yaml).", valueName: "dir"))
    var site: String = "."

    @Option(
        help: ArgumentHelp(
            "Build date for 'upcoming' and 'overdue' (default: SOURCE_DATE_EPOCH, else today).", valueName: "YYYY-MM-DD"
        ))
    var today: String?

    @Option(help: "How to print problems: text, github or json.")
    var format: DiagnosticFormatOption = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func buildOptions() -> BuildOptions {
        var options = BuildOptions(siteDirectory: site)
        options.today = today
        options.strict = strict
        return options
    }
}

enum DiagnosticFormatOption: String, ExpressibleByArgument, CaseIterable {
    case text, github, json

    var format: DiagnosticFormat { DiagnosticFormat(rawValue: rawValue) ?? .text }
}

/// Prints the report's problems and failure to standard error and returns the exit status.
func emit(_ report: BuildReport, format: DiagnosticFormatOption, quiet: Bool = false, verbose: Bool = false) -> Int32 {
    // People read text on standard error; github and json go to standard output so they can be piped.
    let problems = format.format.render(report.diagnostics, documentCount: report.documentCount)
    if !problems.isEmpty {
        (format == .text ? FileHandle.standardError : FileHandle.standardOutput).write(Data(problems.utf8))
    }
    if let failure = report.failure { FileHandle.standardError.write(Data("error: \(failure)\n".utf8)) }
    if verbose {
        for timing in report.stageTimings {
            FileHandle.standardError.write(
                Data(
                    ("  " + timing.stage.padding(toLength: max(18, timing.stage.count + 1), withPad: " ", startingAt: 0)
                        + String(format: "%7.3f s\n", timing.seconds)).utf8))
        }
    }
    if !quiet {
        for line in report.summaries { print(line) }
    }
    return report.status.rawValue
}

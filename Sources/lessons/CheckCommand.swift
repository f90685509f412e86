import ArgumentParser
import LessonsKit

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate everything, for every edition, and write nothing.")

    @OptionGroup var site: SiteOptions

    func run() async throws {
        let report = await BuildPipeline.check(site.buildOptions())
        let status = emit(report, format: site.format)
        if status == 0, site.format == .text {
            print(
                report.diagnostics.isEmpty
                    ? "No problems in \(report.documentCount) documents"
                    : DiagnosticFormat.summary(report.diagnostics, documentCount: report.documentCount))
        }
        if status != 0 { throw ExitCode(status) }
    }
}

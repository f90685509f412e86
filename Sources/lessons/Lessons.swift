import ArgumentParser
import Foundation
import LessonsKit

@main
struct Lessons: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons",
        abstract: "Build a Learning Lessons site from Markdown incidents, lessons, sessions and bulletins.",
        version: LessonsVersion.current,
        subcommands: [BuildCommand.self, CheckCommand.self, NewCommand.self, ServeCommand.self, SchemaCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    /// Parses and runs the command; an unusable command line exits with status 2 as the spec says (not 64, EX_USAGE).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            guard code == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(BuildReport.Status.unusableConfiguration.rawValue)
        }
    }
}

import ArgumentParser
import LessonsKit

@main
struct Lessons: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons",
        abstract: "Build a Learning Lessons site from Markdown incidents, lessons, sessions and bulletins.",
        subcommands: [BuildCommand.self, CheckCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}

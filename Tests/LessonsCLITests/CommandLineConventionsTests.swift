import Foundation
import Testing

/// `--version`, exit status 2 for an unusable command line, and `lessons help` listing every command.
@Suite struct CommandLineConventionsTests {
    @Test func printsItsVersion() throws {
        let result = try LessonsBinary.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.firstMatch(of: #/^\d+\.\d+\.\d+\n$/#) != nil, "\(result.stdout)")
    }

    @Test(arguments: [
        ["build", "--bogus"], ["check", "--format", "yaml"], ["build", "--jobs", "many"], ["new", "incident"],
        ["frobnicate", "x"],
    ])
    func exitsWithStatus2ForAnUnusableCommandLine(arguments: [String]) throws {
        let result = try LessonsBinary.run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test func helpListsEveryCommand() throws {
        let result = try LessonsBinary.run(["help"])
        #expect(result.status == 0)
        for command in ["build", "check", "new", "serve", "schema"] {
            #expect(result.stdout.contains("\n  \(command)"), "\(command) missing from: \(result.stdout)")
        }
    }
}

import Foundation
import Testing

/// Runs the built `lessons` binary on small sites and checks its output, messages and exit status.
@Suite struct CLITests {
    @Test func printsHelp() throws {
        let result = try LessonsBinary.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("build"))
        #expect(result.stdout.contains("check"))
    }
}

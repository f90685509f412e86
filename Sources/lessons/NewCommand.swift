import ArgumentParser
import Foundation
import LessonsKit

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract:
            "Write a new document with the next free id, today's date, the required fields and the type's headings.",
        discussion: """
            Fields still to fill in say TODO, with a note on what goes there; `lessons check` reports each one until it is \
            replaced. Types: incident, lesson, session, bulletin, debrief, practice, external, review, culture, page.
            """)

    @Argument(help: "The type of document (e.g. incident, lesson, session).")
    var type: String

    @Argument(help: "Its title, in quotes.")
    var title: String

    @Option(name: .long, help: ArgumentHelp("The site folder (holding site.yaml).", valueName: "dir"))
    var site: String = "."

    @Option(help: ArgumentHelp("The date to use instead of today.", valueName: "YYYY-MM-DD"))
    var today: String?

    @Option(
        help: ArgumentHelp(
            "A service slug for the 'service' field (culture assessments need one for their id).", valueName: "slug"))
    var service: String?

    @Option(help: ArgumentHelp("Use this id instead of the next free one.", valueName: "id"))
    var id: String?

    func run() throws {
        var request = NewDocument.Request(siteDirectory: site, type: type, title: title)
        request.today = today
        request.service = service
        request.id = id
        let outcome = NewDocument.create(request)
        let problems = DiagnosticFormat.text.render(outcome.diagnostics, documentCount: 0)
        if !problems.isEmpty { FileHandle.standardError.write(Data(problems.utf8)) }
        if let failure = outcome.failure { FileHandle.standardError.write(Data("error: \(failure)\n".utf8)) }
        if let path = outcome.path { print(path) }
        if outcome.status != .success { throw ExitCode(outcome.status.rawValue) }
    }
}

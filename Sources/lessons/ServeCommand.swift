import ArgumentParser
import Foundation
import LessonsServe

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build, serve the site on this computer, rebuild on every change and reload open pages.",
        discussion:
            "A failed build shows its problems in the browser while the last good site stays served. Press Ctrl-C to stop."
    )

    @Option(name: .long, help: ArgumentHelp("The site folder (holding site.yaml).", valueName: "dir"))
    var site: String = "."

    @Option(help: "Port to listen on (0 picks a free one).")
    var port: Int = 8000

    @Option(
        help: ArgumentHelp(
            "Address to listen on; only 127.0.0.1 (this computer) unless you name another.", valueName: "address"))
    var host: String = "127.0.0.1"

    @Option(help: "The edition to serve (default: staff).")
    var edition: String?

    @Flag(help: "Include drafts, marked DRAFT on every page.")
    var drafts = false

    @Option(
        help: ArgumentHelp(
            "Build date for 'upcoming' and 'overdue' (default: SOURCE_DATE_EPOCH, else today).", valueName: "YYYY-MM-DD"
        ))
    var today: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
    }

    func run() async throws {
        var options = PreviewSession.Options(siteDirectory: site)
        options.host = host
        options.port = UInt16(port)
        options.edition = edition
        options.includeDrafts = drafts
        options.today = today
        let status = await PreviewSession.run(
            options,
            say: { text in
                FileHandle.standardOutput.write(Data(text.utf8))
            },
            problems: { text in
                FileHandle.standardError.write(Data(text.utf8))
            })
        if status != 0 { throw ExitCode(status) }
    }
}

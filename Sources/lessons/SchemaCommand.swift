import ArgumentParser
import Foundation
import LessonsKit

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Write JSON Schema (draft 2020-12) for each document type's front matter and for site.yaml.",
        discussion:
            "Editors such as VS Code use the schemas for autocomplete and to flag misspelt fields and values as you type."
    )

    @Option(name: .long, help: ArgumentHelp("The site folder (holding site.yaml).", valueName: "dir"))
    var site: String = "."

    @Option(help: ArgumentHelp("Folder to write the schemas into (default: schema/ in the site).", valueName: "dir"))
    var output: String?

    func run() throws {
        let outcome = SchemaWriter.write(siteDirectory: site, output: output)
        let problems = DiagnosticFormat.text.render(outcome.diagnostics, documentCount: 0)
        if !problems.isEmpty { FileHandle.standardError.write(Data(problems.utf8)) }
        if let failure = outcome.failure { FileHandle.standardError.write(Data("error: \(failure)\n".utf8)) }
        if let folder = outcome.folder { print("Wrote \(outcome.fileCount) schemas to \(folder)") }
        if outcome.status != .success { throw ExitCode(outcome.status.rawValue) }
    }
}

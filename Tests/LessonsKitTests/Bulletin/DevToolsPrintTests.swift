import Foundation
import Testing

@testable import LessonsKit

/// One Chromium, kept up and driven over the DevTools protocol, prints a stage's pages with the bytes a Chromium run per
/// page (`--print-to-pdf`) gives them; a Chromium that cannot be driven so prints each page in a run of its own.
@Suite(.serialized) struct DevToolsPrintTests {
    static let chromium = Chromium.locate(environment: ProcessInfo.processInfo.environment)

    /// A page with a table whose header cells Chromium tags with node names.
    static func page(_ number: Int) -> String {
        let rows = (1...number).map { "<tr><th scope=\"row\">Row \($0)</th><td>\($0 * 7)</td></tr>" }.joined()
        return """
            <!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Page \(number)</title>
            <link rel="stylesheet" href="../style.css"></head><body><h1>Page \(number)</h1>
            <table><thead><tr><th scope="col">Name</th><th scope="col">Value</th></tr></thead><tbody>\(rows)</tbody></table>
            </body></html>
            """
    }

    static let files: [OutputFile] =
        (1...4).map { OutputFile(path: "pages/p\($0)/index.html", text: page($0)) } + [
            OutputFile(path: "style.css", text: "@page { size: A4; margin: 2cm } th { text-align: left }")
        ]

    static let jobs = (1...4).map { (number: Int) in
        PDFPrinter.Job(
            kind: "lesson page", name: "p\(number)", page: "pages/p\(number)/index.html",
            date: PartialDate(year: 2026, month: 11, day: number))
    }

    /// A script standing in for Chromium that notes each run's arguments, one line a run, then runs `chromium`.
    static func recordingWrapper(of chromium: Chromium, in folder: String) throws -> Chromium {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let script = folder + "/chromium"
        let text = "#!/bin/sh\necho \"$*\" >> \"\(folder)/runs.txt\"\nexec \"\(chromium.executable)\" \"$@\"\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: script))
        #expect(chmod(script, 0o755) == 0)
        return Chromium(executable: script)
    }

    @Test(.enabled(if: chromium != nil))
    func oneBrowserPrintsEveryPageAsARunPerPageWouldAndTheSameEveryTime() async throws {
        let chromium = try #require(Self.chromium)
        let folder = FileManager.default.temporaryDirectory.path + "/lessons-devtools-test-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let wrapper = try Self.recordingWrapper(of: chromium, in: folder)
        let printer = PDFPrinter(chromium: wrapper, concurrency: 3, timeoutSeconds: 90, cache: nil)
        let printed = try await printer.print(Self.jobs, from: Self.files).map { try $0.get() }

        let runs = try String(contentsOfFile: folder + "/runs.txt", encoding: .utf8).split(separator: "\n")
        #expect(runs.count == 1, "one Chromium for the four pages: \(runs)")
        #expect(runs.first?.contains("--remote-debugging-pipe") == true)
        #expect(runs.first?.contains("--print-to-pdf") == false)

        // The same pages, each printed by a Chromium run of its own, as before (dates and node names made stable the
        // same way).
        let scratch = folder + "/single"
        try PrintScratchFolder(path: scratch).write(Self.files)
        for (job, bytes) in zip(Self.jobs, printed) {
            #expect(PDFFile.pageCount(bytes) == 1)
            #expect(String(decoding: bytes, as: UTF8.self).contains("(node00000000)"), "tagged, names renumbered")
            let single = try await chromium.printPDF(
                page: scratch + "/" + job.page, output: scratch + "/\(job.name).pdf", profile: scratch + "/profile",
                timeoutSeconds: 90
            ).get()
            #expect(PDFFile.renumberingNodeIDs(PDFFile.reproducible(single, date: job.date)) == bytes, "\(job.name)")
        }

        let again = try await printer.print(Self.jobs, from: Self.files).map { try $0.get() }
        #expect(again == printed)
    }

    @Test func aChromiumThatCannotBeDrivenPrintsEachPageInARunOfItsOwn() async throws {
        let chromium = try PDFCacheTests.FakeChromium()
        defer { chromium.remove() }
        let printer = PDFPrinter(
            chromium: Chromium(executable: chromium.script), concurrency: 2, timeoutSeconds: 30, cache: nil)
        let printed = try await printer.print(Self.jobs, from: Self.files)
        #expect(printed.allSatisfy { (try? $0.get())?.isEmpty == false })
        #expect(chromium.runs == 4)
    }

    @Test func theBrowserGetsThePipeAndNoOtherDescriptorOfThisProcess() async throws {
        let folder = FileManager.default.temporaryDirectory.path + "/lessons-devtools-fds-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A descriptor without close-on-exec, like a preview server's listening socket.
        let inherited = open("/dev/null", O_RDONLY)
        #expect(inherited > 4)
        defer { close(inherited) }
        let browser = try #require(
            DevToolsBrowser.launch(
                executable: "/bin/sh", arguments: ["-c", "ls /proc/$$/fd > \(folder)/fds; exit 0"], log: folder + "/log"
            ))
        await browser.quit(waitingUpTo: 10)
        let open = try String(contentsOfFile: folder + "/fds", encoding: .utf8).split(separator: "\n").compactMap {
            Int32($0)
        }
        #expect(Set(open).isSuperset(of: [0, 1, 2, 3, 4]), "\(open)")
        #expect(!open.contains(inherited), "\(open)")
    }

    @Test func nodeNamesAreRenumberedByRankWithoutMovingAnyByte() {
        func pdf(_ first: Int) -> [UInt8] {
            let (a, b, c) = (
                String(format: "%08d", first), String(format: "%08d", first + 9), String(format: "%08d", first + 3)
            )
            return Array(
                "<</ID (node\(a))>> <</Headers [(node\(b))]>> <</ID (node\(c))>> /Limits [(node\(a)) (node\(b))] (node12) (nodeXXXXXXXX)"
                    .utf8)
        }
        let shifted = PDFFile.renumberingNodeIDs(pdf(128))
        #expect(shifted.count == pdf(128).count)
        #expect(shifted == PDFFile.renumberingNodeIDs(pdf(127)), "a page numbered one node later prints the same")
        #expect(
            String(decoding: shifted, as: UTF8.self)
                == "<</ID (node00000000)>> <</Headers [(node00000002)]>> <</ID (node00000001)>> /Limits [(node00000000) (node00000002)] (node12) (nodeXXXXXXXX)"
        )
        let plain = Array("no tags here".utf8)
        #expect(PDFFile.renumberingNodeIDs(plain) == plain)
    }
}

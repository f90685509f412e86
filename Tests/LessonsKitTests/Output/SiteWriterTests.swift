import Foundation
import Testing

@testable import LessonsKit

/// A temporary folder holding a site (with a `content/` folder), removed when the test ends.
private struct Sandbox {
    let root: String
    var site: String { root + "/site" }
    var output: String { site + "/site-output" }

    init() throws {
        let base = FileManager.default.temporaryDirectory.path
        root = base + "/lessons-sitewriter-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: site + "/content", withIntermediateDirectories: true)
    }

    func writer(output: String? = nil, site: String? = nil) -> SiteWriter {
        SiteWriter(outputDirectory: output ?? self.output, siteDirectory: site ?? self.site)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

private func withSandbox(_ body: (Sandbox) throws -> Void) throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try body(sandbox)
}

/// Every entry under `folder`: folders as `nil`, files with their bytes, symbolic links as their target.
private func snapshot(_ folder: String) throws -> [String: [UInt8]?] {
    var result: [String: [UInt8]?] = [:]
    let manager = FileManager.default
    for path in try manager.subpathsOfDirectory(atPath: folder) {
        let full = folder + "/" + path
        let type = try manager.attributesOfItem(atPath: full)[.type] as? FileAttributeType
        switch type {
        case .typeDirectory?: result[path] = .some(nil)
        case .typeSymbolicLink?: result[path] = Array(try manager.destinationOfSymbolicLink(atPath: full).utf8)
        default: result[path] = [UInt8](try Data(contentsOf: URL(fileURLWithPath: full)))
        }
    }
    return result
}

private func read(_ path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8)
}

private func entries(_ folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
}

private func makeFile(_ path: String, _ text: String = "x") throws {
    try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}

/// The error `body` throws, or `nil`.
private func writeError(_ body: () throws(OutputError) -> Void) -> OutputError? {
    do {
        try body()
        return nil
    } catch {
        return error
    }
}

private let firstBuild = [
    OutputFile(path: "index.html", text: "<h1>Home</h1>\n"),
    OutputFile(path: "lessons/ll-2026-001/index.html", text: "<p>One</p>\n"),
    OutputFile(path: "lessons/ll-2026-002/index.html", text: "<p>Two</p>\n"),
    OutputFile(path: "assets/site.css", text: "body { margin: 0 }\n"),
]

@Suite("SiteWriter")
struct SiteWriterTests {
    @Test func writesFilesInNestedFolders() throws {
        try withSandbox { sandbox in
            let summary = try sandbox.writer().write(firstBuild)
            #expect(summary == WriteSummary(fileCount: 4, byteCount: 14 + 11 + 11 + 19))
            #expect(try read(sandbox.output + "/index.html") == "<h1>Home</h1>\n")
            #expect(try read(sandbox.output + "/lessons/ll-2026-002/index.html") == "<p>Two</p>\n")
            #expect(try entries(sandbox.output) == [".lessons-output", "assets", "index.html", "lessons"])
            #expect(try entries(sandbox.output + "/lessons") == ["ll-2026-001", "ll-2026-002"])
        }
    }

    @Test func createsMissingParentFolders() throws {
        try withSandbox { sandbox in
            let output = sandbox.root + "/build/editions/public"
            _ = try sandbox.writer(output: output).write(firstBuild)
            #expect(try read(output + "/index.html") == "<h1>Home</h1>\n")
        }
    }

    @Test func replacesPreviousOutputAtomically() throws {
        try withSandbox { sandbox in
            _ = try sandbox.writer().write(firstBuild)
            let secondBuild = [
                OutputFile(path: "index.html", text: "<h1>Home, again</h1>\n"),
                OutputFile(path: "lessons/ll-2026-003/index.html", text: "<p>Three</p>\n"),
            ]
            _ = try sandbox.writer().write(secondBuild)
            #expect(try read(sandbox.output + "/index.html") == "<h1>Home, again</h1>\n")
            #expect(try entries(sandbox.output) == [".lessons-output", "index.html", "lessons"])
            #expect(try entries(sandbox.output + "/lessons") == ["ll-2026-003"])
            #expect(try entries(sandbox.site) == ["content", "site-output"])
        }
    }

    @Test func keepsPreviousOutputWhenAPathIsInvalid() throws {
        try withSandbox { sandbox in
            _ = try sandbox.writer().write(firstBuild)
            let before = try snapshot(sandbox.output)
            let broken = firstBuild + [OutputFile(path: "lessons/../../escape.html", text: "no")]
            #expect(throws: OutputError.invalidPath("lessons/../../escape.html")) {
                try sandbox.writer().write(broken)
            }
            #expect(try snapshot(sandbox.output) == before)
            #expect(try entries(sandbox.site) == ["content", "site-output"])
        }
    }

    @Test func keepsPreviousOutputWhenACopyFails() throws {
        try withSandbox { sandbox in
            _ = try sandbox.writer().write(firstBuild)
            let before = try snapshot(sandbox.output)
            let missing = sandbox.root + "/no-such-file.png"
            let broken =
                [OutputFile(path: "index.html", text: "new")]
                + [OutputFile(path: "assets/logo.png", contents: .copy(from: missing))]
            let error = writeError { () throws(OutputError) in _ = try sandbox.writer().write(broken) }
            guard case .io(let path, let message)? = error else {
                Issue.record("expected an I/O error, got \(String(describing: error))")
                return
            }
            #expect(path == missing)
            #expect(message.contains("No such file or directory"))
            #expect(try snapshot(sandbox.output) == before)
            #expect(try entries(sandbox.site) == ["content", "site-output"])
        }
    }

    @Test func refusesNonEmptyFolderWithoutMarker() throws {
        try withSandbox { sandbox in
            try makeFile(sandbox.output + "/notes.txt", "my notes")
            #expect(throws: OutputError.notPreviousOutput(sandbox.output)) {
                try sandbox.writer().write(firstBuild)
            }
            #expect(try entries(sandbox.output) == ["notes.txt"])
            #expect(try read(sandbox.output + "/notes.txt") == "my notes")
            #expect(
                OutputError.notPreviousOutput("site-output").description
                    .contains("remove it or choose another --output"))
        }
    }

    @Test func refusesPlainFileOrSymbolicLinkAtOutput() throws {
        try withSandbox { sandbox in
            try makeFile(sandbox.output, "a file")
            #expect(throws: OutputError.notPreviousOutput(sandbox.output)) {
                try sandbox.writer().write(firstBuild)
            }
            // A link to an earlier output is refused too: the writer never follows the output path out.
            let elsewhere = sandbox.root + "/elsewhere"
            _ = try sandbox.writer(output: elsewhere).write(firstBuild)
            let link = sandbox.site + "/linked-output"
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: elsewhere)
            #expect(throws: OutputError.notPreviousOutput(link)) {
                try sandbox.writer(output: link).write([OutputFile(path: "index.html", text: "new")])
            }
            #expect(try read(elsewhere + "/index.html") == "<h1>Home</h1>\n")
        }
    }

    @Test func acceptsEmptyExistingFolder() throws {
        try withSandbox { sandbox in
            try FileManager.default.createDirectory(atPath: sandbox.output, withIntermediateDirectories: false)
            _ = try sandbox.writer().write(firstBuild)
            #expect(try read(sandbox.output + "/assets/site.css") == "body { margin: 0 }\n")
        }
    }

    @Test func refusesOutputEqualToSite() throws {
        try withSandbox { sandbox in
            try makeFile(sandbox.site + "/site.yaml", "title: Test\n")
            for output in [sandbox.site, sandbox.site + "/", sandbox.site + "/content/../."] {
                #expect(throws: OutputError.outputIsSiteFolder(output)) {
                    try sandbox.writer(output: output).write(firstBuild)
                }
            }
            // The same folder reached through a relative path and through a symbolic link.
            let depth = FileManager.default.currentDirectoryPath.split(separator: "/").count
            let relative = String(repeating: "../", count: depth) + sandbox.site.dropFirst()
            #expect(throws: OutputError.outputIsSiteFolder(relative)) {
                try sandbox.writer(output: relative).write(firstBuild)
            }
            let link = sandbox.root + "/link"
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: sandbox.root)
            #expect(throws: OutputError.outputIsSiteFolder(link + "/site")) {
                try sandbox.writer(output: link + "/site").write(firstBuild)
            }
            #expect(try entries(sandbox.site) == ["content", "site.yaml"])
        }
    }

    @Test func refusesOutputContainingSite() throws {
        try withSandbox { sandbox in
            #expect(throws: OutputError.outputContainsSite(sandbox.root)) {
                try sandbox.writer(output: sandbox.root).write(firstBuild)
            }
            #expect(throws: OutputError.outputContainsSite("/")) {
                try sandbox.writer(output: "/").write(firstBuild)
            }
            let remaining = try entries(sandbox.root)
            #expect(remaining == ["site"])
        }
    }

    @Test func refusesOutputInsideContent() throws {
        try withSandbox { sandbox in
            let link = sandbox.root + "/site-link"
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: sandbox.site)
            let outputs = [
                sandbox.site + "/content", sandbox.site + "/content/out", sandbox.site + "/static/out",
                sandbox.site + "/data/a/b", sandbox.site + "/themes/default/out", link + "/content/out",
            ]
            for output in outputs {
                #expect(throws: OutputError.outputInsideContent(output)) {
                    try sandbox.writer(output: output).write(firstBuild)
                }
            }
            #expect(try entries(sandbox.site + "/content") == [])
            // A sibling whose name merely starts with "content" is fine.
            _ = try sandbox.writer(output: sandbox.site + "/content-output").write(firstBuild)
        }
    }

    @Test(arguments: [
        "../index.html", "lessons/../../index.html", "a/./b.html", "./index.html", ".", "..", "",
        "/etc/passwd", "a//b.html", "a/", "a\\b.html", "a\u{0}b.html", String(repeating: "n", count: 256),
    ])
    func rejectsParentDirectoryComponents(path: String) throws {
        try withSandbox { sandbox in
            #expect(throws: OutputError.invalidPath(path)) {
                try sandbox.writer().write(firstBuild + [OutputFile(path: path, text: "x")])
            }
            let remaining = try entries(sandbox.site)
            #expect(remaining == ["content"])
        }
    }

    @Test func rejectsDuplicatePaths() throws {
        try withSandbox { sandbox in
            let duplicate = firstBuild + [OutputFile(path: "lessons/ll-2026-001/index.html", text: "again")]
            #expect(throws: OutputError.invalidPath("lessons/ll-2026-001/index.html")) {
                try sandbox.writer().write(duplicate)
            }
            // A file cannot also be a folder, nor take the marker's name.
            #expect(throws: OutputError.invalidPath("lessons")) {
                try sandbox.writer().write(firstBuild + [OutputFile(path: "lessons", text: "x")])
            }
            #expect(throws: OutputError.invalidPath(".lessons-output")) {
                try sandbox.writer().write([OutputFile(path: ".lessons-output", text: "x")])
            }
            // Names that differ only in case are different files.
            let caseVariants = [OutputFile(path: "A.html", text: "A"), OutputFile(path: "a.html", text: "a")]
            _ = try sandbox.writer().write(caseVariants)
            #expect(try entries(sandbox.output) == [".lessons-output", "A.html", "a.html"])
        }
    }

    @Test func copiesFilesByteForByte() throws {
        try withSandbox { sandbox in
            // Every byte value, and a file bigger than one copy chunk.
            var generator = SystemRandomNumberGenerator()
            let small = (0...255).map { UInt8($0) }
            let large = (0..<200_001).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let sources = ["small.bin": small, "large.bin": large, "empty.bin": []]
            var files: [OutputFile] = []
            for (name, bytes) in sources {
                let source = sandbox.site + "/static/" + name
                try makeFile(source)
                try Data(bytes).write(to: URL(fileURLWithPath: source))
                files.append(OutputFile(path: "assets/" + name, contents: .copy(from: source)))
            }
            let summary = try sandbox.writer().write(files)
            #expect(summary == WriteSummary(fileCount: 3, byteCount: 256 + 200_001))
            for (name, bytes) in sources {
                let copied = try Data(contentsOf: URL(fileURLWithPath: sandbox.output + "/assets/" + name))
                #expect([UInt8](copied) == bytes)
            }
        }
    }

    @Test func leavesNoStagingFolderBehind() throws {
        try withSandbox { sandbox in
            // A stale staging folder of this process is cleared first.
            let staging = sandbox.site + "/.site-output.staging-\(ProcessInfo.processInfo.processIdentifier)"
            try makeFile(staging + "/stale/file.txt")
            _ = try sandbox.writer().write(firstBuild)
            #expect(try entries(sandbox.site) == ["content", "site-output"])
            _ = try sandbox.writer().write(firstBuild)
            #expect(try entries(sandbox.site) == ["content", "site-output"])
            let failing = firstBuild + [OutputFile(path: "x.png", contents: .copy(from: sandbox.root + "/missing"))]
            #expect(throws: OutputError.self) { try sandbox.writer().write(failing) }
            #expect(try entries(sandbox.site) == ["content", "site-output"])
        }
    }

    @Test func writesMarkerFile() throws {
        try withSandbox { sandbox in
            _ = try sandbox.writer().write([])
            #expect(try entries(sandbox.output) == [SiteWriter.markerFileName])
            #expect(try read(sandbox.output + "/.lessons-output").contains("lessons"))
            // A marked folder is replaced even though it holds files lessons did not write.
            try makeFile(sandbox.output + "/stray.txt")
            _ = try sandbox.writer().write(firstBuild)
            #expect(!FileManager.default.fileExists(atPath: sandbox.output + "/stray.txt"))
        }
    }

    @Test func removesLinksInPreviousOutputWithoutFollowingThem() throws {
        try withSandbox { sandbox in
            _ = try sandbox.writer().write(firstBuild)
            try makeFile(sandbox.root + "/precious/keep.txt", "keep")
            try FileManager.default.createSymbolicLink(
                atPath: sandbox.output + "/lessons/link", withDestinationPath: sandbox.root + "/precious")
            _ = try sandbox.writer().write([OutputFile(path: "index.html", text: "new")])
            #expect(try entries(sandbox.output) == [".lessons-output", "index.html"])
            #expect(try read(sandbox.root + "/precious/keep.txt") == "keep")
        }
    }

    @Test func outputDoesNotDependOnScheduling() throws {
        try withSandbox { sandbox in
            let files = (0..<400).map { index in
                OutputFile(path: "type\(index % 3)/doc-\(index)/index.html", text: "<p>\(index)</p>\n")
            }
            let serial = SiteWriter(
                outputDirectory: sandbox.root + "/serial", siteDirectory: sandbox.site, parallel: false)
            let parallel = SiteWriter(
                outputDirectory: sandbox.root + "/parallel", siteDirectory: sandbox.site, parallel: true)
            let serialSummary = try serial.write(files)
            let parallelSummary = try parallel.write(files.reversed())
            #expect(serialSummary == parallelSummary)
            let written = try snapshot(sandbox.root + "/serial")
            #expect(written.count == 400 + 400 + 3 + 1)
            #expect(try snapshot(sandbox.root + "/parallel") == written)
            _ = try parallel.write(files)  // replacing in parallel
            #expect(try snapshot(sandbox.root + "/parallel") == written)
        }
    }

    @Test func reportsTheFirstFailureWhateverTheScheduling() throws {
        try withSandbox { sandbox in
            var files = (0..<2000).map { OutputFile(path: "doc-\($0).html", text: "\($0)") }
            files[700] = OutputFile(path: "doc-700.png", contents: .copy(from: sandbox.root + "/missing-700"))
            files[1900] = OutputFile(path: "doc-1900.png", contents: .copy(from: sandbox.root + "/missing-1900"))
            for parallel in [false, true] {
                let writer = SiteWriter(
                    outputDirectory: sandbox.output, siteDirectory: sandbox.site, parallel: parallel)
                let error = writeError { () throws(OutputError) in _ = try writer.write(files) }
                let expected = OutputError.io(
                    path: sandbox.root + "/missing-700", message: "cannot open file to copy: No such file or directory")
                #expect(error == expected)
            }
            let remaining = try entries(sandbox.site)
            #expect(remaining == ["content"])
        }
    }
}

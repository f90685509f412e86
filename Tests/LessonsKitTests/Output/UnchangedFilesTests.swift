import Foundation
import Testing

@testable import LessonsKit

/// The writer keeps files whose bytes did not change (same inode, same modification time) and removes files that are
/// no longer built, while the swap stays atomic.
@Suite("SiteWriter keeps unchanged files")
struct UnchangedFilesTests {
    private struct Folder {
        let root = FileManager.default.temporaryDirectory.path + "/lessons-unchanged-" + UUID().uuidString
        var site: String { root + "/site" }
        var output: String { site + "/site-output" }
        func write(_ files: [OutputFile]) throws -> WriteSummary {
            try SiteWriter(outputDirectory: output, siteDirectory: site).write(files)
        }
        func identity(_ path: String) throws -> (inode: UInt64, modified: Date) {
            let attributes = try FileManager.default.attributesOfItem(atPath: output + "/" + path)
            return (
                (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0,
                attributes[.modificationDate] as? Date ?? .distantPast
            )
        }
    }

    @Test func unchangedFilesKeepTheirInodeAndTimeChangedOnesAreRewrittenAndDeletedOnesGo() throws {
        let folder = Folder()
        try FileManager.default.createDirectory(atPath: folder.site + "/static", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder.root) }
        let asset = folder.site + "/static/logo.svg"
        try Data("<svg/>".utf8).write(to: URL(fileURLWithPath: asset))
        let first = [
            OutputFile(path: "index.html", text: "<h1>Home</h1>"),
            OutputFile(path: "lessons/a/index.html", text: "<p>A</p>"),
            OutputFile(path: "lessons/b/index.html", text: "<p>B</p>"),
            OutputFile(path: "logo.svg", contents: .copy(from: asset)),
        ]
        let summary = try folder.write(first)
        #expect(summary.unchangedCount == 0)
        let home = try folder.identity("index.html")
        let logo = try folder.identity("logo.svg")
        let lesson = try folder.identity("lessons/a/index.html")
        Thread.sleep(forTimeInterval: 0.02)

        let second = [
            OutputFile(path: "index.html", text: "<h1>Home</h1>"),
            OutputFile(path: "lessons/a/index.html", text: "<p>A, edited</p>"),
            OutputFile(path: "logo.svg", contents: .copy(from: asset)),
        ]
        let again = try folder.write(second)
        #expect(again.unchangedCount == 2, "the home page and the copied logo are unchanged")
        #expect(try folder.identity("index.html") == home)
        #expect(try folder.identity("logo.svg") == logo)
        #expect(try folder.identity("lessons/a/index.html").inode != lesson.inode)
        let edited = FileManager.default.contents(atPath: folder.output + "/lessons/a/index.html")
        #expect(edited.map { String(decoding: $0, as: UTF8.self) } == "<p>A, edited</p>")
        #expect(!FileManager.default.fileExists(atPath: folder.output + "/lessons/b"), "a page no longer built goes")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.site).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "no staging or old folder is left: \(leftovers)")
    }

    @Test func aPageReuseVerifiedIsLinkedWithoutComparingAndOneWhosePreviousFileWentIsWritten() throws {
        let folder = Folder()
        try FileManager.default.createDirectory(atPath: folder.site, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder.root) }
        _ = try folder.write([OutputFile(path: "lessons/a/index.html", text: "<p>A</p>")])
        let lesson = try folder.identity("lessons/a/index.html")

        // Page reuse read the previous file and checked its digest, so the writer trusts it: it links the file
        // without reading it again (the bytes given here stand in for what page reuse read).
        let verified = OutputFile(page: "lessons/a/index.html", bytes: Array("<p>B</p>".utf8), links: nil)
            .fromPreviousOutput
        let again = try folder.write([
            verified, OutputFile(path: "new/index.html", text: "<p>N</p>").fromPreviousOutput,
        ])
        #expect(again.unchangedCount == 1)
        #expect(try folder.identity("lessons/a/index.html") == lesson)
        let written = FileManager.default.contents(atPath: folder.output + "/new/index.html")
        #expect(written.map { String(decoding: $0, as: UTF8.self) } == "<p>N</p>", "no previous file: written")
    }

    @Test func whereAFilesBytesCameFromIsNoPartOfItsEquality() {
        let page = OutputFile(page: "a/index.html", bytes: Array("<p>A</p>".utf8), links: nil)
        #expect(page.fromPreviousOutput == page)
        #expect(Set([page, page.fromPreviousOutput]).count == 1)
        #expect(page.fromPreviousOutput.isPreviousOutput && !page.isPreviousOutput)
    }

    @Test func aFileOfTheSameSizeButOtherBytesIsRewritten() throws {
        let folder = Folder()
        defer { try? FileManager.default.removeItem(atPath: folder.root) }
        _ = try folder.write([OutputFile(path: "a.txt", text: "abc")])
        let summary = try folder.write([OutputFile(path: "a.txt", text: "abd")])
        #expect(summary.unchangedCount == 0)
        #expect(FileManager.default.contents(atPath: folder.output + "/a.txt") == Data("abd".utf8))
    }
}

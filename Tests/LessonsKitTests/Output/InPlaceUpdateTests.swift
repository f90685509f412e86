import Foundation
import Testing

@testable import LessonsKit

/// A rebuild that updates its output folder in place: only new and changed files are staged; unchanged ones are never
/// touched, files the build no longer makes and anything added by hand are removed, and a failed build leaves the output
/// as it was.
@Suite("In-place update of the output")
struct InPlaceUpdateTests {
    /// A site folder in a temporary folder, with its output beside `content/`.
    struct Folder {
        let root = FileManager.default.temporaryDirectory.path + "/lessons-inplace-" + UUID().uuidString
        var site: String { root + "/site" }
        var output: String { site + "/site-output" }

        init() throws {
            try FileManager.default.createDirectory(atPath: site + "/content", withIntermediateDirectories: true)
        }

        func staging(inPlace: Bool = true) throws -> StagingFolder {
            try StagingFolder(outputDirectory: output, siteDirectory: site, parallel: false, inPlace: inPlace)
        }

        /// Writes `files` (path: text) as a whole new output.
        func build(_ files: [String: String]) throws {
            let staging = try staging(inPlace: false)
            for (path, text) in files.sorted(by: { $0.key < $1.key }) {
                try staging.write(OutputFile(path: path, text: text))
            }
            _ = try staging.commit()
        }

        /// Every entry of the output: files with their text, folders as "/".
        func tree() throws -> [String: String] {
            var result: [String: String] = [:]
            for path in try FileManager.default.subpathsOfDirectory(atPath: output) {
                var isFolder: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: output + "/" + path, isDirectory: &isFolder)
                result[path] =
                    isFolder.boolValue ? "/" : try String(contentsOfFile: output + "/" + path, encoding: .utf8)
            }
            return result
        }

        func inode(_ path: String) throws -> UInt64? {
            (try FileManager.default.attributesOfItem(atPath: output + "/" + path)[.systemFileNumber] as? NSNumber)?
                .uint64Value
        }

        func make(_ path: String, _ text: String) throws {
            let url = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }
    }

    static let first = [
        "index.html": "home", "keep/index.html": "kept", "gone/index.html": "gone", "gone/sub/style.css": "x",
        "change.html": "before",
    ]
    static let second = [
        "index.html": "home", "keep/index.html": "kept", "change.html": "after", "new/deep/page.html": "new",
    ]
    static let marker = [SiteWriter.markerFileName: SiteWriter.markerText]

    /// The tree `files` make, folders included.
    static func tree(_ files: [String: String]) -> [String: String] {
        var tree = marker
        for (path, text) in files {
            tree[path] = text
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                tree[parts.joined(separator: "/")] = "/"
                parts = parts.dropLast()
            }
        }
        return tree
    }

    @Test func stagesOnlyChangedFilesAndLeavesTheOthersUntouched() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.build(Self.first)
        let inodes = try ["index.html", "keep/index.html"].map(folder.inode)
        let staging = try folder.staging()
        for (path, text) in Self.second.sorted(by: { $0.key < $1.key }) {
            try staging.write(OutputFile(path: path, text: text))
        }
        // Only the new and changed files are in the staging folder.
        let stagingPath = folder.site + "/.site-output.staging-\(getpid())"
        let staged = try FileManager.default.subpathsOfDirectory(atPath: stagingPath).filter { $0.hasSuffix(".html") }
        #expect(staged.sorted() == ["change.html", "new/deep/page.html"])
        #expect(try folder.tree() == Self.tree(Self.first), "nothing reaches the output before publishing")
        let summary = try staging.swapIn(listed: Array(Self.first.keys))
        try staging.removePrevious()
        #expect(try folder.tree() == Self.tree(Self.second))
        #expect(try ["index.html", "keep/index.html"].map(folder.inode) == inodes, "unchanged files keep their inode")
        #expect(summary.fileCount == 4 && summary.unchangedCount == 2)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.site).sorted() == ["content", "site-output"])
    }

    @Test func refusesAPathHandedOverTwiceOrTheMarkersName() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.build(Self.first)
        let staging = try folder.staging()
        // A file the output holds already (only counted) and a changed one (staged) alike.
        for (path, text) in [("keep/index.html", "kept"), ("change.html", "after")] {
            try staging.write(OutputFile(path: path, text: text))
            #expect(throws: OutputError.self, "\(path) a second time") {
                try staging.write(OutputFile(path: path, text: text))
            }
        }
        #expect(throws: OutputError.self) {
            try staging.write(OutputFile(path: SiteWriter.markerFileName, text: SiteWriter.markerText))
        }
        // The kept file's folder was noted as the output's: publishing keeps it, and removes what was not handed over.
        _ = try staging.swapIn(listed: Array(Self.first.keys))
        try staging.removePrevious()
        #expect(try folder.tree() == Self.tree(["keep/index.html": "kept", "change.html": "after"]))
    }

    @Test func aFailedBuildLeavesTheOutputAsItWas() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.build(Self.first)
        let staging = try folder.staging()
        try staging.write(OutputFile(path: "change.html", text: "after"))
        try staging.write(OutputFile(path: "new/page.html", text: "new"))
        staging.discard()
        #expect(try folder.tree() == Self.tree(Self.first))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.site).sorted() == ["content", "site-output"])
    }

    @Test func aFirstBuildIsSwappedInWhole() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let staging = try folder.staging()
        #expect(!staging.inPlace, "there is no output to update")
        for (path, text) in Self.second { try staging.write(OutputFile(path: path, text: text)) }
        _ = try staging.swapIn(listed: [])
        try staging.removePrevious()
        #expect(try folder.tree() == Self.tree(Self.second))
    }

    @Test func replacesAFolderWhereAFileGoesAndAFileWhereAFolderGoes() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.build(["a/index.html": "folder a", "b": "file b"])
        let staging = try folder.staging()
        try staging.write(OutputFile(path: "a", text: "file a"))
        try staging.write(OutputFile(path: "b/index.html", text: "folder b"))
        // Without the last build's list, what it made is found by walking the output.
        _ = try staging.swapIn(listed: nil)
        try staging.removePrevious()
        #expect(try folder.tree() == Self.tree(["a": "file a", "b/index.html": "folder b"]))
    }

    @Test func removesWhatWasAddedByHandOnceAWalkCountsIt() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.build(Self.first)
        try folder.make(folder.output + "/stray.txt", "by hand")
        try folder.make(folder.output + "/keep/extra/notes.txt", "by hand")
        let staging = try folder.staging()
        for (path, text) in Self.second { try staging.write(OutputFile(path: path, text: text)) }
        _ = try staging.swapIn(listed: Array(Self.first.keys))
        try staging.removePrevious()
        let found = OutputFingerprint.survey(folder.output)?.entryCount
        #expect(found == Self.tree(Self.second).count + 3, "two files and a folder more than the build made")
        #expect(try staging.removeStrays(found: found))
        #expect(try folder.tree() == Self.tree(Self.second))
        let again = OutputFingerprint.survey(folder.output)?.entryCount
        #expect(again == Self.tree(Self.second).count)
        #expect(try !staging.removeStrays(found: again), "nothing more to remove")
    }

    @Test func neverFollowsASymbolicLinkOutOfTheOutput() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.build(Self.first)
        // The folder of a page that is gone now is a link to files elsewhere, which must survive.
        try folder.make(folder.root + "/precious/index.html", "keep me")
        try FileManager.default.removeItem(atPath: folder.output + "/gone")
        try FileManager.default.createSymbolicLink(
            atPath: folder.output + "/gone", withDestinationPath: folder.root + "/precious")
        let staging = try folder.staging()
        for (path, text) in Self.second { try staging.write(OutputFile(path: path, text: text)) }
        _ = try staging.swapIn(listed: Array(Self.first.keys))
        try staging.removePrevious()
        _ = try staging.removeStrays(found: OutputFingerprint.survey(folder.output)?.entryCount)
        #expect(try folder.tree() == Self.tree(Self.second))
        #expect(try String(contentsOfFile: folder.root + "/precious/index.html", encoding: .utf8) == "keep me")
    }

    @Test func printStagesReadUnchangedFilesFromTheOutputAndCanReplaceThem() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.build(Self.first)
        let staging = try folder.staging()
        for (path, text) in Self.second { try staging.write(OutputFile(path: path, text: text)) }
        #expect(staging.contents(of: "keep/index.html") == Array("kept".utf8))
        #expect(staging.contents(of: "change.html") == Array("after".utf8))
        try staging.replace(OutputFile(path: "keep/index.html", text: "kept, with its PDF link"))
        try staging.replace(OutputFile(path: "change.html", text: "after, with its PDF link"))
        _ = try staging.swapIn(listed: Array(Self.first.keys))
        try staging.removePrevious()
        var expected = Self.second
        expected["keep/index.html"] = "kept, with its PDF link"
        expected["change.html"] = "after, with its PDF link"
        #expect(try folder.tree() == Self.tree(expected))
    }
}

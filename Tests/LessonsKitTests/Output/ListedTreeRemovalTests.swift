import Foundation
import Testing

@testable import LessonsKit

/// The previous output is removed from the list of its files the last build recorded, without reading its folders;
/// whatever the list missed is removed by walking, and no listed path leads out of the folder.
@Suite("Removal of a listed output folder")
struct ListedTreeRemovalTests {
    let root = FileManager.default.temporaryDirectory.path + "/lessons-listed-" + UUID().uuidString

    func write(_ path: String, _ text: String = "x") throws {
        let url = URL(fileURLWithPath: root + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: root + "/" + path) }

    /// 40 folders of two files each in one folder (wide enough to be split between threads), and a few deeper ones.
    func writeOutput() throws -> [String] {
        var paths = (0..<40).flatMap { ["lessons/l\($0)/index.html", "lessons/l\($0)/poster.html"] }
        paths += ["index.html", "assets/style.css", "themes/falls/index.html", "search/t0.json"]
        for path in paths { try write("out/" + path) }
        return paths
    }

    @Test func aFolderWhoseFilesAreAllListedIsRemoved() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let paths = try writeOutput()
        try OutputFileSystem.removeListedTree(root + "/out", listed: paths, parallel: true)
        #expect(!exists("out"))
    }

    @Test(arguments: [true, false])
    func whatTheListMissesIsRemovedByWalkingAndNothingOutsideIsTouched(parallel: Bool) throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        var paths = try writeOutput()
        try write("out/.lessons-output")  // the marker, never listed
        try write("out/lessons/l3/added-by-hand.txt")
        try write("out/lessons/l7/deeper/still/file.txt")
        try write("out/search/t1.json")  // a file the list does not name, beside a listed one
        // A listed folder that is now a symbolic link to a folder outside, and paths that try to leave the folder.
        try write("outside/index.html")
        try write("outside/secret/x.html")
        try FileManager.default.createSymbolicLink(atPath: root + "/out/linked", withDestinationPath: root + "/outside")
        paths += ["linked/index.html", "linked/secret/x.html", "../outside/index.html"]
        paths.append("/" + root + "/outside/index.html")
        paths += ["lessons/gone/index.html", "", "lessons//l1/index.html", "lessons/./l2/index.html"]
        paths.removeAll { $0 == "lessons/l5/index.html" }
        try OutputFileSystem.removeListedTree(root + "/out", listed: paths, parallel: parallel)
        #expect(!exists("out"))
        #expect(exists("outside/index.html") && exists("outside/secret/x.html"), "nothing outside is removed")
    }

    @Test func anEmptyListRemovesTheFolderByWalking() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try writeOutput()
        try OutputFileSystem.removeListedTree(root + "/out", listed: [], parallel: true)
        #expect(!exists("out"))
        // A folder already gone: nothing to do.
        try OutputFileSystem.removeListedTree(root + "/out", listed: ["a.html"], parallel: true)
    }

    @Test func listedPathsBecomeATreeOfNamesLeavingOutWhatIsNotAPlainRelativePath() {
        let tree = ListedFolder(["a/b/c.html", "a/d.html", "e.html", "../f.html", "a/./g.html", "/h.html", "a//i.html"])
        func names(_ list: [[CChar]]) -> [String] { list.map { String(cString: $0) }.sorted() }
        #expect(names(tree.files) == ["e.html"])
        #expect(tree.folders.map { String(cString: $0.name) } == ["a"])
        let a = tree.folders[0].folder
        #expect(names(a.files) == ["d.html"])
        #expect(a.folders.map { String(cString: $0.name) } == ["b"])
        #expect(names(a.folders[0].folder.files) == ["c.html"])
    }
}

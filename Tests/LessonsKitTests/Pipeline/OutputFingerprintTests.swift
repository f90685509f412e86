import Foundation
import Testing

@testable import LessonsKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The fingerprint of an output folder changes with any entry edited, added, removed or replaced, at any depth, and
/// only then.
@Suite("Output fingerprint")
struct OutputFingerprintTests {
    func folder() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-print-\(UUID().uuidString)")
            .path
        for (path, text) in ["index.html": "home", "lessons/ll-1/index.html": "one", "lessons/ll-1/chart.png": "png"] {
            let url = URL(fileURLWithPath: root + "/" + path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    /// Sets the modification time of `path` to `seconds` after the epoch.
    func setModified(_ path: String, _ seconds: Int) {
        var times = [timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
    }

    @Test func anUnchangedFolderKeepsItsFingerprint() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let print = try #require(OutputFingerprint.of(root))
        #expect(OutputFingerprint.of(root) == print)
        #expect(OutputFingerprint.of(root + "/missing") == nil)
    }

    @Test(arguments: [
        "same size edit", "other size edit", "new file", "new empty folder", "removed file", "replaced by a copy",
        "renamed", "symbolic link", "folder touched",
    ])
    func anyChangeChangesTheFingerprint(change: String) throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let page = root + "/lessons/ll-1/index.html"
        setModified(page, 1_000_000)
        setModified(root + "/lessons/ll-1", 1_000_000)
        let before = try #require(OutputFingerprint.of(root))
        switch change {
        case "same size edit":
            try Data("two".utf8).write(to: URL(fileURLWithPath: page))
            setModified(page, 1_000_001)
        case "other size edit": try Data("three".utf8).write(to: URL(fileURLWithPath: page))
        case "new file": try Data().write(to: URL(fileURLWithPath: root + "/lessons/ll-1/new.txt"))
        case "new empty folder":
            try FileManager.default.createDirectory(
                atPath: root + "/lessons/ll-1/empty", withIntermediateDirectories: false)
        case "removed file": try FileManager.default.removeItem(atPath: root + "/lessons/ll-1/chart.png")
        case "replaced by a copy":
            // Same bytes and modification time, another inode.
            try FileManager.default.copyItem(atPath: page, toPath: page + ".copy")
            try FileManager.default.removeItem(atPath: page)
            try FileManager.default.moveItem(atPath: page + ".copy", toPath: page)
            setModified(page, 1_000_000)
        case "renamed": try FileManager.default.moveItem(atPath: page, toPath: root + "/lessons/ll-1/index.htm")
        case "symbolic link":
            try FileManager.default.removeItem(atPath: page)
            try FileManager.default.createSymbolicLink(atPath: page, withDestinationPath: "chart.png")
        default: setModified(root + "/lessons/ll-1", 1_000_002)
        }
        #expect(OutputFingerprint.of(root) != before, "\(change)")
    }

    /// The fingerprint as the type documents it, worked out by one thread with `lstat` on whole paths: each entry's
    /// path length, path, type, size, inode and modification time (seconds, nanoseconds) as little-endian numbers,
    /// folder by folder with the names in byte order, a folder's entries right after its own.
    func documentedFingerprint(of root: String) -> String {
        var bytes: [UInt8] = []
        func number(_ value: UInt64) {
            for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
        }
        func walk(_ relative: String) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + relative)) ?? []
            for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                let inside = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                #expect(lstat(root + "/" + inside, &info) == 0)
                number(UInt64(inside.utf8.count))
                bytes += inside.utf8
                number(UInt64(info.st_mode & S_IFMT))
                number(UInt64(info.st_size))
                number(UInt64(info.st_ino))
                number(UInt64(info.st_mtim.tv_sec))
                number(UInt64(info.st_mtim.tv_nsec))
                if info.st_mode & S_IFMT == S_IFDIR { walk(inside) }
            }
        }
        walk("")
        return SHA256Hex.of(bytes)
    }

    @Test func aWideFolderWalkedBySeveralThreadsHasTheFingerprintOfOneWalkInOrder() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // Wide folders at two depths (split between threads at the first), files of several sizes, an empty folder.
        for index in 0..<300 {
            let page = root + "/lessons/ll-\(index)/index.html"
            try FileManager.default.createDirectory(
                atPath: (page as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(repeating: 0x61, count: index % 17).write(to: URL(fileURLWithPath: page))
        }
        for index in 0..<100 {
            try Data("\(index)".utf8).write(to: URL(fileURLWithPath: root + "/lessons/ll-7/f\(index).txt"))
        }
        try FileManager.default.createDirectory(atPath: root + "/lessons/ll-8/empty", withIntermediateDirectories: true)
        let survey = try #require(OutputFingerprint.survey(root))
        #expect(survey.fingerprint == documentedFingerprint(of: root))
        #expect(OutputFingerprint.of(root) == survey.fingerprint)
        #expect(survey.files.count == 302 + 100, "every regular file stamped once")
        var info = stat()
        #expect(lstat(root + "/lessons/ll-7/f42.txt", &info) == 0)
        #expect(survey.files["lessons/ll-7/f42.txt"] == FileStamp(info))
        #expect(survey.files["lessons/ll-7"] == nil, "folders have no stamp")
    }

    @Test func filesWithKnownStampsAreCountedWithThemWithoutBeingLookedAt() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for index in 0..<80 {
            try Data("page \(index)".utf8).write(to: URL(fileURLWithPath: root + "/lessons/ll-1/p\(index).html"))
        }
        let walked = try #require(OutputFingerprint.survey(root))
        // Every file's stamp known beforehand, as a build knows the pages it reused unread: the same fingerprint and
        // stamps as a walk that looks at each file (split between threads too: the folder is wide).
        let known = try #require(OutputFingerprint.survey(root, known: walked.files))
        #expect(known.fingerprint == walked.fingerprint)
        #expect(known.files == walked.files)
        #expect(known.entryCount == walked.entryCount)
        // A known stamp stands for the file: one taken before the file changed gives a fingerprint a later walk
        // does not match, so the next build looks at every page again.
        var stale = walked.files
        stale["lessons/ll-1/p3.html"]?.modified -= 1_000_000_000
        let withStale = try #require(OutputFingerprint.survey(root, known: stale))
        #expect(withStale.fingerprint != walked.fingerprint)
        #expect(withStale.files["lessons/ll-1/p3.html"] == stale["lessons/ll-1/p3.html"])
        // A stamp for a path that is a folder, or that is not there, is not used.
        var misplaced: [String: FileStamp] = [:]
        misplaced["lessons/ll-1"] = walked.files["index.html"]
        misplaced["lessons/gone.html"] = walked.files["index.html"]
        #expect(OutputFingerprint.survey(root, known: misplaced)?.fingerprint == walked.fingerprint)
        #expect(OutputFingerprint.survey(root, known: misplaced)?.files["lessons/gone.html"] == nil)
    }
}

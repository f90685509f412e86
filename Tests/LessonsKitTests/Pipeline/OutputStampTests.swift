import Foundation
import Testing

@testable import LessonsKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A reused page whose file is still as the last build left it (same stamp) is linked without being read; a file
/// changed in the output in any way, even with its size and modification time put back, is read, found changed and
/// written again.
@Suite("Pages trusted by the stamps of their files")
struct OutputStampTests {
    func count(_ prefix: String, _ report: BuildReport) -> Int? {
        report.verboseCount(prefix.trimmingCharacters(in: .whitespaces))
    }

    /// Options that stamp every file, however recently written (the builds of a test follow each other within
    /// milliseconds).
    func options(_ site: MiniSite) -> BuildOptions {
        var options = site.options()
        options.outputSettleNanoseconds = 0
        return options
    }

    /// Pages written to a file system whose times come from the kernel's clock tick are trusted a tenth of a second
    /// after they were written; anywhere else (or where that cannot be told) only after two seconds.
    @Test func theSettleTimeFollowsTheOutputsFileSystem() throws {
        #expect(FileStamp.outputSettleNanoseconds(forFolder: "/no/such/folder") == FileStamp.outputSettleNanoseconds)
        #if os(Linux)
            #expect(FileStamp.outputSettleNanoseconds(forFolder: "/proc") == FileStamp.outputSettleNanoseconds)
            // Checked only where /proc/mounts says /dev/shm is a tmpfs, as Linux usually mounts it.
            if (try? String(contentsOfFile: "/proc/mounts", encoding: .utf8))?.contains(" /dev/shm tmpfs ") == true {
                #expect(FileStamp.outputSettleNanoseconds(forFolder: "/dev/shm") == 100_000_000)
            }
        #endif
    }

    func site() throws -> MiniSite {
        try MiniSite(files: ["content/lessons/ll.md": MiniSite.lesson, "content/incidents/inc.md": MiniSite.incident])
    }

    func info(_ path: String) throws -> stat {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw CocoaError(.fileNoSuchFile) }
        return info
    }

    /// Overwrites the file's bytes in place with `text` (same inode), then puts its modification time back.
    func overwriteInPlace(_ path: String, with text: String) throws {
        let before = try info(path)
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.write(contentsOf: Array(text.utf8))
        try handle.close()
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, path, &times, AT_SYMLINK_NOFOLLOW) == 0)
        let after = try info(path)
        #expect(after.st_ino == before.st_ino && after.st_size == before.st_size)
        #expect(after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
    }

    @Test func aPageLeftAsTheLastBuildWroteItIsLinkedUnread() async throws {
        let site = try site()
        defer { site.remove() }
        let first = await BuildPipeline.build(options(site))
        #expect(first.status == .success)
        #expect(count("  pages reused unread ", first) == 0)
        let page = site.root + "/site-output/lessons/ll-2026-001/index.html"
        let inode = try info(page).st_ino
        try site.write("content/incidents/inc.md", MiniSite.incident + "\nOne more sentence.\n")
        let second = await BuildPipeline.build(options(site))
        #expect(second.status == .success)
        let reused = try #require(count("  pages reused ", second))
        #expect(reused > 0)
        #expect(count("  pages reused unread ", second) == reused, "every reused page was left as written")
        #expect(try info(page).st_ino == inode, "linked, not written")
        var clean = site.options()
        clean.ignoreCache = true
        clean.output = site.root + "/clean-output"
        clean.cacheDirectory = site.root + "/.clean-cache"
        #expect(await BuildPipeline.build(clean).status == .success)
        #expect(try FolderComparison.differences(site.root + "/site-output", site.root + "/clean-output").isEmpty)
    }

    @Test func aPageChangedInTheOutputIsWrittenAgainWhateverItsSizeAndTimesSay() async throws {
        let site = try site()
        defer { site.remove() }
        #expect(await BuildPipeline.build(options(site)).status == .success)
        let lesson = "site-output/lessons/ll-2026-001/index.html"
        let poster = "site-output/lessons/ll-2026-001/poster.html"
        let lessonText = try #require(site.read(lesson))
        let posterText = try #require(site.read(poster))
        // Edited in place, same size, modification time put back: only the status-change time tells.
        try overwriteInPlace(site.root + "/" + lesson, with: String(lessonText.reversed()))
        // Replaced by another file of the same size and modification time: its inode tells.
        let replaced = site.root + "/" + poster
        let before = try info(replaced)
        try site.write("replacement.html", String(posterText.reversed()))
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, site.root + "/replacement.html", &times, 0) == 0)
        #expect(rename(site.root + "/replacement.html", replaced) == 0)
        try site.write("content/incidents/inc.md", MiniSite.incident + "\nEdited.\n")
        let report = await BuildPipeline.build(options(site))
        #expect(report.status == .success)
        #expect(site.read(lesson) == lessonText)
        #expect(site.read(poster) == posterText)
        let reused = try #require(count("  pages reused ", report))
        #expect(count("  pages reused unread ", report) == reused, "the lesson's page and poster were read, not reused")
    }

    @Test func aFileModifiedJustBeforeItIsStampedIsNotTrusted() throws {
        let folder = NSTemporaryDirectory() + "output-stamp-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/a", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("<p>new</p>".utf8).write(to: URL(fileURLWithPath: folder + "/a/new.html"))
        try Data("<p>old</p>".utf8).write(to: URL(fileURLWithPath: folder + "/a/old.html"))
        var times = [timespec(tv_sec: 1_000_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000_000, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, folder + "/a/old.html", &times, 0) == 0)
        #expect(symlink(folder + "/a/old.html", folder + "/a/link.html") == 0)
        let entry = PageReuse.Entry(
            model: Digest32(words: (1, 2, 3, 4)), bytes: Digest32(words: (5, 6, 7, 8)), links: PageLinks(HTMLLinks()))
        let paths = ["a/new.html", "a/old.html", "a/link.html", "a/missing.html"]
        let stamped = PageDigestFile.stamped(
            Dictionary(uniqueKeysWithValues: paths.map { ($0, entry) }), folder: folder)
        #expect(stamped["a/new.html"]?.stamp == nil, "modified within the settling time")
        let old = try #require(stamped["a/old.html"]?.stamp)
        #expect(old.size == 10 && old.modified == 1_000_000_000_000_000_000)
        #expect(stamped["a/link.html"]?.stamp == nil, "not a regular file")
        #expect(stamped["a/missing.html"]?.stamp == nil)
        #expect(stamped.count == paths.count)
        let now = PageDigestFile.stamped(["a/new.html": entry], folder: folder, settle: 0)
        #expect(now["a/new.html"]?.stamp == OutputFolderStamps(folder: folder).stamp("a/new.html"))
    }

    @Test func stampsAreTakenOnEveryCoreEachForItsOwnPath() throws {
        let folder = NSTemporaryDirectory() + "output-stamps-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/a", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A folder wide enough for the walk to split it between threads, each file a size of its own, so that a stamp
        // given to another path shows.
        let paths = (0..<700).map { "a/\($0).html" } + ["a/missing.html"]
        for (index, path) in paths.dropLast().enumerated() {
            try Data(repeating: 0x61, count: index).write(to: URL(fileURLWithPath: folder + "/" + path))
        }
        let survey = try #require(OutputFingerprint.survey(folder))
        #expect(survey.files.count == 700)
        let stamps = PageDigestFile.stamps(of: paths, among: survey, settle: 0)
        #expect(stamps.count == paths.count)
        #expect(stamps.dropLast().enumerated().allSatisfy { $0.element?.size == Int64($0.offset) })
        #expect(stamps.last == .some(nil))
        #expect(
            zip(paths, stamps).allSatisfy { $1 == OutputFolderStamps(folder: folder).stamp($0) },
            "the stamp of each path's own file")
        #expect(
            PageDigestFile.stamps(of: paths, among: nil).allSatisfy { $0 == nil }, "no stamps without a walk")
    }

    @Test func theOutputFolderOpenedOnceGivesEachFileTheStampItsPathGives() throws {
        let folder = NSTemporaryDirectory() + "output-folder-stamps-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/a/b", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("<p>page</p>".utf8).write(to: URL(fileURLWithPath: folder + "/a/b/index.html"))
        #expect(symlink(folder + "/a/b/index.html", folder + "/a/link.html") == 0)
        let stamps = OutputFolderStamps(folder: folder)
        let page = try #require(stamps.stamp("a/b/index.html"))
        var info = stat()
        #expect(lstat(folder + "/a/b/index.html", &info) == 0)
        #expect(page == FileStamp(info), "the stamp its whole path gives")
        #expect(page.size == 11)
        #expect(stamps.stamp("a/link.html") == nil, "a symbolic link is not a page")
        #expect(stamps.stamp("a/b") == nil, "nor is a folder")
        #expect(stamps.stamp("a/missing.html") == nil)
        #expect(OutputFolderStamps(folder: folder + "/missing").stamp("a/b/index.html") == nil)
    }
}

import Foundation
import Testing

@testable import LessonsKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Input hashing reads only the files that changed: a file whose size, device, inode and times are as the last hashing
/// recorded, and which had settled before that hashing began, keeps its recorded digest.
@Suite("Input stamps")
struct InputStampsTests {
    func site() throws -> MiniSite {
        try MiniSite(files: ["content/lessons/ll.md": MiniSite.lesson, "content/incidents/inc.md": MiniSite.incident])
    }

    func hash(_ site: MiniSite, previous: InputStamps? = nil) -> InputFingerprint {
        InputFingerprint.compute(siteDirectory: site.root, settings: ["a setting"], previous: previous)
    }

    /// The stamps of `fingerprint` as if its hashing had begun long after the files last changed.
    func settled(_ fingerprint: InputFingerprint) throws -> InputStamps {
        var stamps = try #require(fingerprint.stamps)
        stamps.hashingBegan += 60 * 1_000_000_000
        return stamps
    }

    @Test func settledFilesAreNotReadAndGiveTheSameKey() throws {
        let site = try site()
        defer { site.remove() }
        let first = hash(site)
        #expect(first.readCount == first.fileCount)
        let second = hash(site, previous: try settled(first))
        #expect(second.readCount == 0)
        #expect(second.key == first.key)
        #expect(second.files == first.files)
    }

    @Test func filesChangedJustBeforeTheHashingAreReadAgain() throws {
        let site = try site()
        defer { site.remove() }
        let first = hash(site)
        let second = hash(site, previous: first.stamps)
        #expect(second.readCount == second.fileCount, "written within two seconds of the hashing: not trusted")
        #expect(second.key == first.key)
    }

    @Test func anEditWithItsModificationTimePutBackIsStillSeen() throws {
        let site = try site()
        defer { site.remove() }
        let path = site.root + "/content/lessons/ll.md"
        var before = stat()
        #expect(stat(path, &before) == 0)
        let first = hash(site)
        let stamps = try settled(first)
        // Same size, other bytes written in place (same inode), and the old modification time: only the
        // status-change time tells.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.write(Data(MiniSite.lesson.replacingOccurrences(of: "See [[", with: "Sea [[").utf8))
        handle.closeFile()
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        let second = hash(site, previous: stamps)
        var after = stat()
        #expect(stat(path, &after) == 0)
        #expect(after.st_ino == before.st_ino && after.st_size == before.st_size)
        #expect(after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
        #expect(second.readCount == 1)
        #expect(second.key != first.key)
        #expect(second.files["content/lessons/ll.md"] != first.files["content/lessons/ll.md"])
    }

    @Test func addedAndRemovedFilesAreSeen() throws {
        let site = try site()
        defer { site.remove() }
        let first = hash(site)
        try site.write("content/lessons/ll-2.md", MiniSite.lesson)
        let added = hash(site, previous: try settled(first))
        #expect(added.readCount == 1)
        #expect(added.files["content/lessons/ll-2.md"] == first.files["content/lessons/ll.md"])
        try FileManager.default.removeItem(atPath: site.root + "/content/lessons/ll-2.md")
        let removed = hash(site, previous: try settled(added))
        #expect(removed.readCount == 0)
        #expect(removed.key == first.key)
        #expect(removed.files["content/lessons/ll-2.md"] == nil)
    }

    @Test func storedStampsReadBackOnlyWhenWhole() throws {
        let site = try site()
        defer { site.remove() }
        let stamps = try #require(hash(site).stamps)
        let bytes = stamps.encoded()
        #expect(InputStamps.decoded(bytes, siteDirectory: site.root) == stamps)
        #expect(InputStamps.decoded(bytes, siteDirectory: site.root + "/other") == nil)
        for position in [0, 4, bytes.count / 2, bytes.count - 1] {
            var flipped = bytes
            flipped[position] ^= 0x01
            #expect(InputStamps.decoded(flipped, siteDirectory: site.root) == nil, "bit flip at \(position)")
        }
        for length in [0, 3, 40, bytes.count / 2, bytes.count - 1] {
            #expect(InputStamps.decoded(Array(bytes.prefix(length)), siteDirectory: site.root) == nil)
        }
        var writer = CacheByteWriter()
        writer.raw(Array("LINP".utf8))
        writer.int(InputStamps.format + 1)
        writer.raw(Array(bytes.dropFirst(5).dropLast(32)))
        #expect(
            InputStamps.decoded(writer.bytes + ChecksummedFile.checksum(writer.bytes), siteDirectory: site.root) == nil)
    }

    @Test func aFolderOfHundredsOfFilesIsHashedWholeWhateverTheirOrderOnDisk() throws {
        // Enough files that the folder is looked at by several threads, in runs of names, with a sub-folder among them.
        let names = (0..<700).map { String(format: "content/lessons/ll-%04d.md", $0) } + ["content/lessons/sub/x.md"]
        var sites: [MiniSite] = []
        defer { for site in sites { site.remove() } }
        for order in [names, names.reversed()] {
            let site = try MiniSite(files: [:])
            for name in order { try site.write(name, "text of " + name) }
            sites.append(site)
        }
        let (first, second) = (hash(sites[0]), hash(sites[1]))
        #expect(first.key == second.key)
        for name in names {
            #expect(first.files[name] == SHA256Hex.of(Data(("text of " + name).utf8)), "\(name)")
        }
        #expect(first.files.keys.filter { $0.hasPrefix("content/") }.count == names.count)
        try sites[1].write("content/lessons/ll-0350.md", "changed")
        #expect(hash(sites[1]).key != first.key)
    }

    @Test func aBuildStoresTheStampsAndIgnoresAHalfWrittenFile() async throws {
        let site = try site()
        defer { site.remove() }
        let first = await BuildPipeline.build(site.options())
        #expect(first.status == .success)
        let path = InputStamps.path(in: BuildCacheFolder(siteDirectory: site.root, directory: nil))
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(InputStamps.decoded([UInt8](bytes), siteDirectory: site.root) != nil)
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
        try site.write("content/lessons/ll.md", MiniSite.lesson.replacingOccurrences(of: "See [[", with: "Read [["))
        let second = await BuildPipeline.build(site.options())
        #expect(second.status == .success)
        #expect(site.read("site-output/lessons/ll-2026-001/index.html")?.contains("Read <a") == true)
        let rewritten = try #require(FileManager.default.contents(atPath: path))
        #expect(InputStamps.decoded([UInt8](rewritten), siteDirectory: site.root) != nil, "stored again, whole")
    }
}

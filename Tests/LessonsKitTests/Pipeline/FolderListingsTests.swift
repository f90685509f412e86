import Foundation
import Testing

@testable import LessonsKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A walk of an output folder that trusts the last walk's folder listings finds exactly what a walk that lists every
/// folder finds, and lists again only the folders that changed or had not settled.
@Suite("Output folder listings")
struct FolderListingsTests {
    /// An output-like tree: wide folders (split between threads), one page each, a folder of several files, nested
    /// and empty folders; every entry's times set well in the past, as a settled output's are.
    func tree() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lessons-listings-\(UUID().uuidString)"
        )
        .path
        var paths = ["index.html", "style.css", "themes/falls/index.html", "themes/falls/feed.xml"]
        paths += (0..<150).map { "lessons/ll-\($0)/index.html" }
        paths += (0..<70).map { "incidents/inc-\($0)/index.html" }
        paths += (0..<5).map { "lessons/ll-7/figure-\($0).svg" }
        for (index, path) in paths.enumerated() {
            let url = URL(fileURLWithPath: root + "/" + path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(repeating: 0x61, count: index % 13).write(to: url)
        }
        try FileManager.default.createDirectory(atPath: root + "/lessons/ll-8/empty", withIntermediateDirectories: true)
        settleAll(root)
        return root
    }

    /// Sets every entry's modification time under `root` (and its own) an hour back.
    func settleAll(_ root: String) {
        let past = Int(Date().timeIntervalSince1970) - 3600
        var times = [timespec(tv_sec: past, tv_nsec: 0), timespec(tv_sec: past, tv_nsec: 0)]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            #expect(utimensat(AT_FDCWD, root + "/" + path, &times, AT_SYMLINK_NOFOLLOW) == 0)
        }
        #expect(utimensat(AT_FDCWD, root, &times, 0) == 0)
    }

    func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Expects `trusting` to have found what `full` (a walk listing every folder) found.
    func expectSame(_ trusting: OutputFingerprint.Survey, _ full: OutputFingerprint.Survey) {
        #expect(trusting.fingerprint == full.fingerprint)
        #expect(trusting.files == full.files)
        #expect(trusting.entryCount == full.entryCount)
        #expect(trusting.listings.folders.map(\.path) == full.listings.folders.map(\.path))
    }

    @Test func aWalkTrustingTheLastListingsFindsWhatAFullWalkFinds() throws {
        let root = try tree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let first = try #require(OutputFingerprint.survey(root))
        #expect(first.listedAgain == first.listings.folders.count, "the first walk lists every folder")
        #expect(
            first.listings.folders.count == 1 + 150 + 1 + 2 + 1 + 70,
            "lessons, its pages, an empty folder, themes, incidents")
        // Nothing changed: no folder is listed again, and everything found is the same.
        let second = try #require(OutputFingerprint.survey(root, listings: first.listings, settle: 0))
        expectSame(second, first)
        #expect(second.listedAgain == 0)

        // A file added, one removed, one replaced by a folder, one edited in place, a folder added: each changed
        // folder is listed again, and the walk still finds what a full walk finds.
        try write("new", to: root + "/lessons/ll-3/extra.html")
        try FileManager.default.removeItem(atPath: root + "/lessons/ll-7/figure-2.svg")
        try FileManager.default.removeItem(atPath: root + "/incidents/inc-5/index.html")
        try write("inside", to: root + "/incidents/inc-5/index.html/page.html")
        try write("edited in place", to: root + "/lessons/ll-9/index.html")
        try write("added", to: root + "/themes/handover/index.html")
        let third = try #require(OutputFingerprint.survey(root, listings: second.listings, settle: 0))
        let full = try #require(OutputFingerprint.survey(root))
        expectSame(third, full)
        #expect(third.fingerprint != first.fingerprint)
        // ll-3, ll-7, inc-5 and themes (their entries changed), inc-5/index.html and themes/handover (new).
        #expect(third.listedAgain == 6)
    }

    @Test func aFolderThatHadNotSettledWhenListedIsListedAgain() throws {
        let root = try tree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let first = try #require(OutputFingerprint.survey(root))
        // Setting the times moved every entry's status-change time to now: within an hour of the listing, none had
        // settled, so none is trusted.
        let second = try #require(OutputFingerprint.survey(root, listings: first.listings, settle: 3_600_000_000_000))
        expectSame(second, first)
        #expect(second.listedAgain == first.listings.folders.count)
    }

    @Test func aFolderChangedWithItsModificationTimePutBackIsListedAgain() throws {
        let root = try tree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let first = try #require(OutputFingerprint.survey(root))
        // An entry added and the folder's modification time set back: its status-change time still moved.
        try write("stray", to: root + "/lessons/ll-4/stray.html")
        let past = Int(Date().timeIntervalSince1970) - 3600
        var times = [timespec(tv_sec: past, tv_nsec: 0), timespec(tv_sec: past, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, root + "/lessons/ll-4", &times, 0) == 0)
        let second = try #require(OutputFingerprint.survey(root, listings: first.listings, settle: 0))
        expectSame(second, try #require(OutputFingerprint.survey(root)))
        #expect(second.files["lessons/ll-4/stray.html"] != nil)
        #expect(second.listedAgain == 1)
    }

    @Test func listingsReadBackAsWrittenAndADamagedFileReadsAsNone() throws {
        let root = try tree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let listings = try #require(OutputFingerprint.survey(root)).listings
        let bytes = FolderListingsFile.encoded(listings, folder: root)
        let read = try #require(FolderListingsFile.decoded(bytes, folder: root))
        #expect(read.listed == listings.listed)
        #expect(read.folders.map(\.path) == listings.folders.map(\.path))
        #expect(read.folders.map(\.stamp) == listings.folders.map(\.stamp))
        #expect(read.folders.map { $0.entries.map(\.name) } == listings.folders.map { $0.entries.map(\.name) })
        #expect(read.folders.map { $0.entries.map(\.type) } == listings.folders.map { $0.entries.map(\.type) })
        #expect(FolderListingsFile.decoded(bytes, folder: root + "-other") == nil)
        #expect(FolderListingsFile.decoded(Array(bytes.dropLast(7)), folder: root) == nil)
        for offset in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 40)) {
            var damaged = bytes
            damaged[offset] ^= 0x5A
            #expect(FolderListingsFile.decoded(damaged, folder: root) == nil, "byte \(offset) flipped")
        }
    }
}

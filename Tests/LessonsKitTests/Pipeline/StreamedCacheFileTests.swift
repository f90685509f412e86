import Foundation
import Testing

@testable import LessonsKit

/// The card table and search scores a build stores as it ends are written through a ``ChecksummedStream``: handed to
/// the file a chunk at a time as they are encoded, never held whole, and still read back exactly as the file made in
/// one piece. The page digests read back keep each equal link text once.
@Suite struct StreamedCacheFileTests {
    /// The pieces `write` hands on, in order.
    static func chunks(_ write: (inout ChecksummedStream) -> Void) -> [[UInt8]] {
        final class Chunks { var list: [[UInt8]] = [] }
        let chunks = Chunks()
        var stream = ChecksummedStream { chunks.list.append(Array($0)) }
        write(&stream)
        stream.finish()
        return chunks.list
    }

    /// Cards of about a kilobyte each, every seventh without a fragment.
    static func cards(count: Int) -> [StoredCardFragments.Entry] {
        let html = String(repeating: "<li class=\"card\">a card</li>", count: 40)
        return (0..<count).map { index in
            (
                Digest32(words: (UInt64(index), 0, 0, 0)),
                index % 7 == 0 ? nil : HTMLFragment(html: html, links: HTMLLinks(links: ["x/\(index)/"], ids: []))
            )
        }
    }

    @Test func aLargeCardTableIsHandedOnAChunkAtATimeAndReadsBackWhole() {
        let entries = Self.cards(count: 1000)
        let html = entries[8].fragment?.html
        let chunks = Self.chunks { CardFragmentFile.write(entries, seed: [1, 2], to: &$0) }
        #expect(chunks.count > 3)
        #expect(chunks.allSatisfy { $0.count < ChecksummedStream.chunkSize + 4096 })
        let table = CardFragmentFile.decoded(chunks.flatMap { $0 }, seed: [1, 2])
        #expect(table.count == entries.count)
        #expect(table[Digest32(words: (7, 0, 0, 0))] == .some(nil))
        #expect(table[Digest32(words: (8, 0, 0, 0))]??.html == html)
        #expect(chunks.last?.count == 32, "the checksum comes last, on its own")
    }

    @Test func theWriterStoresAStreamedCardTableInPlace() throws {
        let root = NSTemporaryDirectory() + "streamed-cache-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = BuildCacheFolder(siteDirectory: root, directory: nil)
        let entries = Self.cards(count: 600)
        BuildCacheWriter(folder: folder).storeCardFragments(entries, seed: [3], edition: "staff")
        let table = CardFragmentFile.read(from: folder, edition: "staff", seed: [3])
        #expect(table.count == entries.count)
        #expect(table[Digest32(words: (8, 0, 0, 0))]??.html == entries[8].fragment?.html)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/derived")
        #expect(names.count == 1 && !names[0].contains(".tmp-"), "no temporary file is left")
    }

    @Test func manyPageDigestsAreHandedOnAChunkAtATimeAndReadBackWhole() {
        let links = HTMLLinks(
            links: (0..<20).map { "../../lessons/lesson-\($0)/index.html#top" }, ids: ["main", "top"])
        var entries: [String: PageReuse.Entry] = [:]
        for index in 0..<3000 {
            var entry = PageReuse.Entry(
                model: Digest32(words: (UInt64(index), 1, 0, 0)), bytes: Digest32(words: (UInt64(index), 2, 0, 0)),
                links: index % 5 == 0 ? nil : links)
            if index % 3 == 0 {
                entry.stamp = FileStamp(size: Int64(index), device: 1, inode: 2, modified: 3, changed: 4)
            }
            entries["lessons/lesson-\(index)/index.html"] = entry
        }
        let chunks = Self.chunks { stream in
            let paths = PageDigestFile.writeEntries(entries, folder: "/out", to: &stream)
            PageDigestFile.writeStamps(paths.map { entries[$0]?.stamp }, to: &stream)
        }
        #expect(chunks.count > 3)
        #expect(chunks.allSatisfy { $0.count < ChecksummedStream.chunkSize + 4096 })
        #expect(chunks.last?.count == 32, "the checksum comes last, on its own")
        #expect(PageDigestFile.decoded(chunks.flatMap { $0 }, folder: "/out") == entries)
    }

    @Test func equalLinkTextsReadBackFromTheDigestFileAreKeptOnce() throws {
        let shared = "../../themes/suicide-prevention/index.html#lessons"
        let entries = [
            "a/index.html": PageReuse.Entry(
                model: Digest32(words: (1, 0, 0, 0)), bytes: Digest32(words: (2, 0, 0, 0)),
                links: HTMLLinks(links: [shared + "", "a-only/index.html#long-anchor"], ids: ["top"])),
            "b/index.html": PageReuse.Entry(
                model: Digest32(words: (3, 0, 0, 0)), bytes: Digest32(words: (4, 0, 0, 0)),
                links: HTMLLinks(links: [String(shared.reversed().reversed())], ids: ["top"])),
        ]
        let read = PageDigestFile.decoded(PageDigestFile.encoded(entries, folder: "/out"), folder: "/out")
        #expect(read == entries)
        func storage(_ text: String) -> UnsafeRawPointer? {
            text.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
        }
        let first = try #require(read["a/index.html"]?.links?.links.first)
        let second = try #require(read["b/index.html"]?.links?.links.first)
        #expect(storage(first) != nil && storage(first) == storage(second), "one string for both pages")
    }
}

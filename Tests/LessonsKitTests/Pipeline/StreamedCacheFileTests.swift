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
        #expect(chunks.last?.count == CacheChecksum.byteCount, "the checksum comes last, on its own")
    }

    @Test func theWriterStoresAStreamedCardTableInPlace() throws {
        let root = NSTemporaryDirectory() + "streamed-cache-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = BuildCacheFolder(siteDirectory: root, directory: nil)
        let entries = Self.cards(count: 600)
        let file = try #require(
            BuildCacheWriter(folder: folder).beginCardFragments(entries, seed: [3], edition: "staff"))
        #expect(
            CardFragmentFile.read(from: folder, edition: "staff", seed: [3]).isEmpty,
            "written, the table is not in place until placed")
        file.place()
        let table = CardFragmentFile.read(from: folder, edition: "staff", seed: [3])
        #expect(table.count == entries.count)
        #expect(table[Digest32(words: (8, 0, 0, 0))]??.html == entries[8].fragment?.html)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/derived")
        #expect(names.count == 1 && !names[0].contains(".tmp-"), "no temporary file is left")
    }

    @Test func aCardTableNeverPlacedLeavesTheLastOneAsItWas() throws {
        let root = NSTemporaryDirectory() + "streamed-cache-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = BuildCacheFolder(siteDirectory: root, directory: nil)
        let writer = BuildCacheWriter(folder: folder)
        try #require(writer.beginCardFragments(Self.cards(count: 3), seed: [3], edition: "staff")).place()
        var unplaced = writer.beginCardFragments(Self.cards(count: 600), seed: [3], edition: "staff")
        #expect(unplaced != nil)
        unplaced = nil  // a build that failed after its render
        #expect(CardFragmentFile.read(from: folder, edition: "staff", seed: [3]).count == 3)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/derived")
        #expect(names.count == 1 && !names[0].contains(".tmp-"), "no temporary file is left")
    }

    @Test func manyPageDigestsAreHandedOnAChunkAtATimeAndReadBackWhole() {
        let links = PageLinks(
            HTMLLinks(links: (0..<20).map { "../../lessons/lesson-\($0)/index.html#top" }, ids: ["main", "top"]))
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
        #expect(chunks.last?.count == CacheChecksum.byteCount, "the checksum comes last, on its own")
        #expect(PageDigestFile.decoded(chunks.flatMap { $0 }, folder: "/out") == entries)
    }

    @Test func linksReadBackFromTheDigestFileKeepTheirDigestsAndAreWrittenBackAsRead() throws {
        let recorded = HTMLLinks(
            links: ["../themes/falls/index.html#lessons", "é/", "../themes/falls/"], ids: ["b", "a"])
        let entries = [
            "a/index.html": PageReuse.Entry(
                model: Digest32(words: (1, 0, 0, 0)), bytes: Digest32(words: (2, 0, 0, 0)), links: PageLinks(recorded)),
            "b/index.html": PageReuse.Entry(
                model: Digest32(words: (3, 0, 0, 0)), bytes: Digest32(words: (4, 0, 0, 0)),
                links: PageLinks(HTMLLinks())),
        ]
        let bytes = PageDigestFile.encoded(entries, folder: "/out")
        let read = PageDigestFile.decoded(bytes, folder: "/out")
        #expect(read == entries)
        let links = try #require(read["a/index.html"]?.links)
        #expect(
            links.digests
                == PageLinks.Digests(
                    links: PageLinks.linksDigest(recorded.links), ids: PageLinks.idsDigest(recorded.ids)))
        #expect(links.recorded == recorded, "the texts read back when asked for")
        #expect(read["b/index.html"]?.links?.recorded == HTMLLinks())
        // Written again unchanged, the entries give the same file.
        #expect(PageDigestFile.encoded(read, folder: "/out") == bytes)
    }

    @Test func aStoredFormOfLinksIsWalkedWithoutReadingItsTexts() {
        var form: [UInt8] = []
        PageLinks(HTMLLinks(links: ["x/", "y/"], ids: ["z"])).appendStoredForm(to: &form)
        #expect(PageLinks.storedForm(in: form, from: 0, end: form.count) == form.count)
        #expect(
            PageLinks.storedForm(in: form + [9], from: 0, end: form.count) == form.count, "it ends where its ids do")
        #expect(PageLinks.storedForm(in: form, from: 0, end: form.count - 1) == nil, "a text past the end")
        var huge = form
        huge[0] = 0xFF  // 255 links in a form that holds two
        #expect(PageLinks.storedForm(in: huge, from: 0, end: huge.count) == nil)
        var negative = form
        negative[7] = 0x80
        #expect(PageLinks.storedForm(in: negative, from: 0, end: negative.count) == nil)
    }
}

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

    @Test func textsNoPageNamesAnyMoreAreLeftOutOnceTheyAreMostOfTheFile() {
        var entries: [String: PageReuse.Entry] = [:]
        for index in 0..<100 {
            entries["p/\(index)/index.html"] = PageReuse.Entry(
                model: Digest32(words: (UInt64(index), 0, 0, 0)), bytes: Digest32(words: (UInt64(index), 1, 0, 0)),
                links: PageLinks(HTMLLinks(links: ["../../shared/", "../../own-\(index)/"], ids: [])))
        }
        let first = PageDigestFile.encoded(entries, folder: "/out")
        var read = PageDigestFile.decoded(first, folder: "/out")
        #expect(PageDigestFile.encoded(read, folder: "/out") == first, "kept pages are written back as read")
        for index in 0..<80 { read["p/\(index)/index.html"] = nil }
        // All the texts were named when read: they stay, under their numbers.
        let second = PageDigestFile.encoded(read, folder: "/out")
        let secondRead = PageDigestFile.decoded(second, folder: "/out")
        #expect(secondRead == read)
        // Now 21 of 101 texts are named: the next file leaves the others out.
        let third = PageDigestFile.encoded(secondRead, folder: "/out")
        #expect(PageDigestFile.decoded(third, folder: "/out") == read)
        let leftOut = (0..<80).reduce(0) { $0 + 8 + "../../own-\($1)/".utf8.count }
        #expect(third.count == second.count - leftOut)
    }

    @Test func aStoredFormOfLinksIsWalkedWithoutReadingItsTexts() {
        var form: [UInt8] = []
        var numbering = LinkTextNumbering()
        PageLinks(HTMLLinks(links: ["x/", "y/", "x/"], ids: ["z"])).appendStoredForm(to: &form, numbering: &numbering)
        #expect(numbering.texts == ["x/", "y/", "z"], "each text numbered once, in the order met")
        #expect(form == [3, 0, 1, 0, 1, 2], "two lists, each a count and the numbers of its texts")
        var named: [Int] = []
        let end = PageLinks.storedForm(in: form, from: 0, end: form.count) { named.append($0) }
        #expect([end, named.max()] == [6, 2])
        #expect(
            PageLinks.storedForm(in: form + [9], from: 0, end: form.count) == form.count,
            "it ends where its ids do")
        #expect(PageLinks.storedForm(in: form, from: 0, end: form.count - 1) == nil, "a number past the end")
        var huge = form
        huge[0] = 0x7F  // 127 links in a form that holds three
        #expect(PageLinks.storedForm(in: huge, from: 0, end: huge.count) == nil)
        var unended = form
        unended[form.count - 1] = 0x82  // a number whose last byte says more follow
        #expect(PageLinks.storedForm(in: unended, from: 0, end: unended.count) == nil)
    }

    @Test func linkTextsSharedByPagesAreStoredOnceAndReadBackRenumberedBesideNewPages() throws {
        let shared = (0..<30).map { "../../themes/theme-number-\($0)/index.html#documents" }
        var entries: [String: PageReuse.Entry] = [:]
        for index in 0..<200 {
            let links = PageLinks(HTMLLinks(links: shared + ["../lesson-\(index)/"], ids: ["main", "lesson-\(index)"]))
            entries["lessons/lesson-\(index)/index.html"] = PageReuse.Entry(
                model: Digest32(words: (UInt64(index), 1, 0, 0)), bytes: Digest32(words: (UInt64(index), 2, 0, 0)),
                links: links)
        }
        let bytes = PageDigestFile.encoded(entries, folder: "/out")
        let sharedBytes = shared.reduce(0) { $0 + $1.utf8.count }
        // Stored in full on every page, the shared texts alone would take `entries.count * sharedBytes`.
        #expect(bytes.count < entries.count * sharedBytes / 4, "the shared texts once, not once a page")
        var read = PageDigestFile.decoded(bytes, folder: "/out")
        #expect(read == entries)
        // Pages rendered again, and new ones, beside pages kept from the file: their texts are numbered afresh (a new
        // page sorts first), and each stored page reads back its own texts.
        let fresh = PageLinks(HTMLLinks(links: ["../../new/", shared[7], "../lesson-3/"], ids: ["main", "new"]))
        read["a-new-page/index.html"] = PageReuse.Entry(
            model: Digest32(words: (9, 9, 9, 9)), bytes: Digest32(words: (8, 8, 8, 8)), links: fresh)
        read["lessons/lesson-5/index.html"] = nil
        read["lessons/lesson-6/index.html"]?.document = PageReuse.DocumentRecord(
            inputs: Digest32(words: (1, 1, 1, 1)), diagnostics: [], copies: [], poster: nil)
        let again = PageDigestFile.decoded(PageDigestFile.encoded(read, folder: "/out"), folder: "/out")
        #expect(again == read)
        #expect(again["a-new-page/index.html"]?.links?.links == fresh.links)
        let kept = try #require(again["lessons/lesson-199/index.html"]?.links)
        #expect(kept.links == shared + ["../lesson-199/"] && kept.ids == ["main", "lesson-199"])
        #expect(kept.digests == entries["lessons/lesson-199/index.html"]?.links?.digests)
    }
}

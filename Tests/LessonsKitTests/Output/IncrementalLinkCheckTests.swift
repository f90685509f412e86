import Foundation
import Testing

@testable import LessonsKit

/// The link check of a rebuild resolves again only what the last successful check cannot vouch for, and reports
/// exactly what a check of every page reports.
@Suite("Incremental link check")
struct IncrementalLinkCheckTests {
    static func page(_ path: String, _ links: [String], ids: Set<String> = []) -> OutputEntry {
        OutputEntry(path: path, copiedFrom: nil, isPage: true, links: PageLinks(HTMLLinks(links: links, ids: ids)))
    }

    static func copied(_ path: String) -> OutputEntry {
        OutputEntry(path: path, copiedFrom: "/nowhere/" + path, isPage: false, links: nil)
    }

    static let site: [OutputEntry] = [
        copied("style.css"),
        page("index.html", ["style.css", "lessons/", "about/#team", "#top", "https://example.org/"], ids: ["top"]),
        page("lessons/index.html", ["../style.css", "ll-1/", "ll-2/", "../index.html"]),
        page("lessons/ll-1/index.html", ["../../style.css", "chart.png", "../ll-2/#key", "../../about"]),
        page("lessons/ll-2/index.html", ["../../style.css", "../"], ids: ["key"]),
        copied("lessons/ll-1/chart.png"),
        page("about/index.html", ["../style.css"], ids: ["team"]),
    ]

    static let checker = LinkChecker(portable: false, sources: ["lessons/ll-1/": "content/lessons/ll-1.md"])

    func full(_ entries: [OutputEntry]) async -> IncrementalLinkCheck.Outcome {
        await IncrementalLinkCheck.run(Self.checker, entries: entries, previous: nil, key: "k", jobs: 2)
    }

    /// The incremental check of `entries` after a successful check of `before`; it must report and record exactly
    /// what a check of every page does.
    func rebuilt(_ entries: [OutputEntry], after before: [OutputEntry]) async throws -> IncrementalLinkCheck.Outcome {
        let previous = try #require(await full(before).record)
        let incremental = await IncrementalLinkCheck.run(
            Self.checker, entries: entries, previous: previous, key: "k", jobs: 2)
        let whole = await full(entries)
        #expect(incremental.diagnostics == whole.diagnostics)
        #expect(incremental.record == whole.record)
        #expect(incremental.pages == whole.pages)
        #expect(whole.checked == whole.pages)
        return incremental
    }

    func replacing(_ path: String, with entry: OutputEntry?, in entries: [OutputEntry] = site) -> [OutputEntry] {
        entries.compactMap { $0.path == path ? entry : $0 }
    }

    @Test func nothingChangedChecksNoPage() async throws {
        let outcome = try await rebuilt(Self.site, after: Self.site)
        #expect(outcome.checked == 0)
        #expect(outcome.pages == 5)
        #expect(outcome.diagnostics.isEmpty)
        #expect(outcome.record?.pages.compactMap { $0 }.allSatisfy { !$0.targets.isEmpty } == true)
    }

    @Test func aPageWithOtherLinksIsCheckedAlone() async throws {
        let edited = replacing(
            "lessons/ll-2/index.html", with: Self.page("lessons/ll-2/index.html", ["../../style.css"], ids: ["key"]))
        let outcome = try await rebuilt(edited, after: Self.site)
        #expect(outcome.checked == 1)
        #expect(outcome.diagnostics.isEmpty)
    }

    @Test func anAddedPageIsCheckedAloneWhereverItComes() async throws {
        let added = Self.page("new.html", ["style.css", "about/#team"])
        for position in [0, 2, Self.site.count] {
            var entries = Self.site
            entries.insert(added, at: position)
            let outcome = try await rebuilt(entries, after: Self.site)
            #expect(outcome.checked == 1)
            #expect(outcome.diagnostics.isEmpty)
        }
    }

    @Test func aPagesLinksDigestIsTheSHA256OfEachLinksLengthAndBytes() {
        let digest = PageLinks.linksDigest(["ab", "é"])
        let hex = digest.bytes.map { String(format: "%02x", $0) }.joined()
        #expect(hex == SHA256Hex.of([2, 0, 0, 0, 0x61, 0x62, 2, 0, 0, 0, 0xC3, 0xA9] as [UInt8]))
        #expect(Digest32(bytes: digest.bytes) == digest)
    }

    @Test func aRemovedTargetBreaksTheUnchangedPagesLinkingToIt() async throws {
        let outcome = try await rebuilt(replacing("lessons/ll-2/index.html", with: nil), after: Self.site)
        #expect(outcome.checked == 2, "lessons/index.html and lessons/ll-1/index.html link to it")
        #expect(outcome.diagnostics.count == 1)
        #expect(outcome.diagnostics.first?.message.contains("(and on 1 other page)") == true)
        #expect(outcome.record == nil, "a check that found broken links is not recorded")
    }

    @Test func aRemovedCopiedFileBreaksTheLinkToIt() async throws {
        let outcome = try await rebuilt(replacing("lessons/ll-1/chart.png", with: nil), after: Self.site)
        #expect(outcome.checked == 1)
        #expect(outcome.diagnostics.first?.location.file == "content/lessons/ll-1.md")
    }

    @Test func aTargetThatLostAnIdBreaksFragmentLinksToIt() async throws {
        let edited = replacing("about/index.html", with: Self.page("about/index.html", ["../style.css"], ids: ["x"]))
        let outcome = try await rebuilt(edited, after: Self.site)
        #expect(outcome.checked == 2, "the two pages linking to it")
        #expect(
            outcome.diagnostics.map(\.message) == [
                "broken link 'about/#team' in index.html: about/index.html has no element with id 'team'"
            ])
    }

    @Test func aFileAddedInFrontOfAFolderPageChecksTheLinksThatWentToIt() async throws {
        // `../../about` went to about/index.html; a page `about` now takes the link, and has no id `team`.
        let added = Self.site + [Self.page("about", [])]
        var outcome = try await rebuilt(added, after: Self.site)
        #expect(outcome.checked == 3, "the new page, and the two linking to about/index.html")
        #expect(outcome.diagnostics.isEmpty)
        let targets = outcome.record.flatMap { record in
            record.paths.firstIndex(of: "lessons/ll-1/index.html").flatMap { record.pages[$0]?.targets }
        }
        #expect(targets?.contains(added.count - 1) == true, "the link now resolves to the new file")
        let edited = replacing(
            "lessons/ll-1/index.html",
            with: Self.page("lessons/ll-1/index.html", ["../../style.css", "../../about#team"]), in: Self.site)
        outcome = try await rebuilt(edited + [Self.page("about", [])], after: edited)
        #expect(outcome.checked == 3)
        #expect(
            outcome.diagnostics.map(\.message) == [
                "broken link '../../about#team' in lessons/ll-1/index.html: about has no element with id 'team'"
            ])
    }

    @Test func sixtyBrokenTargetsAreGroupedAndCappedLikeAFullCheck() async throws {
        let targets = (0..<60).map { Self.page("lessons/ll-\($0 + 10)/index.html", []) }
        let links = targets.map { "/" + $0.path }
        let before = Self.site + targets + [Self.page("list/index.html", links), Self.page("more/index.html", links)]
        let after = before.filter { entry in !targets.contains { $0.path == entry.path } }
        let outcome = try await rebuilt(after, after: before)
        #expect(outcome.checked == 2)
        #expect(outcome.diagnostics.count == LinkChecker.maximumReported + 1)
        #expect(outcome.diagnostics.last?.message == "10 more broken link targets not listed")
        #expect(outcome.diagnostics.first?.message.contains("(and on 1 other page)") == true)
    }

    @Test func twoFilesOnOnePathMeanAFullCheckAndNoRecord() async throws {
        let previous = try #require(await full(Self.site).record)
        let shared = Self.site + [Self.copied("about/index.html")]
        let outcome = await IncrementalLinkCheck.run(
            Self.checker, entries: shared, previous: previous, key: "k", jobs: 2)
        #expect(outcome.checked == outcome.pages)
        #expect(outcome.record == nil)
        #expect(outcome.diagnostics == (await full(shared)).diagnostics)
    }

    // MARK: The stored record

    func record() async throws -> LinkCheckRecord {
        try #require(await full(Self.site).record)
    }

    @Test func theRecordReadsBackAsWritten() async throws {
        let record = try await record()
        #expect(LinkCheckRecord.decoded(record.encoded(), key: "k") == record)
        #expect(LinkCheckRecord.decoded(record.encoded(), key: "other tool") == nil)
    }

    @Test func aCorruptOrTruncatedRecordIsNotUsed() async throws {
        let bytes = try await record().encoded()
        for position in [0, 4, bytes.count / 3, bytes.count / 2, bytes.count - 1] {
            var flipped = bytes
            flipped[position] ^= 0x10
            #expect(LinkCheckRecord.decoded(flipped, key: "k") == nil, "bit flip at \(position)")
        }
        for length in [0, 3, 40, bytes.count / 2, bytes.count - 1] {
            #expect(LinkCheckRecord.decoded(Array(bytes.prefix(length)), key: "k") == nil, "\(length) bytes")
        }
    }

    @Test func aRecordOfAnotherFormatOrWithATargetOutOfRangeIsNotUsed() async throws {
        var record = try await record()
        var writer = CacheByteWriter()
        writer.raw(Array("LLNK".utf8))
        writer.int(LinkCheckRecord.format + 1)
        let body = Array(record.encoded().dropFirst(5).dropLast(32))
        writer.raw(body)
        #expect(LinkCheckRecord.decoded(writer.bytes + ChecksummedFile.checksum(writer.bytes), key: "k") == nil)
        let index = try #require(record.pages.firstIndex { $0 != nil })
        record.pages[index]?.targets.append(record.paths.count)
        #expect(LinkCheckRecord.decoded(record.encoded(), key: "k") == nil)
    }

    // MARK: In a build

    func linkChecked(_ report: BuildReport) -> (checked: Int, pages: Int)? {
        report.verboseFraction("pages link-checked").map { ($0.part, $0.total) }
    }

    @Test func aBuildStoresTheCheckAndARebuildChecksOnlyWhatChanged() async throws {
        let site = try MiniSite(files: [
            "content/lessons/ll.md": MiniSite.lesson, "content/incidents/inc.md": MiniSite.incident,
        ])
        defer { site.remove() }
        let first = await BuildPipeline.build(site.options())
        let all = try #require(linkChecked(first))
        #expect(all.checked == all.pages && all.pages > 10)
        let stored = LinkCheckRecord.path(
            in: BuildCacheFolder(siteDirectory: site.root, directory: nil), edition: "staff")
        #expect(FileManager.default.fileExists(atPath: stored))

        try site.write("content/lessons/ll.md", MiniSite.lesson + "\nMore text.\n")
        let edited = await BuildPipeline.build(site.options())
        #expect(edited.status == .success)
        let some = try #require(linkChecked(edited))
        #expect(some.checked < some.pages)

        // Half-written (a killed build's temporary file beside it, or half a file under its name): a full check.
        let bytes = try #require(FileManager.default.contents(atPath: stored))
        try Data("partial".utf8).write(to: URL(fileURLWithPath: stored + ".tmp-1"))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: stored))
        try site.write("content/lessons/ll.md", MiniSite.lesson + "\nOther text.\n")
        let afterDamage = await BuildPipeline.build(site.options())
        #expect(afterDamage.status == .success)
        #expect(linkChecked(afterDamage).map { $0.checked == $0.pages } == true)

        // --clean checks every page and writes the record afresh.
        try site.write("content/lessons/ll.md", MiniSite.lesson + "\nThird text.\n")
        var clean = site.options()
        clean.ignoreCache = true
        #expect(linkChecked(await BuildPipeline.build(clean)).map { $0.checked == $0.pages } == true)
        try site.write("content/lessons/ll.md", MiniSite.lesson)
        #expect(linkChecked(await BuildPipeline.build(site.options())).map { $0.checked < $0.pages } == true)
    }

    @Test func aFailedBuildLeavesTheLastSuccessfulCheckInPlace() async throws {
        let site = try MiniSite(files: [
            "content/lessons/ll.md": MiniSite.lesson, "content/incidents/inc.md": MiniSite.incident,
        ])
        defer { site.remove() }
        _ = await BuildPipeline.build(site.options())
        let stored = LinkCheckRecord.path(
            in: BuildCacheFolder(siteDirectory: site.root, directory: nil), edition: "staff")
        let before = FileManager.default.contents(atPath: stored)
        try site.write("content/lessons/ll.md", MiniSite.lesson + "\nRead [the team](#no-such-section).\n")
        let broken = await BuildPipeline.build(site.options())
        #expect(broken.status == .contentErrors)
        #expect(broken.diagnostics.contains { $0.code == .brokenOutputLink })
        #expect(FileManager.default.contents(atPath: stored) == before)
    }
}

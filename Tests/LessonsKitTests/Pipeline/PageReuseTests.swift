import Foundation
import Testing

@testable import LessonsKit

/// Pages whose model did not change are not rendered again: their bytes come from the last build's output, checked
/// against the digest recorded then; the page digests file is ignored when it cannot be trusted.
@Suite("Page reuse across builds")
struct PageReuseTests {
    func reusedCount(_ report: BuildReport) -> (reused: Int, total: Int)? {
        report.verboseFraction("pages reused").map { ($0.part, $0.total) }
    }

    /// The verbose line's count of the entries read from the last build's page digests.
    func recordedCount(_ report: BuildReport) -> Int? { report.verboseCount("pages the last build recorded") }

    func site() throws -> MiniSite {
        try MiniSite(files: ["content/lessons/ll.md": MiniSite.lesson, "content/incidents/inc.md": MiniSite.incident])
    }

    @Test func anEditRendersOnlyThePagesWhoseModelChanged() async throws {
        let site = try site()
        defer { site.remove() }
        let first = await BuildPipeline.build(site.options())
        #expect(first.status == .success)
        #expect(reusedCount(first)?.reused == 0)
        #expect(recordedCount(first) == 0)
        // The incident's body shows on its own page only: every other reusable page keeps its model.
        try site.write("content/incidents/inc.md", MiniSite.incident + "\nOne more sentence.\n")
        let second = await BuildPipeline.build(site.options())
        #expect(second.status == .success)
        let counts = try #require(reusedCount(second))
        #expect(counts.total == reusedCount(first)?.total)
        #expect(counts.reused == counts.total - 1, "only the incident's page is rendered again")
        #expect((recordedCount(second) ?? 0) >= counts.total, "every page of the last build is recorded")
        #expect(site.read("site-output/incidents/inc-2026-001/index.html")?.contains("One more sentence.") == true)
    }

    @Test func anotherSpellingOfTheSameOutputFolderKeepsItsPages() async throws {
        let site = try site()
        defer { site.remove() }
        var options = site.options()
        options.output = site.root + "/out"
        #expect(await BuildPipeline.build(options).status == .success)
        try site.write("content/incidents/inc.md", MiniSite.incident + "\nOne more sentence.\n")
        // The same folder named through its site folder's other spellings, with a trailing slash.
        options = BuildOptions(siteDirectory: site.root + "/./")
        options.today = "2026-11-27"
        options.output = site.root + "/content/../out/"
        let second = await BuildPipeline.build(options)
        #expect(second.status == .success)
        let counts = try #require(reusedCount(second))
        #expect(counts.reused == counts.total - 1, "only the incident's page is rendered again")
        #expect(site.read("out/incidents/inc-2026-001/index.html")?.contains("One more sentence.") == true)
    }

    @Test func aPageChangedOnDiskOrACleanBuildIsRenderedAgain() async throws {
        let site = try site()
        defer { site.remove() }
        _ = await BuildPipeline.build(site.options())
        let page = "site-output/lessons/ll-2026-001/index.html"
        let original = try #require(site.read(page))
        // Same size, other bytes: the recorded digest of the bytes no longer matches, so the page is rendered.
        try FileManager.default.removeItem(atPath: site.root + "/" + page)
        try site.write(page, String(original.reversed()))
        try site.write("content/incidents/inc.md", MiniSite.incident + "\nEdited.\n")
        let report = await BuildPipeline.build(site.options())
        #expect(report.status == .success)
        #expect(site.read(page) == original)
        var clean = site.options()
        clean.ignoreCache = true
        let cleanBuild = await BuildPipeline.build(clean)
        #expect(reusedCount(cleanBuild)?.reused == 0)
        #expect(recordedCount(cleanBuild) == 0, "--clean reads nothing of the last build")
    }

    @Test func aTemplateEditRendersEveryPage() async throws {
        let site = try site()
        defer { site.remove() }
        _ = await BuildPipeline.build(site.options())
        let layout = try #require(EmbeddedDefaultTheme.files["templates/partials/footer.mustache"])
        try site.write(
            "themes/default/templates/partials/footer.mustache", String(decoding: layout, as: UTF8.self) + "<!-- x -->")
        let report = await BuildPipeline.build(site.options())
        #expect(report.status == .success)
        #expect(reusedCount(report)?.reused == 0)
    }

    @Test func theDigestsFileIsIgnoredWhenItCannotBeTrusted() {
        let entry = PageReuse.Entry(
            model: Digest32(words: (1, 2, 3, 4)), bytes: Digest32(words: (5, 6, 7, 8)), links: nil)
        let linked = PageReuse.Entry(
            model: Digest32(words: (1, 2, 3, 4)), bytes: Digest32(words: (5, 6, 7, 8)),
            links: PageLinks(HTMLLinks(links: ["../", "a/#x", "../"], ids: ["x", "main"])))
        let documented = PageReuse.Entry(
            model: Digest32(words: (1, 2, 3, 4)), bytes: Digest32(words: (5, 6, 7, 8)), links: nil,
            document: PageReuse.DocumentRecord(
                inputs: Digest32(words: (9, 9, 9, 9)),
                diagnostics: [
                    .warning(.unsafeLink, "m", at: SourceLocation(file: "content/a.md", line: 3, column: 4)),
                    .error("x", "", at: SourceLocation(file: "f", line: 1, column: 1), hint: "h"),
                ],
                copies: [.init(path: "lessons/b/x.pdf", source: "/site/content/lessons/x.pdf")],
                poster: "lessons/b/poster.html"))
        var stamped = linked
        stamped.stamp = FileStamp(
            size: 1234, device: 0xFFFF_0000_0000_0001, inode: 42, modified: 1_700_000_000_123_456_789, changed: -5)
        let entries = [
            "index.html": entry, "lessons/a/index.html": linked, "lessons/b/index.html": documented,
            "lessons/c/index.html": stamped,
        ]
        let bytes = PageDigestFile.encoded(entries, folder: "/out")
        #expect(PageDigestFile.decoded(bytes, folder: "/out") == entries)
        #expect(PageDigestFile.decoded(bytes, folder: "/elsewhere").isEmpty, "written for another output folder")
        #expect(PageDigestFile.decoded(Array(bytes.dropLast(7)), folder: "/out").isEmpty, "truncated")
        #expect(PageDigestFile.decoded([], folder: "/out").isEmpty, "empty")
        var corrupt = bytes
        corrupt[corrupt.count / 2] ^= 0x01
        #expect(PageDigestFile.decoded(corrupt, folder: "/out").isEmpty, "a flipped bit")
        var foreign = Array(bytes.dropLast(32))
        foreign[4] = 99  // another format number, with a valid checksum
        foreign += ChecksummedFile.checksum(foreign)
        #expect(PageDigestFile.decoded(foreign, folder: "/out").isEmpty, "another format")
        #expect(PageDigestFile.decoded(Array("not a digest file".utf8), folder: "/out").isEmpty)
        // A count the stamps at the end cannot match, with a valid checksum: too many entries, then one too few.
        for count in [Int(Int32.max), entries.count - 1] {
            var miscounted = Array(bytes.dropLast(32))
            let at = 4 + 8 + 8 + "/out".utf8.count
            for byte in 0..<8 { miscounted[at + byte] = UInt8(truncatingIfNeeded: count >> (8 * byte)) }
            miscounted += ChecksummedFile.checksum(miscounted)
            #expect(PageDigestFile.decoded(miscounted, folder: "/out").isEmpty, "a count of \(count)")
        }
    }

    @Test func entriesReadBackAreWrittenAsTheyWereReadUnlessTheirRecordChanged() throws {
        let record = PageReuse.DocumentRecord(
            inputs: Digest32(words: (9, 9, 9, 9)), diagnostics: [], copies: [], poster: "lessons/b/poster.html")
        let entries = [
            "a.html": PageReuse.Entry(
                model: Digest32(words: (1, 2, 3, 4)), bytes: Digest32(words: (5, 6, 7, 8)),
                links: PageLinks(HTMLLinks(links: ["b.html#x", "../"], ids: ["z", "a", "m"])), document: record),
            "b.html": PageReuse.Entry(
                model: Digest32(words: (1, 1, 1, 1)), bytes: Digest32(words: (2, 2, 2, 2)), links: nil),
        ]
        let bytes = PageDigestFile.encoded(entries, folder: "/out")
        var read = PageDigestFile.decoded(bytes, folder: "/out")
        #expect(read.values.allSatisfy { $0.stored != nil }, "each entry keeps its stored bytes")
        #expect(PageDigestFile.encoded(read, folder: "/out") == bytes)
        read["b.html"]?.stamp = FileStamp(size: 1, device: 2, inode: 3, modified: 4, changed: 5)
        read["a.html"]?.document = PageReuse.DocumentRecord(
            inputs: Digest32(words: (7, 7, 7, 7)), diagnostics: [], copies: [], poster: nil)
        #expect(read["a.html"]?.stored == nil, "a changed record is not the stored one")
        let rewritten = PageDigestFile.encoded(read, folder: "/out")
        let again = PageDigestFile.decoded(rewritten, folder: "/out")
        #expect(again == read)
        #expect(again["a.html"]?.document?.inputs == Digest32(words: (7, 7, 7, 7)))
        #expect(again["b.html"]?.stamp?.inode == 3)
    }

    @Test func stampsWrittenAfterTheEntriesGiveTheFileOfTheStampedEntries() throws {
        let root = NSTemporaryDirectory() + "page-digests-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = BuildCacheFolder(siteDirectory: root, directory: nil)
        let path = folder.pageDigestsPath(edition: "staff")
        let entry = PageReuse.Entry(
            model: Digest32(words: (1, 2, 3, 4)), bytes: Digest32(words: (5, 6, 7, 8)),
            links: PageLinks(HTMLLinks(links: ["b.html"], ids: ["x"])))
        var stale = entry
        stale.stamp = FileStamp(size: 9, device: 9, inode: 9, modified: 9, changed: 9)
        let entries = ["a.html": entry, "b.html": stale, "c.html": entry]
        let writer = BuildCacheWriter(folder: folder)
        let unstamped = try #require(writer.beginPageDigests(entries, output: "/out", edition: "staff"))
        #expect(unstamped.paths == ["a.html", "b.html", "c.html"])
        #expect(!FileManager.default.fileExists(atPath: path), "nothing in place before the stamps")
        let stamp = FileStamp(size: 1234, device: 0xFFFF_0000_0000_0001, inode: 42, modified: 7, changed: -5)
        unstamped.stamp([stamp, nil, FileStamp(size: 0, device: 0, inode: 0, modified: 0, changed: 0)])
        var expected = entries
        expected["a.html"]?.stamp = stamp
        expected["b.html"]?.stamp = nil
        expected["c.html"]?.stamp = FileStamp(size: 0, device: 0, inode: 0, modified: 0, changed: 0)
        let bytes = try #require(FileFacts.contents(path))
        #expect(bytes == PageDigestFile.encoded(expected, folder: "/out"))
        let read = PageDigestFile.read(from: folder, edition: "staff", folder: "/out")
        #expect(read == expected, "the old stamp is not kept, and a stamp of zeros is a stamp")
        #expect(read["b.html"]?.stamp == nil)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/pages")
        #expect(names.count == 1 && !names[0].contains(".tmp-"), "no temporary file is left")
    }

    @Test func pageDigestsLeftUnstampedLeaveNoFileAndTheLastOneInPlace() throws {
        let root = NSTemporaryDirectory() + "page-digests-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = BuildCacheFolder(siteDirectory: root, directory: nil)
        let writer = BuildCacheWriter(folder: folder)
        let last = [
            "a.html": PageReuse.Entry(
                model: Digest32(words: (1, 0, 0, 0)), bytes: Digest32(words: (2, 0, 0, 0)), links: nil)
        ]
        writer.beginPageDigests(last, output: "/out", edition: "staff")?.stamp([nil])
        #expect(PageDigestFile.read(from: folder, edition: "staff", folder: "/out") == last)
        do {
            // A build that failed between writing the entries and stamping them (its output not swapped in).
            let next = [
                "b.html": PageReuse.Entry(
                    model: Digest32(words: (3, 0, 0, 0)), bytes: Digest32(words: (4, 0, 0, 0)), links: nil)
            ]
            let unstamped = writer.beginPageDigests(next, output: "/out", edition: "staff")
            #expect(unstamped?.paths == ["b.html"])
        }
        #expect(PageDigestFile.read(from: folder, edition: "staff", folder: "/out") == last)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/pages")
        #expect(names.count == 1 && !names[0].contains(".tmp-"), "no temporary file is left")
    }

    @Test func aReusedPageCarriesTheLinksRecordedWhenItWasRendered() throws {
        let model = TemplateValue(names: ["title"], values: ["A"])
        let links = HTMLLinks(links: ["../gone/"], ids: ["main"])
        let first = PageReuse(seed: [1], previous: [:]) { _ in nil }
        var renders = 0
        let rendered = first.page(path: "a/index.html", template: "t", converted: model) { _ in
            renders += 1
            return RenderedHTML(text: "<a href=\"../gone/\">A</a>", links: .recorded(links))
        }
        let entry = try #require(first.entries["a/index.html"])
        #expect(entry.links?.recorded == links)
        guard case .bytes(let bytes) = rendered.contents else { throw CocoaError(.featureUnsupported) }
        let second = PageReuse(seed: [1], previous: first.entries) { $0 == "a/index.html" ? bytes : nil }
        let reused = second.page(path: "a/index.html", template: "t", converted: model) { _ in
            renders += 1
            return RenderedHTML(text: "", links: nil)
        }
        #expect(renders == 1, "the second build does not render the page")
        #expect(reused.links?.recorded == links, "so the link check still sees its links")
        #expect(reused.contents == rendered.contents && reused.isPage)
        #expect(second.counts.reused == 1 && second.counts.rendered == 0)
    }

    @Test func theLastBuildsDigestsAreReadOnceWhenFirstNeeded() throws {
        let model = TemplateValue(names: ["title"], values: ["A"])
        let first = PageReuse(seed: [1], previous: [:]) { _ in nil }
        let rendered = first.page(path: "a/index.html", template: "t", converted: model) { _ in
            RenderedHTML(text: "<p>A</p>", links: nil)
        }
        guard case .bytes(let bytes) = rendered.contents else { throw CocoaError(.featureUnsupported) }
        let entries = first.entries
        let reads = CallLog()
        let reading: @Sendable () -> [String: PageReuse.Entry] = {
            reads.add("read")
            return entries
        }
        let second = PageReuse(seed: [1], readingPrevious: reading) { $0 == "a/index.html" ? bytes : nil }
        #expect(reads.calls.isEmpty, "made without reading the cache")
        for path in ["a/index.html", "b/index.html"] {
            _ = second.page(path: path, template: "t", converted: model) { _ in RenderedHTML(text: "", links: nil) }
        }
        #expect(reads.calls == ["read"], "read once, on the first page")
        #expect(second.counts.reused == 1 && second.counts.rendered == 1, "the entries read are the ones used")
    }

    @Test func modelsWithUnknownValuesAreAlwaysRendered() {
        let reuse = PageReuse(seed: [1], previous: [:]) { _ in nil }
        #expect(reuse.digest(template: "t", converted: TemplateValue(names: ["a"], values: ["x"])) != nil)
        #expect(reuse.digest(template: "t", converted: TemplateValue(names: ["a"], values: [1.5])) == nil)
        let one = reuse.digest(template: "t", converted: TemplateValue(names: ["a"], values: [["x", "y"]]))
        let two = reuse.digest(template: "t", converted: TemplateValue(names: ["a"], values: [["xy"]]))
        #expect(one != two)
        #expect(reuse.digest(template: "t", converted: "x") != reuse.digest(template: "u", converted: "x"))
        #expect(reuse.digest(template: "t", converted: true) != reuse.digest(template: "t", converted: 1))
    }

    @Test func aListIsWrittenTheSameWhateverItsStaticType() {
        func bytes(_ value: Any) -> [UInt8]? {
            var buffer: [UInt8] = []
            return TemplateValueBytes.append(value, to: &buffer) ? buffer : nil
        }
        let texts = [TemplateText("a"), TemplateText("b")]
        #expect(bytes(texts) != nil && bytes(texts) == bytes(texts as [Any]))
        #expect(bytes(texts) != bytes([TemplateText("ab")]))
        let fields = TemplateValue(names: ["a", "b"], values: [texts, TemplateValue(names: ["c"], values: [true])])
        #expect(bytes(fields) != nil && bytes(fields) == bytes([fields] as [Any]).map { Array($0.dropFirst(9)) })
    }

    @Test func aPageMadeFromTheSameInputsIsReusedWithoutBuildingItsModel() throws {
        var inputs = PageInputs(kind: "k")
        inputs.add("a")
        var built = 0
        let first = PageReuse(seed: [1], previous: [:]) { _ in nil }
        let rendered = first.page(
            path: "p.html", template: "t", inputs: inputs,
            convert: {
                built += 1
                return "a"
            }, render: { RenderedHTML(text: "<p>\($0 as? String ?? "")</p>", links: nil) })
        guard case .bytes(let bytes) = rendered.contents else { throw CocoaError(.featureUnsupported) }
        #expect(String(decoding: bytes, as: UTF8.self) == "<p>a</p>" && built == 1)
        let second = PageReuse(seed: [1], previous: first.entries) { $0 == "p.html" ? bytes : nil }
        let reused = second.page(
            path: "p.html", template: "t", inputs: inputs,
            convert: {
                built += 1
                return "b"
            }, render: { _ in RenderedHTML(text: "", links: nil) })
        #expect(built == 1, "the model is not built again")
        #expect(reused.contents == rendered.contents && second.counts.reused == 1)
        // Other inputs, another template or another seed (templates, tool): built and rendered again.
        var other = PageInputs(kind: "k")
        other.add("b")
        for (seed, template, given) in [([1], "t", other), ([1], "u", inputs), ([2], "t", inputs)]
            as [([UInt8], String, PageInputs)]
        {
            let reuse = PageReuse(seed: seed, previous: first.entries) { $0 == "p.html" ? bytes : nil }
            _ = reuse.page(
                path: "p.html", template: template, inputs: given, convert: { built += 1 },
                render: { _ in RenderedHTML(text: "", links: nil) })
            #expect(reuse.counts.rendered == 1)
        }
        #expect(built == 4)
        // An input key is never taken for a model digest.
        #expect(first.inputKey(template: "t", inputs: inputs) != first.digest(template: "t", converted: nil))
    }

    @Test func pageInputsTellValuesApart() {
        func bytes(_ fill: (inout PageInputs) -> Void) -> [UInt8] {
            var inputs = PageInputs(kind: "k")
            fill(&inputs)
            return inputs.bytes
        }
        #expect(bytes { $0.add(["x", "y"]) } != bytes { $0.add(["xy"]) })
        #expect(bytes { $0.add(nil as String?) } != bytes { $0.add("" as String?) })
        #expect(
            bytes {
                $0.add("a")
                $0.add("b")
            }
                != bytes {
                    $0.add("ab")
                    $0.add("")
                })
        #expect(PageInputs(kind: "k").bytes != PageInputs(kind: "l").bytes)
    }

    @Test func aPosterIsRenderedAgainExactlyWhenWhatItShowsChanged() async throws {
        let site = try site()
        defer { site.remove() }
        _ = await BuildPipeline.build(site.options())
        let poster = "site-output/lessons/ll-2026-001/poster.html"
        let original = try #require(site.read(poster))
        // The lesson's body (no picture) is not on its poster: the poster is reused, the lesson page is not.
        try site.write("content/lessons/ll.md", MiniSite.lesson + "\nOne more sentence.\n")
        let edited = await BuildPipeline.build(site.options())
        #expect(reusedCount(edited)?.reused == (reusedCount(edited)?.total ?? 0) - 1)
        #expect(site.read(poster) == original)
        // Its key messages are.
        try site.write(
            "content/lessons/ll.md", MiniSite.lesson.replacingOccurrences(of: "Check the chart.", with: "Look twice."))
        #expect(await BuildPipeline.build(site.options()).status == .success)
        #expect(site.read(poster)?.contains("Look twice.") == true)
        // The site's title is on every poster (and in its QR code's label).
        let siteYAML = try #require(site.read("site.yaml"))
        try site.write(
            "site.yaml", siteYAML.replacingOccurrences(of: "title: Learning Lessons", with: "title: Ward news"))
        #expect(await BuildPipeline.build(site.options()).status == .success)
        #expect(site.read(poster)?.contains("Ward news") == true)
    }

    func unbuiltCount(_ report: BuildReport) -> Int? { report.verboseCount("documents not rebuilt") }

    static let otherIncident = MiniSite.incident.replacingOccurrences(of: "INC-2026-001", with: "INC-2026-002")

    @Test func aDocumentPageMadeFromTheSameInputsIsNotBuiltAgainAndKeepsItsProblemsAndAttachments() async throws {
        let lesson = MiniSite.lesson + "\n\n[Unsafe](javascript:alert) and [the form](form.txt).\n"
        let site = try MiniSite(files: [
            "content/lessons/ll.md": lesson, "content/lessons/form.txt": "form",
            "content/incidents/inc.md": MiniSite.incident, "content/incidents/other.md": Self.otherIncident,
        ])
        defer { site.remove() }
        let first = await BuildPipeline.build(site.options())
        #expect(first.status == .success && unbuiltCount(first) == 0)
        let unsafe = first.diagnostics.filter { $0.code == .unsafeLink }
        #expect(unsafe.count == 1)
        // The other incident is named by no document and names none: only its own page is built again.
        try site.write("content/incidents/other.md", Self.otherIncident + "\nEdited.\n")
        try FileManager.default.removeItem(atPath: site.root + "/site-output/lessons/ll-2026-001/form.txt")
        let second = await BuildPipeline.build(site.options())
        #expect(second.status == .success)
        #expect(unbuiltCount(second) == 2, "the lesson and the first incident")
        #expect(
            second.diagnostics.filter { $0.code == .unsafeLink } == unsafe, "the lesson's problem is still reported")
        #expect(site.read("site-output/lessons/ll-2026-001/form.txt") == "form", "its attachment is still copied")
        // The incident the lesson names changed: the lesson's page is built again (its model, and so its bytes, are
        // the same: the title it shows did not change).
        try site.write("content/incidents/inc.md", MiniSite.incident + "\nEdited.\n")
        #expect(unbuiltCount(await BuildPipeline.build(site.options())) == 1, "the other incident only")
        var clean = site.options()
        clean.ignoreCache = true
        #expect(unbuiltCount(await BuildPipeline.build(clean)) == 0)
    }
}

import Foundation
import Testing

@testable import LessonsKit

/// The PDF cache: a page whose bytes and files are unchanged is not printed again; a change to the page, to a file it
/// uses or to Chromium's version prints it afresh; a damaged cached PDF or `--clean` is never trusted.
@Suite("PDF cache")
struct PDFCacheTests {
    /// A stand-in for Chromium that writes a tiny PDF and counts its print runs in `runs.txt`; it fails (exit status
    /// 1, no PDF) for a page whose URL contains `failing`. Asked to stay up for the DevTools protocol on a pipe, it exits
    /// at once, so each page is printed by a run of its own.
    struct FakeChromium {
        let folder = FileManager.default.temporaryDirectory.path + "/lessons-fake-chromium-" + UUID().uuidString
        var script: String { folder + "/chromium" }
        var runs: Int {
            (FileManager.default.contents(atPath: folder + "/runs.txt").map { $0.count }) ?? 0
        }

        init(version: String = "Fake Chromium 1.0", failing: String? = nil) throws {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let failure = failing.map { "    file://*\($0)*) echo 'ERROR: cannot print'; exit 1 ;;\n" } ?? ""
            let text = """
                #!/bin/sh
                for argument in "$@"; do
                  case "$argument" in
                    --version) echo "\(version)"; exit 0 ;;
                    --remote-debugging-pipe) exit 1 ;;
                    --print-to-pdf=*) output="${argument#--print-to-pdf=}" ;;
                \(failure)  esac
                done
                printf x >> "\(folder)/runs.txt"
                printf '%%PDF-1.4\\n<</Type /Page>>\\n/CreationDate (D:20260101120000)\\n%%%%EOF\\n' > "$output"
                """
            try Data(text.utf8).write(to: URL(fileURLWithPath: script))
            #expect(chmod(script, 0o755) == 0)
        }

        func remove() { try? FileManager.default.removeItem(atPath: folder) }
    }

    let cacheFolder = BuildCacheFolder(
        siteDirectory: FileManager.default.temporaryDirectory.path,
        directory: FileManager.default.temporaryDirectory.path + "/lessons-pdf-cache-test-" + UUID().uuidString)

    func files(style: String = "body { margin: 0 }") -> [OutputFile] {
        [
            OutputFile(path: "lessons/a/index.html", text: #"<link rel="stylesheet" href="../../style.css"><p>A</p>"#),
            OutputFile(path: "style.css", text: style),
            OutputFile(path: "unrelated.html", text: "<p>not printed</p>"),
        ]
    }

    func printOnce(_ chromium: FakeChromium, files: [OutputFile], reads: Bool = true) async throws -> [UInt8] {
        let printer = PDFPrinter(
            chromium: Chromium(executable: chromium.script), concurrency: 1, timeoutSeconds: 30,
            cache: PDFCache(folder: cacheFolder, reads: reads))
        let job = PDFPrinter.Job(
            kind: "lesson page", name: "a", page: "lessons/a/index.html",
            date: PartialDate(year: 2026, month: 3, day: 1))
        let results = try await printer.print([job], from: files)
        return try #require(try? results.first?.get())
    }

    @Test func anUnchangedPageComesFromTheCacheAndAnyChangePrintsItAgain() async throws {
        let chromium = try FakeChromium()
        defer {
            chromium.remove()
            try? FileManager.default.removeItem(atPath: cacheFolder.path)
        }
        let first = try await printOnce(chromium, files: files())
        #expect(chromium.runs == 1)
        #expect(String(decoding: first, as: UTF8.self).contains("D:20260301000000"), "dates made reproducible")
        #expect(try await printOnce(chromium, files: files()) == first)
        #expect(chromium.runs == 1, "the second print came from the cache")

        var changedOther = files()
        changedOther[2] = OutputFile(path: "unrelated.html", text: "<p>changed</p>")
        _ = try await printOnce(chromium, files: changedOther)
        #expect(chromium.runs == 1, "a file the page does not use is not part of its key")

        _ = try await printOnce(chromium, files: files(style: "body { margin: 1em }"))
        #expect(chromium.runs == 2, "a changed style sheet prints the page again")

        _ = try await printOnce(chromium, files: files(), reads: false)
        #expect(chromium.runs == 3, "--clean does not read the cache")

        let newer = try FakeChromium(version: "Fake Chromium 2.0")
        defer { newer.remove() }
        _ = try await printOnce(newer, files: files())
        #expect(newer.runs == 1, "another Chromium version prints afresh")
    }

    @Test func aDamagedCachedPDFIsPrintedAgain() async throws {
        let chromium = try FakeChromium()
        defer {
            chromium.remove()
            try? FileManager.default.removeItem(atPath: cacheFolder.path)
        }
        let first = try await printOnce(chromium, files: files())
        let cached = try FileManager.default.contentsOfDirectory(atPath: cacheFolder.pdfFolder).filter {
            $0.hasSuffix(".pdf")
        }
        #expect(cached.count == 1)
        let path = cacheFolder.pdfFolder + "/" + (cached.first ?? "")
        try Data(first.prefix(first.count / 2)).write(to: URL(fileURLWithPath: path))
        #expect(try await printOnce(chromium, files: files()) == first)
        #expect(chromium.runs == 2, "a truncated PDF in the cache is not used")
    }

    @Test func pruningKeepsOnlyTheKeysInUse() throws {
        defer { try? FileManager.default.removeItem(atPath: cacheFolder.path) }
        let writer = BuildCacheWriter(folder: cacheFolder)
        let pdf = Array("%PDF-1.4\n<</Type /Page>>\n%%EOF\n".utf8)
        for key in ["kept", "stale"] { writer.storePDF(pdf, key: key) }
        #expect(cacheFolder.cachedPDF(key: "stale") == pdf)
        writer.prunePDFs(keeping: ["kept"])
        #expect(cacheFolder.cachedPDF(key: "kept") == pdf)
        #expect(cacheFolder.cachedPDF(key: "stale") == nil)
    }
}

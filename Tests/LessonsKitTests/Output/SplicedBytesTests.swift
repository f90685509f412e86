import Crypto
import Foundation
import Testing

@testable import LessonsKit

/// A page assembled from fragments is handed on as runs of its text and its fragments, written, hashed and compared as
/// the bytes they make, without being joined in one buffer.
@Suite("Spliced pages")
struct SplicedBytesTests {
    /// Runs crossing the writer's chunks: small ones that fill several chunks, empty ones, and one longer than a chunk.
    private static func page() -> (spliced: SplicedBytes, bytes: [UInt8]) {
        let text = Array("<main>é\n</main>".utf8)
        var runs: [SplicedBytes.Run] = [.text(0..<6), .html("")]
        var bytes = Array(text[0..<6])
        for row in 0..<5_000 {
            let html = "<tr><td>\(row)</td><td>ü</td></tr>\n"
            runs.append(.html(html))
            bytes += html.utf8
        }
        runs.append(.text(6..<9))
        bytes += text[6..<9]
        let long = String(repeating: "<p>long</p>", count: OutputFileSystem.copyChunkSize / 5)
        runs += [.html(long), .text(9..<9), .text(9..<text.count)]
        bytes += long.utf8
        bytes += text[9...]
        return (SplicedBytes(text: text, runs: runs), bytes)
    }

    @Test func aSplicedPageIsWrittenHashedAndJoinedAsTheBytesOfItsRunsInOrder() throws {
        let (spliced, bytes) = Self.page()
        #expect(bytes.count > 3 * OutputFileSystem.copyChunkSize)
        #expect(spliced.count == bytes.count)
        #expect(spliced.joined == bytes)
        #expect(spliced.digest == Digest32(SHA256.hash(data: bytes)))
        let path = FileManager.default.temporaryDirectory.path + "/lessons-spliced-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try OutputFileSystem.writeFile(path, spliced: spliced) == bytes.count)
        #expect(FileFacts.contents(path) == bytes)
    }

    @Test func aSplicedPageHoldsOnlyItsOwnBytes() {
        let (spliced, bytes) = Self.page()
        #expect(spliced.holds(bytes))
        var changed = bytes
        changed[changed.count / 2] ^= 1
        #expect(!spliced.holds(changed))
        #expect(!spliced.holds(Array(bytes.dropLast())) && !spliced.holds(bytes + [0]))
        var seen = 0
        let finished = spliced.forEachRun { _ in
            seen += 1
            return seen < 3
        }
        #expect(!finished)
        #expect(seen == 3, "the runs stop at the first false")
    }

    @Test func aSplicedPageEqualsAndHashesAsTheSameBytesHeldWhole() {
        let (spliced, bytes) = Self.page()
        let held = OutputFile.Contents.bytes(bytes)
        #expect(OutputFile.Contents.spliced(spliced) == held && held == .spliced(spliced))
        #expect(OutputFile.Contents.spliced(spliced).hashValue == held.hashValue)
        let whole = SplicedBytes(text: bytes, runs: [.text(0..<bytes.count)])
        #expect(OutputFile.Contents.spliced(spliced) == .spliced(whole))
        #expect(OutputFile.Contents.spliced(spliced) != .bytes(Array(bytes.dropFirst())))
        #expect(OutputFile(path: "a.html", contents: .spliced(spliced)).heldBytes == bytes)
    }

    @Test func aSplicedPageIsKeptWhenThePreviousOutputHoldsItsBytesAndWrittenWhenNot() throws {
        let root = FileManager.default.temporaryDirectory.path + "/lessons-spliced-" + UUID().uuidString
        let site = root + "/site"
        try FileManager.default.createDirectory(atPath: site, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let writer = SiteWriter(outputDirectory: site + "/out", siteDirectory: site)
        let (spliced, bytes) = Self.page()
        let other = SplicedBytes(text: Array("<p>other</p>".utf8), runs: [.text(0..<3), .html("x"), .text(3..<12)])
        let first = try writer.write([
            OutputFile(path: "same.html", contents: .bytes(bytes)), OutputFile(path: "other.html", text: "<p>old</p>"),
        ])
        #expect(first.unchangedCount == 0)
        let second = try writer.write([
            OutputFile(path: "same.html", contents: .spliced(spliced)),
            OutputFile(path: "other.html", contents: .spliced(other)),
        ])
        #expect(second.unchangedCount == 1)
        #expect(second.byteCount == bytes.count + other.count)
        #expect(FileFacts.contents(site + "/out/same.html") == bytes)
        #expect(FileFacts.contents(site + "/out/other.html") == Array("<p>xother</p>".utf8))
    }
}

import Foundation
import Testing

@testable import LessonsKit

/// The byte-level line cutting and substring search give the same answers as the Character-level and Foundation calls
/// they replace.
@Suite struct ByteTextHelperTests {
    static let pieces = ["a", "é", "e\u{301}", "\n", "\r", "\r\n", " ", "-", "\u{301}", "日", "👍🏽", "\t", "x\n"]

    /// Seeded random texts over pieces that stress Character boundaries (CR LF, combining marks after line feeds).
    static func texts(count: Int) -> [String] {
        var generator = SplitMix64(seed: 11)
        var texts = ["", "\n", "\n\n", "\r\n", "a\r\nb\nc", "\n\u{301}x", "\r\u{301}\n", "---\n", "a\r", "\r\n\r\n"]
        for _ in 0..<count {
            let length = Int(generator.next() % 12)
            texts.append((0..<length).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined())
        }
        return texts
    }

    @Test func lineSlicesCutWhereSplittingOnLineFeedsCuts() {
        for text in Self.texts(count: 3000) {
            let expected = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(Substring(text).lineSlices() == expected, "\(text.debugDescription)")
            let inner = Substring("\n" + text + "\r").dropFirst().dropLast()
            #expect(inner.lineSlices() == inner.split(separator: "\n", omittingEmptySubsequences: false))
        }
    }

    /// Byte offsets of `needle` in `text`, without overlaps, by the definition.
    static func byteOffsets(of needle: String, in text: Substring) -> [Int] {
        let bytes = Array(text.utf8)
        let pattern = Array(needle.utf8)
        var offsets: [Int] = []
        var start = 0
        while !pattern.isEmpty, start + pattern.count <= bytes.count {
            if Array(bytes[start..<(start + pattern.count)]) == pattern {
                offsets.append(start)
                start += pattern.count
            } else {
                start += 1
            }
        }
        return offsets
    }

    @Test func utf8SearchFindsEveryByteMatch() {
        let needles = ["a", "\n", "e", "\u{301}", "-", "lessonsholeh1-", "é", "\r\n", "日", "aa"]
        for text in Self.texts(count: 1500) + ["x lessonsholeh1- y lessonsholeh1-", "aaaaa", "<a href=\"h\">t</a>"] {
            for needle in needles {
                for slice in [text[...], Substring("é" + text + "-").dropFirst().dropLast()] {
                    let offsets = Self.byteOffsets(of: needle, in: slice)
                    let found = slice.utf8Range(of: needle).map {
                        slice.utf8.distance(from: slice.startIndex, to: $0.lowerBound)
                    }
                    #expect(found == offsets.first, "\(text.debugDescription) \(needle.debugDescription)")
                    #expect(slice.utf8Contains(needle) == !offsets.isEmpty)
                    #expect(slice.utf8Count(of: needle) == offsets.count)
                }
            }
            #expect(text.utf8Range(of: "") == nil && !text.utf8Contains(""))
        }
    }

    /// Foundation's search (what the helpers replace) agrees wherever no combining mark follows a match; where one
    /// does, Foundation skips the match and the byte search does not. The markers and tags searched for in the HTML
    /// cmark writes are always followed by ASCII.
    @Test func utf8SearchAgreesWithFoundationOnTextWithoutCombiningMarks() {
        let needles = ["a", "\n", "-", "lessonsholeh1-", "é", "日", "/>"]
        var generator = SplitMix64(seed: 12)
        let pieces = ["a", "é", "\n", "\r", " ", "-", "日", "lessonsholeh1-", "<img src=\"", " />", "x"]
        for _ in 0..<1500 {
            let text = (0..<Int(generator.next() % 10)).map { _ in pieces[Int(generator.next() % 11)] }.joined()
            for needle in needles {
                #expect(text.utf8Range(of: needle) == text.range(of: needle), "\(text.debugDescription)")
                #expect(text.utf8Contains(needle) == text.contains(needle))
            }
        }
        #expect("e\u{301}".range(of: "e") == nil && "e\u{301}".utf8Contains("e"))
    }

    /// Replacing on the bytes cuts the text where the byte search finds the needle and joins the pieces around the
    /// replacement; on text without combining marks it gives what Foundation's `replacingOccurrences` gives.
    @Test func utf8ReplacingReplacesEveryByteMatch() {
        let needles = ["a", "\n", "-", "lessonsholet1-", "é", "aa"]
        for text in Self.texts(count: 1500) + ["x lessonsholet1- y lessonsholet1-", "aaaaa", "lessonsholet1-"] {
            for needle in needles {
                for replacement in ["", "[[LL-1]]", needle + needle] {
                    var expected: [UInt8] = []
                    let bytes = Array(text.utf8)
                    var start = 0
                    for offset in Self.byteOffsets(of: needle, in: text[...]) {
                        expected += bytes[start..<offset] + Array(replacement.utf8)
                        start = offset + needle.utf8.count
                    }
                    expected += bytes[start...]
                    #expect(Array(text.utf8Replacing(needle, with: replacement).utf8) == expected)
                }
            }
        }
        var generator = SplitMix64(seed: 13)
        let pieces = ["a", "é", "\n", " ", "-", "日", "lessonsholet1-", "x"]
        for _ in 0..<1500 {
            let text = (0..<Int(generator.next() % 10)).map { _ in pieces[Int(generator.next() % 8)] }.joined()
            #expect(
                text.utf8Replacing("lessonsholet1-", with: "[[LL-1]]")
                    == text.replacingOccurrences(of: "lessonsholet1-", with: "[[LL-1]]"))
        }
    }

    @Test func frontMatterSplitsAsBefore() throws {
        let file = { (text: String) in SourceFile(path: "content/a.md", absolutePath: "/a.md", text: text) }
        let split = try FrontMatter.split(file("---\nid: A\ntitle: T\n---\nBody\n\nmore\n")).get()
        #expect(split.yaml == "id: A\ntitle: T")
        #expect(split.body == "Body\n\nmore\n")
        #expect(split.bodyFirstLine == 5)
        let empty = try FrontMatter.split(file("---\n---")).get()
        #expect(empty.yaml == "" && empty.body == "" && empty.bodyFirstLine == 3)
        let dots = try FrontMatter.split(file("\u{FEFF}--- \nid: A\n...\n")).get()
        #expect(dots.yaml == "id: A" && dots.body == "" && dots.bodyFirstLine == 4)
        // A CR LF pair is one Character, so "---\r\n" does not end a line here, as before (files are read with CR LF
        // turned into LF before this).
        if case .success = FrontMatter.split(file("---\r\nid: A\r\n---\r\n")) { Issue.record("CR LF split") }
        if case .success = FrontMatter.split(file("---\nid: A\n")) { Issue.record("unterminated front matter split") }
        if case .success = FrontMatter.split(file("id: A\n---\n")) { Issue.record("missing front matter split") }
    }

    /// The line splitting cmark positions are read with, byte by byte as it was written before.
    static func referenceLines(_ bytes: [UInt8]) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var current: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                result.append(current)
                current = []
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            } else {
                current.append(byte)
            }
            index += 1
        }
        result.append(current)
        return result
    }

    @Test func scalarColumnLinesSplitAsByteByByte() {
        for text in Self.texts(count: 2000) {
            let bytes = Array(text.utf8)
            #expect(ScalarColumns.splitLines(bytes) == Self.referenceLines(bytes), "\(text.debugDescription)")
        }
    }

    /// Bulletin headings shifted in one pass give what replacing them level by level (5 down to 1) gave.
    @Test func headingsShiftAsLevelByLevelReplacing() {
        let pieces = [
            "<h1>", "</h1>", "<h2 id=\"x\">", "</h2>", "<h5>", "</h5>", "<h6>", "</h6>", "<h", "</h", "<", "3",
            ">", "<hr />", "text", "é", "</h4", "<h0>",
        ]
        var generator = SplitMix64(seed: 13)
        for _ in 0..<2000 {
            let html = (0..<Int(generator.next() % 9)).map { _ in pieces[Int(generator.next() % 18)] }.joined()
            for shift in 0...3 {
                var expected = html
                if shift > 0 {
                    for level in stride(from: 5, through: 1, by: -1) {
                        let target = min(level + shift, 6)
                        expected = expected.replacingOccurrences(of: "<h\(level)", with: "<h\(target)")
                            .replacingOccurrences(of: "</h\(level)>", with: "</h\(target)>")
                    }
                }
                #expect(BodyRenderer.shiftingHeadings(html, by: shift) == expected, "\(html) \(shift)")
            }
        }
    }
}

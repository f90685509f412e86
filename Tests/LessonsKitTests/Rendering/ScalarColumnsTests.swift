import Testing

@testable import LessonsKit

@Suite struct ScalarColumnsTests {
    /// Counting scalars by hand, the slow way the checkpoints must agree with.
    static func naiveColumn(_ line: String, byteColumn: Int) -> Int {
        let bytes = Array(line.utf8)
        let end = min(byteColumn - 1, bytes.count)
        return bytes[..<end].filter { $0 & 0xC0 != 0x80 }.count + (byteColumn - 1 - end) + 1
    }

    @Test(arguments: [1, 63, 64, 65, 200, 1_000])
    func columnsOnLongLinesMatchACountFromTheStart(repeats: Int) {
        let line = String(repeating: "a é 😀 [[ID]] ", count: repeats)
        let columns = ScalarColumns("first line\n" + line + "\nlast")
        for byteColumn in stride(from: 1, through: line.utf8.count + 3, by: 7) {
            #expect(
                columns.scalarColumn(line: 2, byteColumn: byteColumn) == Self.naiveColumn(line, byteColumn: byteColumn))
        }
    }

    @Test func referencesOnOneVeryLongLineAreAllFoundAndLocated() {
        let count = 20_000
        let line = (0..<count).map { "é[[ID-\($0)]]" }.joined(separator: " ")
        let references = MarkdownRenderer.references(in: "Intro\n\n" + line)
        #expect(references.count == count)
        #expect(references.last?.id == "ID-\(count - 1)")
        #expect(references.last?.line == 3)
        #expect(references.last?.column == line.unicodeScalars.count - "[[ID-\(count - 1)]]".unicodeScalars.count + 1)
    }
}

/// The lines of a text as UTF-8 bytes, for turning cmark's byte columns into scalar columns.
///
/// Lines end at `\n`, `\r\n` or `\r`, as in cmark. A leading byte-order mark is not part of line 1
/// (cmark skips it too).
struct ScalarColumns: Sendable {
    private let lines: [[UInt8]]
    /// For each line, the number of scalars that start before every `checkpointStride`-th byte, so that a
    /// column is found in constant time however long the line (a line of 100,000 `[[ID]]`s stays linear).
    private let checkpoints: [[Int]]
    private static let checkpointStride = 64

    init(_ text: String) {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
        }
        // cmark reads each NUL as U+FFFD (three bytes), so its byte columns count it as three.
        if bytes.contains(0) {
            bytes = bytes.flatMap { $0 == 0 ? [0xEF, 0xBF, 0xBD] : [$0] }
        }
        lines = ScalarColumns.splitLines(bytes)
        checkpoints = lines.map(ScalarColumns.checkpoints)
    }

    /// Scalars starting before byte 0, `stride`, `2 * stride`, … of a line (empty for short lines).
    static func checkpoints(_ line: [UInt8]) -> [Int] {
        guard line.count > checkpointStride else { return [] }
        var result = [0]
        result.reserveCapacity(line.count / checkpointStride + 1)
        var count = 0
        for (index, byte) in line.enumerated() {
            if index > 0, index % checkpointStride == 0 { result.append(count) }
            if byte & 0xC0 != 0x80 { count += 1 }
        }
        return result
    }

    /// Splits UTF-8 bytes at `\n`, `\r\n` and `\r` (each line copied once, not byte by byte).
    static func splitLines(_ bytes: [UInt8]) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                result.append(Array(bytes[start..<index]))
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                    index += 1
                }
                start = index + 1
            }
            index += 1
        }
        result.append(Array(bytes[start...]))
        return result
    }

    /// The bytes of a 1-based line, or nil when there is no such line.
    func line(_ number: Int) -> [UInt8]? {
        guard number >= 1, number <= lines.count else { return nil }
        return lines[number - 1]
    }

    /// Converts a 1-based byte column on a 1-based line into a 1-based Unicode-scalar column.
    func scalarColumn(line number: Int, byteColumn: Int) -> Int {
        let offset = max(byteColumn - 1, 0)
        guard let bytes = line(number) else { return offset + 1 }
        let end = min(offset, bytes.count)
        let marks = checkpoints[number - 1]
        let checkpoint = min(end / Self.checkpointStride, max(marks.count - 1, 0))
        var count = marks.isEmpty ? 0 : marks[checkpoint]
        for byte in bytes[(marks.isEmpty ? 0 : checkpoint * Self.checkpointStride)..<end] where byte & 0xC0 != 0x80 {
            count += 1
        }
        return count + (offset - end) + 1
    }

    /// The 1-based byte column where one of `needles` first occurs on `line` at or after `byteColumn`.
    func byteColumn(of needles: [[UInt8]], line number: Int, from byteColumn: Int) -> Int? {
        guard let bytes = line(number) else { return nil }
        var start = max(byteColumn - 1, 0)
        while start < bytes.count {
            for needle in needles where !needle.isEmpty && bytes[start...].starts(with: needle) {
                return start + 1
            }
            start += 1
        }
        return nil
    }

    /// If `line` ends with `suffix`, the number of scalars before it.
    func scalarsBefore(suffix: [UInt8], line number: Int) -> Int? {
        guard let bytes = line(number), bytes.count >= suffix.count,
            bytes[(bytes.count - suffix.count)...].elementsEqual(suffix)
        else { return nil }
        return scalarColumn(line: number, byteColumn: bytes.count - suffix.count + 1) - 1
    }
}

/// Maps cmark positions in a parsed text to positions in the Markdown the caller gave.
///
/// For a whole body the two are the same text. For a table cell, which is parsed on its own,
/// `lineOffset` and `firstLineColumnOffset` place the cell inside the body.
struct SourceLocator: Sendable {
    let columns: ScalarColumns
    let lineOffset: Int
    let firstLineColumnOffset: Int

    init(_ text: String, lineOffset: Int = 0, firstLineColumnOffset: Int = 0) {
        columns = ScalarColumns(text)
        self.lineOffset = lineOffset
        self.firstLineColumnOffset = firstLineColumnOffset
    }

    /// The caller-visible position of a cmark position (1-based line, 1-based byte column).
    ///
    /// cmark's inline columns can fall short (entities and backslash escapes are shorter once
    /// decoded; leading spaces of continuation lines are not counted), so when the source at that
    /// column does not start with one of `expecting`, the first match further right is used.
    func location(line: Int, byteColumn: Int, expecting needles: [String] = []) -> (line: Int, column: Int) {
        guard line >= 1 else {
            return (lineOffset + 1, firstLineColumnOffset + 1)
        }
        var column = max(byteColumn, 1)
        if !needles.isEmpty {
            let needleBytes = needles.map { Array($0.utf8) }
            if let found = columns.byteColumn(of: needleBytes, line: line, from: column) {
                column = found
            }
        }
        let scalarColumn = columns.scalarColumn(line: line, byteColumn: column)
        return (lineOffset + line, scalarColumn + (line == 1 ? firstLineColumnOffset : 0))
    }

    /// The caller-visible line and 1-based scalar column of a (1-based) position inside the parsed text.
    func location(line: Int, scalarColumn: Int) -> (line: Int, column: Int) {
        (lineOffset + line, scalarColumn + (line == 1 ? firstLineColumnOffset : 0))
    }
}

/// Cutting text into lines byte by byte (UTF-8) instead of Character by Character.
extension Substring {
    /// The lines of the text, cut exactly where `split(separator: "\n", omittingEmptySubsequences: false)` cuts it: at
    /// every line feed, except one that follows a carriage return (the two make one `"\r\n"` Character). So `n` cuts
    /// give `n + 1` lines, empty ones included. Finding the cuts in the UTF-8 bytes skips grapheme breaking, which made
    /// splitting the largest cost of reading a document.
    func lineSlices() -> [Substring] {
        var lines: [Substring] = []
        var start = startIndex
        while true {
            let end = lineEnd(from: start)
            lines.append(self[start..<end])
            guard end < endIndex else { return lines }
            start = utf8.index(after: end)
        }
    }

    /// The end of the line that starts at `start`: the index of the line feed that ends it, or `endIndex`.
    func lineEnd(from start: Index) -> Index {
        var index = start
        let bytes = utf8
        while let found = bytes[index...].firstIndex(of: 0x0A) {
            if found == startIndex || bytes[bytes.index(before: found)] != 0x0D { return found }
            index = bytes.index(after: found)
        }
        return endIndex
    }
}

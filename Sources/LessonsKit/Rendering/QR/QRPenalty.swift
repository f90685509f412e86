/// The mask-evaluation penalty of ISO/IEC 18004 §7.8.3: runs of one colour, 2×2 blocks, finder-like patterns and
/// the balance of dark and light modules. The mask with the lowest penalty is used.
extension QRMatrix {
    var penalty: Int {
        var result = 0
        for y in 0..<size { result += linePenalty { self[$0, y] } }
        for x in 0..<size { result += linePenalty { self[x, $0] } }
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let colour = self[x, y]
                if colour == self[x + 1, y], colour == self[x, y + 1], colour == self[x + 1, y + 1] { result += 3 }
            }
        }
        let dark = modules.filter { $0 }.count
        let total = size * size
        let k = (abs(dark * 20 - total * 10) + total - 1) / total - 1
        result += k * 10
        return result
    }

    /// Penalties N1 (runs of five or more) and N3 (1:1:3:1:1 patterns with four light modules on a side) of one line.
    private func linePenalty(_ module: (Int) -> Bool) -> Int {
        var result = 0
        var runColour = false
        var runLength = 0
        var history = [Int](repeating: 0, count: 7)
        for i in 0..<size {
            if module(i) == runColour {
                runLength += 1
                if runLength == 5 { result += 3 } else if runLength > 5 { result += 1 }
            } else {
                addHistory(runLength, &history)
                if !runColour { result += finderLikeCount(history) * 40 }
                runColour = module(i)
                runLength = 1
            }
        }
        if runColour {
            addHistory(runLength, &history)
            runLength = 0
        }
        addHistory(runLength + size, &history)  // the light quiet zone after the line
        result += finderLikeCount(history) * 40
        return result
    }

    private func addHistory(_ length: Int, _ history: inout [Int]) {
        let run = history[0] == 0 ? length + size : length  // the light quiet zone before the line
        history.removeLast()
        history.insert(run, at: 0)
    }

    private func finderLikeCount(_ h: [Int]) -> Int {
        let n = h[1]
        let core = n > 0 && h[2] == n && h[3] == n * 3 && h[4] == n && h[5] == n
        return (core && h[0] >= n * 4 && h[6] >= n ? 1 : 0) + (core && h[6] >= n * 4 && h[0] >= n ? 1 : 0)
    }
}

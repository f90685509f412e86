/// The mask-evaluation penalty of ISO/IEC 18004 §7.8.3: runs of one colour, 2×2 blocks, finder-like patterns and
/// the balance of dark and light modules. The mask with the lowest penalty is used.
extension QRMatrix {
    var penalty: Int {
        let size = self.size
        return modules.withUnsafeBufferPointer { modules in
            var result = 0
            for y in 0..<size { result += Self.linePenalty(modules, start: y * size, step: 1, size: size) }
            for x in 0..<size { result += Self.linePenalty(modules, start: x, step: size, size: size) }
            for y in 0..<(size - 1) {
                for x in 0..<(size - 1) {
                    let colour = modules[y * size + x]
                    if colour == modules[y * size + x + 1], colour == modules[(y + 1) * size + x],
                        colour == modules[(y + 1) * size + x + 1]
                    {
                        result += 3
                    }
                }
            }
            let dark = modules.reduce(0) { $0 + ($1 ? 1 : 0) }
            let total = size * size
            let k = (abs(dark * 20 - total * 10) + total - 1) / total - 1
            return result + k * 10
        }
    }

    /// The lengths of the last seven runs of a line, newest first (`h0` … `h6`).
    private struct RunHistory {
        var h0 = 0, h1 = 0, h2 = 0, h3 = 0, h4 = 0, h5 = 0, h6 = 0

        /// Pushes a run; the first run of a line includes the light quiet zone before it.
        mutating func add(_ length: Int, quietZone: Int) {
            let run = h0 == 0 ? length + quietZone : length
            (h6, h5, h4, h3, h2, h1, h0) = (h5, h4, h3, h2, h1, h0, run)
        }

        /// 1:1:3:1:1 patterns with four light modules on one side or the other.
        var finderLikeCount: Int {
            let n = h1
            let core = n > 0 && h2 == n && h3 == n * 3 && h4 == n && h5 == n
            return (core && h0 >= n * 4 && h6 >= n ? 1 : 0) + (core && h6 >= n * 4 && h0 >= n ? 1 : 0)
        }
    }

    /// Penalties N1 (runs of five or more) and N3 (1:1:3:1:1 patterns with four light modules on a side) of one line:
    /// the modules `start`, `start + step`, … (`size` of them).
    private static func linePenalty(_ modules: UnsafeBufferPointer<Bool>, start: Int, step: Int, size: Int) -> Int {
        var result = 0
        var runColour = false
        var runLength = 0
        var history = RunHistory()
        var index = start
        for _ in 0..<size {
            let module = modules[index]
            index += step
            if module == runColour {
                runLength += 1
                if runLength == 5 { result += 3 } else if runLength > 5 { result += 1 }
            } else {
                history.add(runLength, quietZone: size)
                if !runColour { result += history.finderLikeCount * 40 }
                runColour = module
                runLength = 1
            }
        }
        if runColour {
            history.add(runLength, quietZone: size)
            runLength = 0
        }
        history.add(runLength + size, quietZone: size)  // the light quiet zone after the line
        result += history.finderLikeCount * 40
        return result
    }
}

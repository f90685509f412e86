import Testing

@testable import LessonsKit

/// The mask penalty, worked out on bit-packed lines, against a plain module-by-module reading of ISO/IEC 18004
/// §7.8.3 written here: real symbols under every mask, and grids made of random runs (long
/// runs, 2×2 blocks and finder-like 1:1:3:1:1 patterns included) at sizes that fill one, two and three words a line.
@Suite struct QRPenaltyTests {
    @Test func everyMaskOfVersionsOfOneTwoAndThreeWordsScoresAsTheModuleByModuleReading() throws {
        // Versions whose lines fill one word (1–11), two (12–27) and three (28–40).
        for version in Array(1...12) + [15, 27, 28, 40] {
            let bytes = (QRCapacity.dataCodewords(version) * 8 - 4 - QRCapacity.countBits(version)) / 8
            var matrix = QRMatrix(version: version)
            matrix.drawFunctionPatterns()
            matrix.drawCodewords(
                QRCode.codewords(for: (0..<bytes).map { UInt8(($0 * 37 + version) & 0xFF) }, version: version))
            let penalties = matrix.maskPenalties
            for mask in 0..<8 {
                let masked = matrix.masked(mask)
                #expect(
                    penalties[mask] == Self.penalty(masked.modules, size: masked.size),
                    "version \(version) mask \(mask)")
            }
            let lowest = try #require(penalties.min())
            #expect(matrix.lowestPenaltyMask == penalties.firstIndex(of: lowest), "version \(version)")
        }
    }

    @Test func gridsOfRandomRunsScoreAsTheModuleByModuleReading() {
        var random = SplitMix64(seed: 27)
        var finderLike = 0
        for size in [21, 25, 37, 63, 64, 65, 101, 127, 128, 129, 177] {
            for _ in 0..<3 {
                var modules: [Bool] = []
                modules.reserveCapacity(size * size)
                // Lines of runs 1–7 long, so long runs and finder-like patterns turn up in both directions.
                var dark = Bool.random(using: &random)
                while modules.count < size * size {
                    let run = Int.random(in: 1...7, using: &random)
                    modules += Array(repeating: dark, count: min(run, size * size - modules.count))
                    dark.toggle()
                }
                let lines = QRBitLines(size: size) { modules[$1 * size + $0] }
                let expected = Self.penalty(modules, size: size)
                #expect(lines.penalty == expected, "size \(size)")
                finderLike += Self.finderLikeRows(modules, size: size)
            }
        }
        #expect(finderLike > 0, "the grids hold finder-like patterns for N3 to count")
    }

    // MARK: - The module-by-module reading

    static func penalty(_ modules: [Bool], size: Int) -> Int {
        var result = 0
        for y in 0..<size { result += linePenalty((0..<size).map { modules[y * size + $0] }) }
        for x in 0..<size { result += linePenalty((0..<size).map { modules[$0 * size + x] }) }
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
        let dark = modules.filter { $0 }.count
        let total = size * size
        let k = (abs(dark * 20 - total * 10) + total - 1) / total - 1
        return result + k * 10
    }

    /// N1 (each run of five or more: 3, plus 1 per module past five) and N3 (40 per finder-like pattern) of one line.
    static func linePenalty(_ line: [Bool]) -> Int {
        runs(line).filter { $0.length >= 5 }.reduce(0) { $0 + $1.length - 2 } + finderLikeCount(line) * 40
    }

    /// The 1:1:3:1:1 dark-light patterns of a line with four light modules before or after (each side counted).
    static func finderLikeCount(_ line: [Bool]) -> Int {
        let runs = runs(line)
        var result = 0
        // The runs with the quiet zone (light, as wide as the line) on either side (a line starting or ending dark gets a light run of zero
        // modules, widened to the quiet zone like any first or last light run).
        var lengths = runs.map(\.length)
        var colours = runs.map(\.dark)
        if colours.first == true {
            lengths.insert(0, at: 0)
            colours.insert(false, at: 0)
        }
        if colours.last == true {
            lengths.append(0)
            colours.append(false)
        }
        lengths[0] += line.count
        lengths[lengths.count - 1] += line.count
        for start in stride(from: 1, to: lengths.count - 4, by: 1) where colours[start] {
            let n = lengths[start]
            guard lengths[start + 1] == n, lengths[start + 2] == n * 3, lengths[start + 3] == n,
                lengths[start + 4] == n
            else { continue }
            let before = lengths[start - 1]
            let after = start + 5 < lengths.count ? lengths[start + 5] : 0
            if before >= n * 4 && after >= n { result += 1 }
            if after >= n * 4 && before >= n { result += 1 }
        }
        return result
    }

    static func runs(_ line: [Bool]) -> [(dark: Bool, length: Int)] {
        var runs: [(dark: Bool, length: Int)] = []
        for module in line {
            if let last = runs.last, last.dark == module {
                runs[runs.count - 1].length += 1
            } else {
                runs.append((module, 1))
            }
        }
        return runs
    }

    static func finderLikeRows(_ modules: [Bool], size: Int) -> Int {
        (0..<size).reduce(0) { count, y in count + finderLikeCount((0..<size).map { modules[y * size + $0] }) }
    }
}

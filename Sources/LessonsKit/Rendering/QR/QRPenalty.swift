/// The mask-evaluation penalty of ISO/IEC 18004 §7.8.3: runs of one colour, 2×2 blocks, finder-like patterns and
/// the balance of dark and light modules. The mask with the lowest penalty is used.
///
/// Every lesson poster draws a QR code, and choosing its mask scores all eight masked symbols, so the scoring works on
/// rows and columns packed into bits (``QRBitLines``): a mask is applied with a few XORs per line, a line's runs are
/// found by counting trailing zero bits, 2×2 blocks and dark modules by counting set bits.
extension QRMatrix {
    /// The mask whose penalty is lowest (the lower mask number on a tie).
    var lowestPenaltyMask: Int {
        let penalties = maskPenalties
        return penalties.indices.min { penalties[$0] < penalties[$1] || (penalties[$0] == penalties[$1] && $0 < $1) }
            ?? 0
    }

    /// The penalty of the symbol under each mask, 0 to 7 (as ``masked(_:)`` would draw it).
    var maskPenalties: [Int] {
        let unmasked = QRBitLines(size: size) { modules[$1 * size + $0] }
        let function = QRBitLines(size: size) { isFunction[$1 * size + $0] }
        return (0..<8).map { mask in
            var lines = unmasked.masked(mask, sparing: function)
            for module in Self.formatModules(mask: mask, size: size) {
                lines.set(x: module.x, y: module.y, dark: module.dark)
            }
            return lines.penalty
        }
    }
}

/// A square of modules as bits, both row by row and column by column, so that every line of either direction is a
/// run of whole words (`wordsPerLine` of them, bit `i % 64` of word `i / 64` being module `i` of the line).
struct QRBitLines {
    let size: Int
    let wordsPerLine: Int
    /// Row `y` is `rows[y * wordsPerLine ..< (y + 1) * wordsPerLine]`; bits past `size` are clear.
    private(set) var rows: [UInt64]
    /// Column `x` is `columns[x * wordsPerLine ..< (x + 1) * wordsPerLine]`; bits past `size` are clear.
    private(set) var columns: [UInt64]

    init(size: Int, dark: (_ x: Int, _ y: Int) -> Bool) {
        self.size = size
        wordsPerLine = (size + 63) / 64
        rows = Array(repeating: 0, count: size * wordsPerLine)
        columns = rows
        for y in 0..<size {
            for x in 0..<size where dark(x, y) {
                rows[y * wordsPerLine + (x >> 6)] |= 1 << UInt64(x & 63)
                columns[x * wordsPerLine + (y >> 6)] |= 1 << UInt64(y & 63)
            }
        }
    }

    mutating func set(x: Int, y: Int, dark: Bool) {
        let rowBit: UInt64 = 1 << UInt64(x & 63)
        let columnBit: UInt64 = 1 << UInt64(y & 63)
        if dark {
            rows[y * wordsPerLine + (x >> 6)] |= rowBit
            columns[x * wordsPerLine + (y >> 6)] |= columnBit
        } else {
            rows[y * wordsPerLine + (x >> 6)] &= ~rowBit
            columns[x * wordsPerLine + (y >> 6)] &= ~columnBit
        }
    }

    /// The modules with mask `mask` applied to every module that `function` leaves clear.
    ///
    /// Every mask pattern repeats every 6 modules along a row and every 12 down a column, so each line's pattern is
    /// the bits of one period repeated along the line's words.
    func masked(_ mask: Int, sparing function: QRBitLines) -> QRBitLines {
        var copy = self
        let rowPeriods = (0..<12).map { y in Self.period(6) { QRMatrix.maskFlips(mask, x: $0, y: y) } }
        let columnPeriods = (0..<6).map { x in Self.period(12) { QRMatrix.maskFlips(mask, x: x, y: $0) } }
        for line in 0..<size {
            for word in 0..<wordsPerLine {
                let index = line * wordsPerLine + word
                let flips = Self.repeated(rowPeriods[line % 12], period: 6, from: word * 64) & validBits(word)
                copy.rows[index] ^= flips & ~function.rows[index]
                let columnFlips =
                    Self.repeated(columnPeriods[line % 6], period: 12, from: word * 64) & validBits(word)
                copy.columns[index] ^= columnFlips & ~function.columns[index]
            }
        }
        return copy
    }

    /// N1 + N2 + N3 + N4 of §7.8.3.
    var penalty: Int {
        var result = 0
        rows.withUnsafeBufferPointer { rows in
            columns.withUnsafeBufferPointer { columns in
                for line in 0..<size {
                    let start = line * wordsPerLine
                    result += linePenalty(UnsafeBufferPointer(rebasing: rows[start..<(start + wordsPerLine)]))
                    result += linePenalty(UnsafeBufferPointer(rebasing: columns[start..<(start + wordsPerLine)]))
                }
                // N2: a 2×2 block of one colour is a module whose right, lower and lower-right neighbours match it.
                for y in 0..<(size - 1) {
                    for word in 0..<wordsPerLine {
                        let upper = rows[y * wordsPerLine + word]
                        let lower = rows[(y + 1) * wordsPerLine + word]
                        let upperNext = shiftedDown(rows, line: y, word: word)
                        let lowerNext = shiftedDown(rows, line: y + 1, word: word)
                        let same = ~(upper ^ lower) & ~(upper ^ upperNext) & ~(lower ^ lowerNext)
                        result += (same & validBits(word, count: size - 1)).nonzeroBitCount * 3
                    }
                }
            }
        }
        let dark = rows.reduce(0) { $0 + $1.nonzeroBitCount }
        let total = size * size
        let k = (abs(dark * 20 - total * 10) + total - 1) / total - 1
        return result + k * 10
    }

    /// Word `word` of line `line` moved down one module: bit `i` holds module `i + 1`.
    private func shiftedDown(_ lines: UnsafeBufferPointer<UInt64>, line: Int, word: Int) -> UInt64 {
        let index = line * wordsPerLine + word
        let carry = word + 1 < wordsPerLine ? lines[index + 1] << 63 : 0
        return (lines[index] >> 1) | carry
    }

    /// The bits of word `word` that hold one of the first `count` modules of a line.
    private func validBits(_ word: Int, count: Int? = nil) -> UInt64 {
        let left = (count ?? size) - word * 64
        return left >= 64 ? ~0 : left <= 0 ? 0 : (1 << UInt64(left)) - 1
    }

    /// Penalties N1 (runs of five or more) and N3 (1:1:3:1:1 patterns with four light modules on a side) of one line,
    /// the line being read run by run; the light quiet zone lies beyond both ends.
    private func linePenalty(_ line: UnsafeBufferPointer<UInt64>) -> Int {
        var result = 0
        var history = RunHistory()
        var dark = false
        var length = 0
        var position = 0
        while true {
            let end = nextChange(line, from: position, dark: dark)
            length += end - position
            position = end
            guard position < size else { break }
            if length >= 5 { result += length - 2 }
            history.add(length, quietZone: size)
            if !dark { result += history.finderLikeCount * 40 }
            dark.toggle()
            length = 0
        }
        if length >= 5 { result += length - 2 }
        if dark {
            history.add(length, quietZone: size)
            length = 0
        }
        history.add(length + size, quietZone: size)  // the light quiet zone after the line
        return result + history.finderLikeCount * 40
    }

    /// The first module at or after `position` that is not of colour `dark`, or `size` when there is none.
    private func nextChange(_ line: UnsafeBufferPointer<UInt64>, from position: Int, dark: Bool) -> Int {
        var position = position
        while position < size {
            let offset = position & 63
            let word = line[position >> 6] >> UInt64(offset)
            let other = dark ? ~word : word
            let zeros = other.trailingZeroBitCount
            if zeros < 64 - offset { return min(position + zeros, size) }
            position += 64 - offset
        }
        return size
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

    /// The bits of one period of a pattern: bit `i` is `flips(i)`.
    private static func period(_ length: Int, _ flips: (Int) -> Bool) -> UInt64 {
        (0..<length).reduce(0) { $0 | (flips($1) ? 1 << UInt64($1) : 0) }
    }

    /// A word of the pattern whose bit `i` is bit `i % length` of `period`, for the word starting at module `start`.
    private static func repeated(_ period: UInt64, period length: Int, from start: Int) -> UInt64 {
        let phase = start % length
        let full: UInt64 = (1 << UInt64(length)) - 1
        let rotated = (period >> UInt64(phase) | period << UInt64(length - phase)) & full
        var word: UInt64 = 0
        var shift = 0
        while shift < 64 {
            word |= rotated << UInt64(shift)
            shift += length
        }
        return word
    }
}

/// The module grid of a QR Code while it is being drawn: function patterns (finders, timing, alignment, format and
/// version information) are marked so that data placement and masking leave them alone.
struct QRMatrix {
    let version: Int
    let size: Int
    private(set) var modules: [Bool]
    private(set) var isFunction: [Bool]

    init(version: Int) {
        self.version = version
        size = QRCapacity.size(version)
        modules = Array(repeating: false, count: size * size)
        isFunction = Array(repeating: false, count: size * size)
    }

    subscript(x: Int, y: Int) -> Bool { modules[y * size + x] }

    private mutating func setFunction(_ x: Int, _ y: Int, _ dark: Bool) {
        modules[y * size + x] = dark
        isFunction[y * size + x] = true
    }

    mutating func drawFunctionPatterns() {
        for i in 0..<size {
            setFunction(6, i, i % 2 == 0)
            setFunction(i, 6, i % 2 == 0)
        }
        drawFinder(3, 3)
        drawFinder(size - 4, 3)
        drawFinder(3, size - 4)
        let positions = QRCapacity.alignmentPositions(version)
        let last = positions.count - 1
        for (i, x) in positions.enumerated() {
            for (j, y) in positions.enumerated()
            where !((i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0)) {
                for dy in -2...2 { for dx in -2...2 { setFunction(x + dx, y + dy, max(abs(dx), abs(dy)) != 1) } }
            }
        }
        drawFormatBits(mask: 0)  // reserves the area; drawn again once the mask is chosen
        drawVersion()
    }

    private mutating func drawFinder(_ x: Int, _ y: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let distance = max(abs(dx), abs(dy))
                let xx = x + dx
                let yy = y + dy
                if xx >= 0, xx < size, yy >= 0, yy < size { setFunction(xx, yy, distance != 2 && distance != 4) }
            }
        }
    }

    /// Level M (format bits 00) and the mask, BCH-coded and XORed with 101010000010010 (ISO/IEC 18004 §7.9).
    mutating func drawFormatBits(mask: Int) {
        for module in Self.formatModules(mask: mask, size: size) { setFunction(module.x, module.y, module.dark) }
    }

    /// The format information's modules for `mask`, both copies, and the dark module.
    static func formatModules(mask: Int, size: Int) -> [(x: Int, y: Int, dark: Bool)] {
        let data = (0b00 << 3) | mask
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        let bits = ((data << 10) | remainder) ^ 0x5412
        func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
        var modules: [(x: Int, y: Int, dark: Bool)] = []
        modules.reserveCapacity(31)
        for i in 0...5 { modules.append((8, i, bit(i))) }
        modules.append((8, 7, bit(6)))
        modules.append((8, 8, bit(7)))
        modules.append((7, 8, bit(8)))
        for i in 9..<15 { modules.append((14 - i, 8, bit(i))) }
        for i in 0..<8 { modules.append((size - 1 - i, 8, bit(i))) }
        for i in 8..<15 { modules.append((8, size - 15 + i, bit(i))) }
        modules.append((8, size - 8, true))  // the dark module
        return modules
    }

    /// Version information (versions 7 and up): 6 bits and a 12-bit BCH code, in two 6×3 blocks (§7.10).
    private mutating func drawVersion() {
        guard version >= 7 else { return }
        var remainder = version
        for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
        let bits = (version << 12) | remainder
        for i in 0..<18 {
            let dark = (bits >> i) & 1 == 1
            let a = size - 11 + i % 3
            let b = i / 3
            setFunction(a, b, dark)
            setFunction(b, a, dark)
        }
    }

    /// Places codeword bits in the zigzag of two-module columns, right to left, skipping the vertical timing column.
    mutating func drawCodewords(_ data: [UInt8]) {
        var index = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            for vertical in 0..<size {
                for j in 0..<2 {
                    let x = right - j
                    let upward = (right + 1) & 2 == 0
                    let y = upward ? size - 1 - vertical : vertical
                    if !isFunction[y * size + x], index < data.count * 8 {
                        modules[y * size + x] = (data[index >> 3] >> (7 - (index & 7))) & 1 == 1
                        index += 1
                    }
                }
            }
            right -= 2
        }
    }

    /// A copy with data modules flipped by mask `mask` and that mask's format bits drawn.
    func masked(_ mask: Int) -> QRMatrix {
        var copy = self
        let size = self.size
        isFunction.withUnsafeBufferPointer { isFunction in
            copy.modules.withUnsafeMutableBufferPointer { modules in
                for y in 0..<size {
                    for x in 0..<size where !isFunction[y * size + x] && Self.maskFlips(mask, x: x, y: y) {
                        modules[y * size + x].toggle()
                    }
                }
            }
        }
        copy.drawFormatBits(mask: mask)
        return copy
    }

    static func maskFlips(_ mask: Int, x: Int, y: Int) -> Bool {
        switch mask {
        case 0: return (x + y) % 2 == 0
        case 1: return y % 2 == 0
        case 2: return x % 3 == 0
        case 3: return (x + y) % 3 == 0
        case 4: return (x / 3 + y / 2) % 2 == 0
        case 5: return x * y % 2 + x * y % 3 == 0
        case 6: return (x * y % 2 + x * y % 3) % 2 == 0
        default: return ((x + y) % 2 + x * y % 3) % 2 == 0
        }
    }
}

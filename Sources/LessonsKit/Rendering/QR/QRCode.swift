/// A QR Code symbol (ISO/IEC 18004:2015) holding bytes in byte mode at error-correction level M, in the smallest
/// version (1–40) that fits, with the mask of lowest penalty. Written for the lesson posters' links, since no Swift QR
/// library is among the project's packages; tested by decoding the codes with a real decoder (zbarimg).
struct QRCode: Sendable, Hashable {
    /// The version (1–40): the symbol is `4 × version + 17` modules a side.
    let version: Int
    /// Modules per side, without the quiet zone.
    let size: Int
    /// The mask pattern applied (0–7).
    let mask: Int
    /// Dark modules, row by row: `modules[y * size + x]`.
    let modules: [Bool]

    /// Encodes UTF-8 text; nil when it is too long for any version (over 2,331 bytes).
    init?(text: String) {
        self.init(bytes: Array(text.utf8))
    }

    /// Encodes bytes; `forcedMask` skips the penalty evaluation (for tests of every mask).
    init?(bytes: [UInt8], forcedMask: Int? = nil) {
        guard let version = QRCapacity.smallestVersion(for: bytes.count) else { return nil }
        var matrix = QRMatrix(version: version)
        matrix.drawFunctionPatterns()
        matrix.drawCodewords(Self.codewords(for: bytes, version: version))
        // Each mask's penalty once (lowest wins, the lower mask number on a tie).
        let mask = forcedMask ?? matrix.lowestPenaltyMask
        let final = matrix.masked(mask)
        self.version = version
        self.size = final.size
        self.mask = mask
        self.modules = final.modules
    }

    /// Whether the module at column `x`, row `y` is dark; outside the symbol, false (the quiet zone).
    subscript(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < size, y < size else { return false }
        return modules[y * size + x]
    }

    /// Mode indicator, count, data, terminator and padding, split into blocks with their error correction and
    /// interleaved (ISO/IEC 18004 §7.4 and §7.6).
    static func codewords(for bytes: [UInt8], version: Int) -> [UInt8] {
        let capacity = QRCapacity.dataCodewords(version)
        var bits = QRBitBuffer()
        bits.append(0b0100, count: 4)
        bits.append(bytes.count, count: QRCapacity.countBits(version))
        for byte in bytes { bits.append(Int(byte), count: 8) }
        bits.append(0, count: min(4, capacity * 8 - bits.count))
        bits.append(0, count: (8 - bits.count % 8) % 8)
        var data = bits.bytes
        var pad: UInt8 = 0xEC
        while data.count < capacity {
            data.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return interleave(data, version: version)
    }

    static func interleave(_ data: [UInt8], version: Int) -> [UInt8] {
        let blockCount = QRCapacity.blocks[version]
        let eccLength = QRCapacity.eccCodewordsPerBlock[version]
        let raw = QRCapacity.rawDataModules(version) / 8
        let shortBlocks = blockCount - raw % blockCount
        let shortLength = raw / blockCount
        let divisor = QRReedSolomon.divisor(degree: eccLength)
        var blocks: [[UInt8]] = []
        var offset = 0
        for index in 0..<blockCount {
            let length = shortLength - eccLength + (index < shortBlocks ? 0 : 1)
            let chunk = Array(data[offset..<min(offset + length, data.count)])
            offset += length
            var block = chunk
            if index < shortBlocks { block.append(0) }  // a place holder, skipped when interleaving
            block += QRReedSolomon.remainder(chunk, divisor: divisor)
            blocks.append(block)
        }
        var result: [UInt8] = []
        for column in 0..<(blocks.first?.count ?? 0) {
            for (index, block) in blocks.enumerated() where column != shortLength - eccLength || index >= shortBlocks {
                result.append(block[column])
            }
        }
        return result
    }
}

/// Bits appended most significant first.
struct QRBitBuffer {
    private(set) var bits: [Bool] = []
    var count: Int { bits.count }

    mutating func append(_ value: Int, count: Int) {
        guard count > 0 else { return }
        for shift in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> shift) & 1 == 1) }
    }

    var bytes: [UInt8] {
        stride(from: 0, to: bits.count, by: 8).map { start in
            var byte: UInt8 = 0
            for offset in 0..<8 { byte = byte << 1 | (start + offset < bits.count && bits[start + offset] ? 1 : 0) }
            return byte
        }
    }
}

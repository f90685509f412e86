/// Sizes of QR Code versions 1–40 at error-correction level M (ISO/IEC 18004 Table 9).
enum QRCapacity {
    static let versions = 1...40

    /// Error-correction codewords per block at level M, by version (index 0 unused).
    static let eccCodewordsPerBlock: [Int] = [
        0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
        26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
    ]

    /// Error-correction blocks at level M, by version (index 0 unused).
    static let blocks: [Int] = [
        0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
        17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
    ]

    /// Modules per side: 21 for version 1, four more per version.
    static func size(_ version: Int) -> Int { version * 4 + 17 }

    /// Modules left for data and error correction once the function patterns and format/version areas are taken.
    static func rawDataModules(_ version: Int) -> Int {
        var result = (16 * version + 128) * version + 64
        if version >= 2 {
            let alignments = version / 7 + 2
            result -= (25 * alignments - 10) * alignments - 55
            if version >= 7 { result -= 36 }
        }
        return result
    }

    /// Data codewords (8-bit) the version holds at level M.
    static func dataCodewords(_ version: Int) -> Int {
        rawDataModules(version) / 8 - eccCodewordsPerBlock[version] * blocks[version]
    }

    /// Bits of the character count in byte mode.
    static func countBits(_ version: Int) -> Int { version <= 9 ? 8 : 16 }

    /// The smallest version that holds `byteCount` bytes in byte mode, or nil when none does (over 2,331 bytes).
    static func smallestVersion(for byteCount: Int) -> Int? {
        versions.first {
            4 + countBits($0) + 8 * byteCount <= dataCodewords($0) * 8 && byteCount < (1 << countBits($0))
        }
    }

    /// Centres of the alignment patterns along one axis (ISO/IEC 18004 Annex E).
    static func alignmentPositions(_ version: Int) -> [Int] {
        guard version > 1 else { return [] }
        let count = version / 7 + 2
        let step = (version * 8 + count * 3 + 5) / (count * 4 - 4) * 2
        var result = [6]
        var position = size(version) - 7
        while result.count < count {
            result.insert(position, at: 1)
            position -= step
        }
        return result
    }
}

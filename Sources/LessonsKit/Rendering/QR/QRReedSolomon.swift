/// Reed–Solomon error correction over GF(2⁸) with the QR Code polynomial x⁸ + x⁴ + x³ + x² + 1 (ISO/IEC 18004 §7.5.2).
enum QRReedSolomon {
    /// The generator polynomial of the given degree, highest coefficient first, leading 1 left out.
    static func divisor(degree: Int) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: degree)
        guard degree > 0 else { return result }
        result[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for j in 0..<degree {
                result[j] = multiply(result[j], root)
                if j + 1 < degree { result[j] ^= result[j + 1] }
            }
            root = multiply(root, 0x02)
        }
        return result
    }

    /// The error-correction codewords of `data` for a divisor from `divisor(degree:)`.
    static func remainder(_ data: [UInt8], divisor: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: divisor.count)
        guard !divisor.isEmpty else { return result }
        let last = result.count - 1
        for byte in data {
            let factor = byte ^ result[0]
            for index in 0..<last { result[index] = result[index + 1] ^ multiply(divisor[index], factor) }
            result[last] = multiply(divisor[last], factor)
        }
        return result
    }

    /// Product of two field elements, reduced modulo 0x11D, through the field's logarithm tables.
    static func multiply(_ x: UInt8, _ y: UInt8) -> UInt8 {
        guard x != 0, y != 0 else { return 0 }
        let tables = Self.tables
        return tables.exponent[Int(tables.logarithm[Int(x)]) + Int(tables.logarithm[Int(y)])]
    }

    /// Powers of the generator 2 (twice over, so that a sum of two logarithms needs no reduction) and their logarithms.
    private static let tables: (exponent: [UInt8], logarithm: [UInt8]) = {
        var exponent = [UInt8](repeating: 0, count: 510)
        var logarithm = [UInt8](repeating: 0, count: 256)
        var value = 1
        for power in 0..<255 {
            exponent[power] = UInt8(value)
            exponent[power + 255] = UInt8(value)
            logarithm[value] = UInt8(power)
            value <<= 1
            if value & 0x100 != 0 { value ^= 0x11D }
        }
        return (exponent, logarithm)
    }()
}

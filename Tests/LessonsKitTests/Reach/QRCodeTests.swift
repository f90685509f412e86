import Foundation
import Testing

@testable import LessonsKit

/// The QR encoder, checked against a real decoder: every code is drawn as an image and read back with `zbarimg`
/// (Debian `zbar-tools`, installed by `.ci/run`).
@Suite struct QRCodeTests {
    static let zbarimg = ["/usr/bin/zbarimg", "/usr/local/bin/zbarimg"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Decodes a PBM image with zbarimg; returns the text of the one code found.
    static func decode(pbm: String) throws -> String? {
        guard let zbarimg else { return nil }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString).pbm")
        try Data(pbm.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try ExternalProgram.run(zbarimg, ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", file.path])
        guard result.status == 0 else { return nil }
        var text = String(decoding: result.output, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    @Test func reedSolomonMatchesAWorkedExample() {
        // "HELLO WORLD" in version 1-M (alphanumeric mode), a widely published worked example: its 16 data codewords
        // give these 10 error-correction codewords.
        let data: [UInt8] = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
        let ecc = QRReedSolomon.remainder(data, divisor: QRReedSolomon.divisor(degree: 10))
        #expect(ecc == [196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
    }

    @Test func picksTheSmallestVersionAndKnowsTheLimit() throws {
        #expect(
            try #require(QRCode(text: String(repeating: "a", count: 14))).version == 1, "version 1-M holds 14 bytes")
        #expect(try #require(QRCode(text: String(repeating: "a", count: 15))).version == 2)
        #expect(try #require(QRCode(text: String(repeating: "a", count: 2331))).version == 40)
        #expect(QRCode(text: String(repeating: "a", count: 2332)) == nil, "too long for any version")
        #expect(try #require(QRCode(text: "https://example.org/")).size == 25)
    }

    @Test(.enabled(if: zbarimg != nil)) func zbarimgDecodesCodesOfEveryVersion() throws {
        // One text per version (the longest it holds), plus typical lesson addresses and non-ASCII text.
        var texts = QRCapacity.versions.map { version -> String in
            let bytes = (QRCapacity.dataCodewords(version) * 8 - 4 - QRCapacity.countBits(version)) / 8
            let alphabet = Array("https://intranet.example.nhs.uk/learning/lessons/ll-2026-001/?q=")
            return String((0..<bytes).map { alphabet[($0 * 7 + version) % alphabet.count] })
        }
        texts += ["https://intranet.example.nhs.uk/learning/lessons/ll-2026-001/", "a", "Ward 3 — café"]
        for text in texts {
            let code = try #require(QRCode(text: text), "\(text.utf8.count) bytes")
            #expect(try Self.decode(pbm: code.pbm()) == text, "version \(code.version), mask \(code.mask)")
        }
    }

    @Test(.enabled(if: zbarimg != nil)) func everyMaskDecodes() throws {
        let text = "https://intranet.example.nhs.uk/learning/lessons/ll-2026-009/"
        for mask in 0..<8 {
            let code = try #require(QRCode(bytes: Array(text.utf8), forcedMask: mask))
            #expect(try Self.decode(pbm: code.pbm()) == text, "mask \(mask)")
        }
    }

    @Test func svgDrawsEveryDarkModuleAndNothingElse() throws {
        let code = try #require(QRCode(text: "https://example.org/lessons/ll-1/"))
        let svg = code.svg(label: "QR code <link>")
        #expect(svg.contains("aria-label=\"QR code &lt;link&gt;\""))
        let matrix = try #require(QRSVGReader.modules(svg))
        #expect(matrix.size == code.size + 2 * QRCode.quietZone)
        for y in 0..<code.size { for x in 0..<code.size { #expect(matrix[x + 4, y + 4] == code[x, y]) } }
    }
}

/// Reads the module grid back out of `QRCode.svg` (the `M x y h n v1 h-n z` runs), so tests decode what pages carry.
enum QRSVGReader {
    struct Grid {
        let size: Int
        var dark: Set<Int>
        subscript(x: Int, y: Int) -> Bool { dark.contains(y * size + x) }

        /// A PBM image of the grid, `scale` pixels per module.
        func pbm(scale: Int = 4) -> String {
            let side = size * scale
            var lines = ["P1", "\(side) \(side)"]
            for row in 0..<side {
                lines.append((0..<side).map { self[$0 / scale, row / scale] ? "1" : "0" }.joined(separator: " "))
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    static func modules(_ svg: String) -> Grid? {
        guard let box = svg.range(of: "viewBox=\"0 0 "), let end = svg[box.upperBound...].firstIndex(of: " "),
            let size = Int(svg[box.upperBound..<end]),
            let start = svg.range(of: " d=\""), let close = svg[start.upperBound...].firstIndex(of: "\"")
        else { return nil }
        var grid = Grid(size: size, dark: [])
        for run in svg[start.upperBound..<close].split(separator: "z") {
            let numbers = run.split(whereSeparator: { "Mhv ".contains($0) }).compactMap { Int($0) }
            guard numbers.count >= 3 else { return nil }
            for x in numbers[0]..<(numbers[0] + numbers[2]) { grid.dark.insert(numbers[1] * size + x) }
        }
        return grid
    }
}

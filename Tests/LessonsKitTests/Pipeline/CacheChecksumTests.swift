import Testing

@testable import LessonsKit

/// The build cache files end with XXH3-64 of what comes before (little-endian): the published value for no bytes, the
/// same checksum whether the bytes come at once or in pieces, and a file with any byte changed no longer reads.
@Suite("Cache checksum")
struct CacheChecksumTests {
    /// `value` as the eight bytes that end a file.
    static func littleEndian(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    @Test func noBytesGiveXXH3sPublishedValue() {
        #expect([UInt8]().withUnsafeBytes(CacheChecksum.of) == Self.littleEndian(0x2D06_8005_38D3_94C2))
        #expect(CacheChecksum().finalize() == Self.littleEndian(0x2D06_8005_38D3_94C2))
    }

    @Test(arguments: [1, 7, 64, 1000, 4096])
    func piecesGiveTheChecksumOfTheWhole(pieceSize: Int) {
        let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 5) }
        let whole = bytes.withUnsafeBytes(CacheChecksum.of)
        let checksum = CacheChecksum()
        for start in stride(from: 0, to: bytes.count, by: pieceSize) {
            bytes[start..<min(start + pieceSize, bytes.count)].withUnsafeBytes(checksum.update)
        }
        #expect(checksum.finalize() == whole)
        #expect(ChecksummedFile.checksum(bytes) == whole)
        #expect(ChecksummedFile.checksum(bytes[...]) == whole)
        #expect(whole.count == CacheChecksum.byteCount)
    }

    @Test func aFileWithAnyByteChangedOrCutShortIsNotRead() {
        let magic = Array("TEST".utf8)
        let content = magic + Array("the content of a cache file".utf8)
        let file = content + ChecksummedFile.checksum(content)
        #expect(ChecksummedFile.content(of: file, magic: magic) == magic.count..<content.count)
        for index in file.indices {
            var damaged = file
            damaged[index] ^= 0x01
            #expect(ChecksummedFile.content(of: damaged, magic: magic) == nil, "byte \(index) flipped")
        }
        #expect(ChecksummedFile.content(of: Array(file.dropLast()), magic: magic) == nil)
        #expect(ChecksummedFile.content(of: Array(file.prefix(5)), magic: magic) == nil)
    }
}

import Foundation
import Testing

@testable import LessonsKit

/// Large cache files are mapped rather than read (``MappedFile``): the bytes are the file's, a file replaced by a newer
/// one (as the cache writer replaces them, by renaming) leaves a mapping made earlier as it was, and a missing or empty
/// file gives nothing.
@Suite("Mapped cache files")
struct MappedFileTests {
    static func folder() throws -> String {
        let path = NSTemporaryDirectory() + "mapped-file-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func bytes(_ count: Int, seed: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: ($0 &* 131) ^ ($0 >> 9) &+ seed) }
    }

    @Test(arguments: [1, 4096, MappedFile.smallest - 1, MappedFile.smallest, 3 * MappedFile.smallest + 17])
    func aFileReadsAsItsBytesWhateverItsSize(count: Int) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bytes = Self.bytes(count, seed: count)
        let path = folder + "/file.bin"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let file = try #require(MappedFile.at(path))
        #expect(file.count == count)
        #expect(file.withUnsafeBytes { Array($0) } == bytes)
    }

    @Test func aMappingKeepsItsBytesWhenTheFileIsReplacedByRenaming() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/cards.bin"
        let first = Self.bytes(2 * MappedFile.smallest, seed: 1)
        try Data(first).write(to: URL(fileURLWithPath: path))
        let file = try #require(MappedFile.at(path))
        let second = Self.bytes(5 * MappedFile.smallest, seed: 2)
        try Data(second).write(to: URL(fileURLWithPath: folder + "/new.tmp"))
        #expect(rename(folder + "/new.tmp", path) == 0)
        #expect(file.withUnsafeBytes { Array($0) } == first)
        #expect(MappedFile.at(path)?.withUnsafeBytes { Array($0) } == second)
    }

    @Test func aMissingEmptyOrNonRegularFileGivesNothing() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(MappedFile.at(folder + "/missing.bin") == nil)
        #expect(FileManager.default.createFile(atPath: folder + "/empty.bin", contents: Data()))
        #expect(MappedFile.at(folder + "/empty.bin") == nil)
        #expect(MappedFile.at(folder) == nil)
    }

    @Test func bytesInMemoryAreHeldAsTheyAre() {
        let bytes = Self.bytes(100, seed: 3)
        let file = MappedFile(bytes)
        #expect(file.count == 100)
        #expect(file.withUnsafeBytes { Array($0) } == bytes)
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes of a large cache file, mapped read-only into memory rather than read into an array.
///
/// A rebuild reads tens of megabytes of cache (decoded documents, the last build's cards) and decodes a part of them:
/// mapped, the bytes are the file system's own pages, neither copied nor zeroed, and only the pages read are touched.
/// The cache's files are replaced by renaming a new file over the old (``BuildCacheWriter``, ``DecodedDocumentWriter``),
/// never rewritten in place, so a mapping keeps the bytes it was made with for as long as it lives. (Another program
/// cutting a cache file short in place while a build reads it would stop the build with a bus error: the cache folder
/// is the tool's own, and only one build uses it at a time.) Bytes made in memory (tests) are held as they are.
final class MappedFile: @unchecked Sendable {
    // Immutable after init: the mapping is read-only and only unmapped when the last reference goes.
    private let base: UnsafeRawPointer?
    private let mappedCount: Int
    private let held: [UInt8]?

    /// The number of bytes.
    var count: Int { held?.count ?? mappedCount }

    /// Files smaller than this are read: mapping costs more than copying a few pages.
    static let smallest = 64 << 10

    /// The regular file at `path` (following links), mapped, or read when small; nil when it is missing, not a regular
    /// file, empty or cannot be mapped.
    static func at(_ path: String) -> MappedFile? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        // Read from the descriptor already open: the file is not looked up again.
        guard size >= smallest else { return FileFacts.contents(ofOpen: descriptor, size: size).map(MappedFile.init) }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            return FileFacts.contents(ofOpen: descriptor, size: size).map(MappedFile.init)
        }
        return MappedFile(mapped: UnsafeRawPointer(address), count: size)
    }

    /// Bytes already in memory.
    init(_ bytes: [UInt8]) {
        held = bytes
        base = nil
        mappedCount = 0
    }

    private init(mapped: UnsafeRawPointer, count: Int) {
        held = nil
        base = mapped
        mappedCount = count
    }

    deinit {
        if let base { munmap(UnsafeMutableRawPointer(mutating: base), mappedCount) }
    }

    /// Runs `body` with the bytes, which stay valid only while it runs.
    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        if let held { return try held.withUnsafeBytes(body) }
        return try body(UnsafeRawBufferPointer(start: base, count: mappedCount))
    }
}

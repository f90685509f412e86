import Cxxhash

/// The checksum that ends every binary cache file (``ChecksummedFile``): the 64-bit XXH3 of everything before it,
/// little-endian, from Debian's libxxhash.
///
/// It only has to tell a damaged file (truncated, corrupt, half-written) from a whole one; the keys that say whether
/// something changed stay SHA-256. A rebuild of a 10,000-document site reads and writes about 90 MB of cache files,
/// which SHA-256 took some 60 ms of CPU to check; XXH3 takes a few.
final class CacheChecksum {
    /// The bytes of a checksum.
    static let byteCount = 8

    private let state: OpaquePointer?
    /// Set when the state could not be made: every update is then ignored and the checksum matches no file.
    private var failed = false

    /// A checksum of no bytes yet, to be fed with ``update(_:)``.
    init() {
        state = XXH3_createState()
        failed = state.map { XXH3_64bits_reset($0) != XXH_OK } ?? true
    }

    deinit {
        if let state { XXH3_freeState(state) }
    }

    /// Adds `bytes`.
    func update(_ bytes: UnsafeRawBufferPointer) {
        guard !failed, let state, !bytes.isEmpty else { return }
        failed = XXH3_64bits_update(state, bytes.baseAddress, bytes.count) != XXH_OK
    }

    /// The checksum of every byte added, as it ends a file (all zeros after a failure, which a file never ends with
    /// by chance in practice, and which the reader's one-shot checksum then does not match).
    func finalize() -> [UInt8] {
        guard !failed, let state else { return Array(repeating: 0, count: Self.byteCount) }
        return Self.bytes(of: XXH3_64bits_digest(state))
    }

    /// The checksum of `bytes` at once.
    static func of(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        Self.bytes(of: XXH3_64bits(bytes.baseAddress, bytes.count))
    }

    private static func bytes(of value: XXH64_hash_t) -> [UInt8] {
        (0..<byteCount).map { UInt8(truncatingIfNeeded: UInt64(value) >> (8 * $0)) }
    }
}

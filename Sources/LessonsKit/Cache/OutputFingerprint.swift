import Crypto

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fingerprint of an output folder as it is on disk: every entry's path, type, size, inode and modification time,
/// hashed. A file edited, added, removed or replaced since the build changes it, so a rebuild that would skip the work
/// first checks that the folder is still exactly what the last build left.
///
/// The walk works relative to each open folder (no path is looked up again from the root) and hashes each entry's
/// facts as bytes, folder by folder with the names sorted, so that the order never depends on the file system. Wide
/// folders are walked by several threads, each adding the facts of its own run of names; the runs are joined in order,
/// so the fingerprint is the same as one thread's.
enum OutputFingerprint {
    /// The fingerprint of the folder at `path`, or nil when it is missing or cannot be read.
    static func of(_ path: String) -> String? {
        survey(path, stamps: false)?.fingerprint
    }

    /// What one walk of an output folder found: its fingerprint and, when asked for, the stamp of each regular file in
    /// it, so that a build that just wrote the folder stats each file once for both (see
    /// ``PageDigestFile/stamps(of:among:settle:)``).
    struct Survey: Sendable {
        let fingerprint: String
        /// The stamp of each regular file by its path inside the folder (names that are not UTF-8 are left out).
        let files: [String: FileStamp]
        /// When the walk began, in nanoseconds since 1970 (see ``InputStamps/now()``).
        let began: Int64
        /// How many entries (files, folders and anything else) the folder holds, at any depth.
        let entryCount: Int
    }

    /// Walks the folder at `path` once for its fingerprint and, with `stamps`, its files' stamps; nil when it is
    /// missing or something in it cannot be read.
    static func survey(_ path: String, stamps: Bool = true) -> Survey? {
        let began = InputStamps.now()
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var part = Part()
        guard walk(descriptor, relative: [], parallel: true, stamps: stamps, into: &part) else { return nil }
        var hasher = SHA256()
        hasher.update(data: part.facts)
        return Survey(
            fingerprint: SHA256Hex.hex(hasher.finalize()),
            files: Dictionary(part.files, uniquingKeysWith: { first, _ in first }), began: began,
            entryCount: part.entryCount)
    }

    /// The facts of a run of entries, in walk order, and the stamps of its regular files.
    private struct Part: Sendable {
        var facts: [UInt8] = []
        var files: [(String, FileStamp)] = []
        var entryCount = 0

        mutating func append(_ value: UInt64) {
            for shift in stride(from: 0, to: 64, by: 8) { facts.append(UInt8(truncatingIfNeeded: value >> shift)) }
        }

        mutating func append(_ other: Part) {
            facts += other.facts
            files += other.files
            entryCount += other.entryCount
        }
    }

    /// Entries per run when a folder is walked by several threads, and the fewest entries a folder split so has (a
    /// narrow folder is walked by one thread, each of its sub-folders split in turn).
    private static let batchSize = 16
    private static let splitSize = 4 * batchSize

    /// Adds the entries of the folder open as `descriptor`, whose path in the output is `relative` (bytes, "" for the
    /// output itself), and of its sub-folders; false when something cannot be read. With `parallel`, the first folder
    /// level with at least ``splitSize`` entries is split between threads.
    private static func walk(
        _ descriptor: Int32, relative: [UInt8], parallel: Bool, stamps: Bool, into part: inout Part
    ) -> Bool {
        guard var names = FileFacts.entryNames(ofDirectory: descriptor) else { return false }
        names.sort { $0.lexicographicallyPrecedes($1) }
        guard parallel, names.count >= splitSize else {
            for name in names {
                guard add(name, in: descriptor, relative: relative, parallel: parallel, stamps: stamps, into: &part)
                else { return false }
            }
            return true
        }
        let (sorted, runs) = (names, (names.count + batchSize - 1) / batchSize)
        let pieces = BatchResults.map(Array(0..<runs), batch: 1) { run -> Part? in
            var piece = Part()
            for name in sorted[run * batchSize..<min(sorted.count, (run + 1) * batchSize)] {
                guard add(name, in: descriptor, relative: relative, parallel: false, stamps: stamps, into: &piece)
                else { return nil }
            }
            return piece
        }
        for piece in pieces {
            guard let piece else { return false }
            part.append(piece)
        }
        return true
    }

    /// Adds the entry `name` (NUL-terminated) of the folder open as `descriptor`, and what is inside it if it is a
    /// folder; false when something cannot be read.
    private static func add(
        _ name: [CChar], in descriptor: Int32, relative: [UInt8], parallel: Bool, stamps: Bool, into part: inout Part
    ) -> Bool {
        var info = stat()
        guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return false }
        var inside = relative
        if !inside.isEmpty { inside.append(UInt8(ascii: "/")) }
        inside += name.dropLast().map { UInt8(bitPattern: $0) }
        let kind = info.st_mode & S_IFMT
        part.entryCount += 1
        part.append(UInt64(inside.count))
        part.facts += inside
        part.append(UInt64(kind))
        part.append(UInt64(truncatingIfNeeded: info.st_size))
        part.append(UInt64(truncatingIfNeeded: info.st_ino))
        #if canImport(Darwin)
            part.append(UInt64(truncatingIfNeeded: info.st_mtimespec.tv_sec))
            part.append(UInt64(truncatingIfNeeded: info.st_mtimespec.tv_nsec))
        #else
            part.append(UInt64(truncatingIfNeeded: info.st_mtim.tv_sec))
            part.append(UInt64(truncatingIfNeeded: info.st_mtim.tv_nsec))
        #endif
        if stamps, kind == S_IFREG {
            let path = String(decoding: inside, as: UTF8.self)
            if path.utf8.elementsEqual(inside) { part.files.append((path, FileStamp(info))) }
        }
        guard kind == S_IFDIR else { return true }
        let child = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard child >= 0 else { return false }
        defer { close(child) }
        return walk(child, relative: inside, parallel: parallel, stamps: stamps, into: &part)
    }
}

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
    ///
    /// `known` are stamps this build already took of regular files it then left alone (pages reused unread in an
    /// output updated in place): such a file is not looked at again, and counts with its known stamp. A file changed
    /// behind the build's back meanwhile so leaves a fingerprint the next build does not find, which makes it check
    /// every page as it would after any change.
    static func survey(_ path: String, stamps: Bool = true, known: [String: FileStamp] = [:]) -> Survey? {
        let began = InputStamps.now()
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        guard let directory = fdopendir(descriptor) else {
            close(descriptor)
            return nil
        }
        defer { closedir(directory) }
        var part = Part()
        let walk = Walk(stamps: stamps, known: known)
        guard walk.folder(directory, relative: [], parallel: true, into: &part) else { return nil }
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

        /// Counts the entry at `path` (bytes, inside the output) with its facts.
        mutating func add(_ path: [UInt8], _ info: stat) {
            #if canImport(Darwin)
                let modified = info.st_mtimespec
            #else
                let modified = info.st_mtim
            #endif
            add(
                path, kind: info.st_mode & S_IFMT, size: UInt64(truncatingIfNeeded: info.st_size),
                inode: UInt64(truncatingIfNeeded: info.st_ino), seconds: UInt64(truncatingIfNeeded: modified.tv_sec),
                nanoseconds: UInt64(truncatingIfNeeded: modified.tv_nsec))
        }

        /// Counts the regular file at `path` with the facts of `stamp`, taken earlier.
        mutating func add(_ path: [UInt8], kind: mode_t, stamp: FileStamp) {
            var (seconds, nanoseconds) = stamp.modified.quotientAndRemainder(dividingBy: 1_000_000_000)
            if nanoseconds < 0 { (seconds, nanoseconds) = (seconds - 1, nanoseconds + 1_000_000_000) }
            add(
                path, kind: kind, size: UInt64(truncatingIfNeeded: stamp.size), inode: stamp.inode,
                seconds: UInt64(truncatingIfNeeded: seconds), nanoseconds: UInt64(truncatingIfNeeded: nanoseconds))
        }

        private mutating func add(
            _ path: [UInt8], kind: mode_t, size: UInt64, inode: UInt64, seconds: UInt64, nanoseconds: UInt64
        ) {
            entryCount += 1
            append(UInt64(path.count))
            facts += path
            append(UInt64(kind))
            append(size)
            append(inode)
            append(seconds)
            append(nanoseconds)
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

    /// One walk: whether it gathers the files' stamps, and the stamps it need not take again.
    private struct Walk {
        let stamps: Bool
        let known: [String: FileStamp]

        /// Adds the entries of the folder listed by `directory`, whose path in the output is `relative` (bytes, ""
        /// for the output itself), and of its sub-folders; false when something cannot be read. With `parallel`, the
        /// first folder level with at least ``splitSize`` entries is split between threads.
        func folder(
            _ directory: FileFacts.DirectoryStream, relative: [UInt8], parallel: Bool, into part: inout Part
        ) -> Bool {
            guard var entries = FileFacts.entries(of: directory) else { return false }
            let descriptor = dirfd(directory)
            entries.sort { $0.name.lexicographicallyPrecedes($1.name) }
            guard parallel, entries.count >= splitSize else {
                for entry in entries {
                    guard add(entry, in: descriptor, relative: relative, parallel: parallel, into: &part) else {
                        return false
                    }
                }
                return true
            }
            let (sorted, runs) = (entries, (entries.count + batchSize - 1) / batchSize)
            let pieces = BatchResults.map(Array(0..<runs), batch: 1) { run -> Part? in
                var piece = Part()
                for entry in sorted[run * batchSize..<min(sorted.count, (run + 1) * batchSize)] {
                    guard add(entry, in: descriptor, relative: relative, parallel: false, into: &piece) else {
                        return nil
                    }
                }
                return piece
            }
            for piece in pieces {
                guard let piece else { return false }
                part.append(piece)
            }
            return true
        }

        /// Adds `entry` of the folder open as `descriptor`, and what is inside it if it is a folder; false when
        /// something cannot be read. A folder is opened once, for its facts and its listing; a file with a known
        /// stamp is not looked at.
        private func add(
            _ entry: FileFacts.Entry, in descriptor: Int32, relative: [UInt8], parallel: Bool, into part: inout Part
        ) -> Bool {
            var inside = relative
            if !inside.isEmpty { inside.append(UInt8(ascii: "/")) }
            inside += entry.name.dropLast().map { UInt8(bitPattern: $0) }
            if entry.type == UInt8(DT_REG), !known.isEmpty {
                let path = String(decoding: inside, as: UTF8.self)
                if let stamp = known[path], path.utf8.elementsEqual(inside) {
                    part.add(inside, kind: S_IFREG, stamp: stamp)
                    if stamps { part.files.append((path, stamp)) }
                    return true
                }
            }
            if entry.type == UInt8(DT_DIR) {
                let child = openat(descriptor, entry.name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard child >= 0 else { return false }
                var info = stat()
                guard fstat(child, &info) == 0, let directory = fdopendir(child) else {
                    close(child)
                    return false
                }
                defer { closedir(directory) }
                part.add(inside, info)
                return folder(directory, relative: inside, parallel: parallel, into: &part)
            }
            var info = stat()
            guard fstatat(descriptor, entry.name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return false }
            part.add(inside, info)
            let kind = info.st_mode & S_IFMT
            if stamps, kind == S_IFREG {
                let path = String(decoding: inside, as: UTF8.self)
                if path.utf8.elementsEqual(inside) { part.files.append((path, FileStamp(info))) }
            }
            guard kind == S_IFDIR else { return true }
            // A folder the listing did not say was one (`DT_UNKNOWN`).
            let child = openat(descriptor, entry.name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard child >= 0 else { return false }
            guard let directory = fdopendir(child) else {
                close(child)
                return false
            }
            defer { closedir(directory) }
            return folder(directory, relative: inside, parallel: parallel, into: &part)
        }
    }
}

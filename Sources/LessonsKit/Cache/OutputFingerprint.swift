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
/// facts as bytes, folder by folder with the names sorted, so that the order never depends on the file system.
enum OutputFingerprint {
    /// The fingerprint of the folder at `path`, or nil when it is missing or cannot be read.
    static func of(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var state = State()
        guard walk(descriptor, relative: [], into: &state) else { return nil }
        state.flush()
        return SHA256Hex.hex(state.hasher.finalize())
    }

    /// The hash so far, and the entries not yet fed to it (hashed in large pieces).
    private struct State {
        var hasher = SHA256()
        var pending: [UInt8] = []

        mutating func append(_ value: UInt64) {
            for shift in stride(from: 0, to: 64, by: 8) { pending.append(UInt8(truncatingIfNeeded: value >> shift)) }
        }

        mutating func flush() {
            hasher.update(data: pending)
            pending.removeAll(keepingCapacity: true)
        }
    }

    /// Adds the entries of the folder open as `descriptor`, whose path in the output is `relative` (bytes, "" for the
    /// output itself), and of its sub-folders; false when something cannot be read.
    private static func walk(_ descriptor: Int32, relative: [UInt8], into state: inout State) -> Bool {
        guard var names = FileFacts.entryNames(ofDirectory: descriptor) else { return false }
        names.sort { $0.lexicographicallyPrecedes($1) }
        for name in names {
            var info = stat()
            guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return false }
            var inside = relative
            if !inside.isEmpty { inside.append(UInt8(ascii: "/")) }
            inside += name.dropLast().map { UInt8(bitPattern: $0) }
            let kind = info.st_mode & S_IFMT
            state.append(UInt64(inside.count))
            state.pending += inside
            state.append(UInt64(kind))
            state.append(UInt64(truncatingIfNeeded: info.st_size))
            state.append(UInt64(truncatingIfNeeded: info.st_ino))
            #if canImport(Darwin)
                state.append(UInt64(truncatingIfNeeded: info.st_mtimespec.tv_sec))
                state.append(UInt64(truncatingIfNeeded: info.st_mtimespec.tv_nsec))
            #else
                state.append(UInt64(truncatingIfNeeded: info.st_mtim.tv_sec))
                state.append(UInt64(truncatingIfNeeded: info.st_mtim.tv_nsec))
            #endif
            if state.pending.count >= 1 << 16 { state.flush() }
            guard kind == S_IFDIR else { continue }
            let child = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard child >= 0 else { return false }
            defer { close(child) }
            guard walk(child, relative: inside, into: &state) else { return false }
        }
        return true
    }
}

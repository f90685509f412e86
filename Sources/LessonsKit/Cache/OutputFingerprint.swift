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
enum OutputFingerprint {
    /// The fingerprint of the folder at `path`, or nil when it is missing or cannot be read.
    static func of(_ path: String) -> String? {
        var entries: [String] = []
        guard walk(path, relative: "", into: &entries) else { return nil }
        entries.sort()
        var key = CacheKeyBuilder()
        for entry in entries { key.add("entry", entry) }
        return key.finish()
    }

    private static func walk(_ folder: String, relative: String, into entries: inout [String]) -> Bool {
        guard let names = FileFacts.entryNames(folder) else { return false }
        for name in names {
            let path = folder + "/" + name
            let inside = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { return false }
            let kind = info.st_mode & S_IFMT
            let modified = FileFacts.modified(info)
            entries.append("\(inside)\u{0}\(kind)\u{0}\(info.st_size)\u{0}\(info.st_ino)\u{0}\(modified)")
            if kind == S_IFDIR, !walk(path, relative: inside, into: &entries) { return false }
        }
        return true
    }
}

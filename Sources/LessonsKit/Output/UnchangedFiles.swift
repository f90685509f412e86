#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keeps files whose bytes did not change: instead of writing them again into the staging folder, the writer
/// hard-links the previous output's file there, so it keeps its inode and modification time (`rsync` and other
/// deploy tools then skip it) and the swap of the whole folder stays atomic.
enum UnchangedFiles {
    /// Hard-links `previous` to `path` when `previous` is a regular file holding exactly `bytes`; returns whether it
    /// did. Anything unusual (missing, another size, a link that fails) is simply "changed": the caller writes.
    static func linkIfSame(previous: String, bytes: [UInt8], to path: String) -> Bool {
        guard regularFileSize(previous) == bytes.count, FileFacts.contents(previous, size: bytes.count) == bytes else {
            return false
        }
        return link(previous, path) == 0
    }

    /// Hard-links `previous` to `path` when `previous` is a regular file holding exactly the spliced page's bytes;
    /// returns whether it did.
    static func linkIfSame(previous: String, spliced: SplicedBytes, to path: String) -> Bool {
        guard regularFileSize(previous) == spliced.count, let old = FileFacts.contents(previous, size: spliced.count),
            spliced.holds(old)
        else { return false }
        return link(previous, path) == 0
    }

    /// Hard-links `previous` to `path` when it holds the same bytes as the file at `source`; returns whether it did.
    static func linkIfSame(previous: String, copyOf source: String, to path: String) -> Bool {
        guard let size = regularFileSize(previous), size == regularFileSize(source),
            let old = FileFacts.contents(previous, size: size), old == FileFacts.contents(source, size: size)
        else { return false }
        return link(previous, path) == 0
    }

    /// The size of the regular file at `path` (following links), or nil.
    static func regularFileSize(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(info.st_size)
    }
}

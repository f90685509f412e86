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
        guard regularFileSize(previous) == bytes.count, contents(previous, size: bytes.count) == bytes else {
            return false
        }
        return link(previous, path) == 0
    }

    /// Hard-links `previous` to `path` when it holds the same bytes as the file at `source`; returns whether it did.
    static func linkIfSame(previous: String, copyOf source: String, to path: String) -> Bool {
        guard let size = regularFileSize(previous), size == regularFileSize(source),
            let old = contents(previous, size: size), old == contents(source, size: size)
        else { return false }
        return link(previous, path) == 0
    }

    /// The size of the regular file at `path` (following links), or nil.
    static func regularFileSize(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// The first `size` bytes of the file at `path`, or nil when it cannot be read or is shorter.
    static func contents(_ path: String, size: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var result = [UInt8](repeating: 0, count: size)
        var filled = 0
        let complete = result.withUnsafeMutableBytes { buffer -> Bool in
            while filled < size {
                let count = read(descriptor, buffer.baseAddress.map { $0 + filled }, size - filled)
                if count < 0, errno == EINTR { continue }
                if count <= 0 { return false }
                filled += count
            }
            return true
        }
        return complete ? result : nil
    }
}

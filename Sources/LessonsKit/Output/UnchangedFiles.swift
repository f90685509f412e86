#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keeps files whose bytes did not change. A build that writes a whole new folder hard-links the previous output's
/// file into it instead of writing it again, and a rebuild updating the output in place leaves it where it is; either
/// way it keeps its inode and modification time (`rsync` and other deploy tools then skip it).
enum UnchangedFiles {
    /// The size of `previous` when it is a regular file holding exactly what `file` holds (a file page reuse found in
    /// the previous output is not read again), else nil. Anything unusual (missing, another size) is simply "changed":
    /// the caller writes.
    static func sizeIfSame(previous: String, as file: OutputFile) -> Int? {
        guard let size = regularFileSize(previous) else { return nil }
        switch file.contents {
        case .bytes(let bytes):
            guard size == bytes.count, FileFacts.contents(previous, size: size) == bytes else { return nil }
        case .spliced(let spliced):
            guard size == spliced.count, let old = FileFacts.contents(previous, size: size), spliced.holds(old) else {
                return nil
            }
        case .copy(let source):
            guard size == regularFileSize(source), let old = FileFacts.contents(previous, size: size),
                old == FileFacts.contents(source, size: size)
            else { return nil }
        case .previous(_, let expected):
            guard size == expected else { return nil }
        }
        return size
    }

    /// The size of the regular file at `path` (following links), or nil.
    static func regularFileSize(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(info.st_size)
    }
}

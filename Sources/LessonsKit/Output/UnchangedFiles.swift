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
    /// Whether `previous` is a regular file holding exactly what `file` holds (a file page reuse found in the previous
    /// output is not read again). Anything unusual (missing, another size) is simply "changed": the caller writes.
    static func isSame(previous: String, as file: OutputFile) -> Bool {
        switch file.contents {
        case .bytes(let bytes):
            return regularFileSize(previous) == bytes.count && FileFacts.contents(previous, size: bytes.count) == bytes
        case .spliced(let spliced):
            guard regularFileSize(previous) == spliced.count,
                let old = FileFacts.contents(previous, size: spliced.count)
            else { return false }
            return spliced.holds(old)
        case .copy(let source):
            guard let size = regularFileSize(previous), size == regularFileSize(source),
                let old = FileFacts.contents(previous, size: size)
            else { return false }
            return old == FileFacts.contents(source, size: size)
        case .previous(_, let size):
            return regularFileSize(previous) == size
        }
    }

    /// Hard-links `previous` to `path` when it holds exactly what `file` holds (see ``isSame(previous:as:)``); returns
    /// whether it did.
    static func linkIfSame(previous: String, as file: OutputFile, to path: String) -> Bool {
        isSame(previous: previous, as: file) && link(previous, path) == 0
    }

    /// The size of the regular file at `path` (following links), or nil.
    static func regularFileSize(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(info.st_size)
    }
}

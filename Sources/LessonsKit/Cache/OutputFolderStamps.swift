#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Stamps of the files of the last build's output, looked up relative to the folder opened once: a rebuild stamps each
/// of thousands of pages it reuses, and each look-up then walks only the page's own path.
final class OutputFolderStamps: Sendable {
    /// The output folder, open, or -1 when it is missing or cannot be opened (every stamp is then nil).
    private let descriptor: Int32

    /// Opens the folder at `folder`.
    init(folder: String) {
        descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// The stamp of the file at `path` inside the folder (not following a symbolic link at its end), or nil when it
    /// is missing or not a regular file.
    func stamp(_ path: String) -> FileStamp? {
        guard descriptor >= 0 else { return nil }
        var info = stat()
        guard fstatat(descriptor, path, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFREG else {
            return nil
        }
        return FileStamp(info)
    }
}

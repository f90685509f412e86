#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The POSIX calls the site writer needs, with errors turned into ``OutputError/io(path:message:)``.
///
/// Plain `open`/`write`/`close` are used on purpose: swift-foundation's `Data.write` and
/// `FileManager.createFile` fsync every file, which costs seconds for a large site.
enum OutputFileSystem {
    /// What is at a path, without following a final symbolic link.
    enum Kind: Equatable {
        case missing, directory, regularFile, symbolicLink, other
    }

    /// Permission bits for new files and folders (before the umask).
    static let fileMode: mode_t = 0o644
    static let directoryMode: mode_t = 0o755
    static let copyChunkSize = 1 << 16

    /// The system's text for an `errno` value.
    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// An `.io` error for the current `errno`.
    static func failure(_ what: String, _ path: String, code: Int32 = errno) -> OutputError {
        .io(path: path, message: "\(what): \(reason(code))")
    }

    /// What is at `path`, via `lstat`; a path that does not exist is `.missing`.
    static func kind(at path: String) throws(OutputError) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT { return .missing }
            throw failure("cannot inspect", path, code: code)
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .regularFile
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// Whether the folder at `path` has no entries other than `.` and `..`.
    static func isEmptyDirectory(_ path: String) throws(OutputError) -> Bool {
        guard let directory = opendir(path) else { throw failure("cannot read folder", path) }
        defer { closedir(directory) }
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { throw failure("cannot read folder", path) }
                return true
            }
            if !isDotOrDotDot(entry) { return false }
        }
    }

    /// Creates one folder; its parent must exist.
    static func makeDirectory(_ path: String) throws(OutputError) {
        guard mkdir(path, directoryMode) == 0 else { throw failure("cannot create folder", path) }
    }

    /// Creates `path` and any missing parents (like `mkdir -p`); `path` must be absolute.
    static func makeDirectories(_ path: String) throws(OutputError) {
        var prefix = ""
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, directoryMode) != 0 {
                let code = errno
                var info = stat()
                if code == EEXIST, stat(prefix, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { continue }
                if code == EEXIST { throw .io(path: prefix, message: "cannot create folder: a file is in the way") }
                throw failure("cannot create folder", prefix, code: code)
            }
        }
    }

    /// Writes `bytes` to a new file at `path`; returns the number of bytes written.
    static func writeFile(_ path: String, bytes: [UInt8]) throws(OutputError) -> Int {
        let descriptor = try openForWriting(path)
        do {
            try bytes.withUnsafeBufferPointer { (buffer) throws(OutputError) in
                try writeAll(descriptor, UnsafeRawBufferPointer(buffer), path: path)
            }
        } catch {
            close(descriptor)
            throw error
        }
        try closeChecked(descriptor, path: path)
        return bytes.count
    }

    /// Writes a spliced page's runs to a new file at `path`, gathered in chunks of ``copyChunkSize`` bytes (a run that
    /// long is written as it is) rather than one write each; returns the number of bytes written.
    static func writeFile(_ path: String, spliced: SplicedBytes) throws(OutputError) -> Int {
        let descriptor = try openForWriting(path)
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: copyChunkSize, alignment: 16)
        defer { chunk.deallocate() }
        var filled = 0
        var failure: OutputError?
        func flush() -> Bool {
            do throws(OutputError) {
                try writeAll(descriptor, UnsafeRawBufferPointer(rebasing: chunk[0..<filled]), path: path)
            } catch {
                failure = error
            }
            filled = 0
            return failure == nil
        }
        spliced.forEachRun { run in
            if filled + run.count > chunk.count, filled > 0, !flush() { return false }
            guard run.count < chunk.count else {
                do throws(OutputError) {
                    try writeAll(descriptor, run, path: path)
                } catch {
                    failure = error
                }
                return failure == nil
            }
            UnsafeMutableRawBufferPointer(rebasing: chunk[filled..<filled + run.count]).copyMemory(from: run)
            filled += run.count
            return true
        }
        if failure == nil, filled > 0 { _ = flush() }
        if let failure {
            close(descriptor)
            throw failure
        }
        try closeChecked(descriptor, path: path)
        return spliced.count
    }

    /// A new file written in pieces (a cache file streamed as it is encoded): a failed write is kept and thrown by
    /// ``close()``, and nothing more is written after it.
    final class StreamedFile {
        private let descriptor: Int32
        private let path: String
        private var failure: OutputError?

        /// Creates (or empties) the file at `path`.
        init(_ path: String) throws(OutputError) {
            descriptor = try openForWriting(path)
            self.path = path
        }

        /// Appends `bytes` to the file, unless a write failed before.
        func write(_ bytes: UnsafeRawBufferPointer) {
            guard failure == nil else { return }
            do throws(OutputError) {
                try writeAll(descriptor, bytes, path: path)
            } catch {
                failure = error
            }
        }

        /// Closes the file; throws the first failed write, or a failing close.
        func close() throws(OutputError) {
            if let failure {
                try? closeChecked(descriptor, path: path)
                throw failure
            }
            try closeChecked(descriptor, path: path)
        }
    }

    /// Copies the file at `source` to a new file at `path` in chunks; returns the number of bytes copied.
    static func copyFile(from source: String, to path: String) throws(OutputError) -> Int {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw failure("cannot open file to copy", source) }
        defer { close(input) }
        let output = try openForWriting(path)
        var total = 0
        do throws(OutputError) {
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: copyChunkSize, alignment: 16)
            defer { buffer.deallocate() }
            while true {
                let count = read(input, buffer.baseAddress, buffer.count)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw failure("cannot read file to copy", source)
                }
                if count == 0 { break }
                try writeAll(output, UnsafeRawBufferPointer(rebasing: buffer[0..<count]), path: path)
                total += count
            }
        } catch {
            close(output)
            throw error
        }
        try closeChecked(output, path: path)
        return total
    }

    /// Renames `source` to `destination` (same file system).
    static func move(_ source: String, to destination: String) throws(OutputError) {
        guard rename(source, destination) == 0 else { throw failure("cannot rename to '\(destination)'", source) }
    }

    /// Opens the folder at `path` for working relative to it, never through a symbolic link at its end; -1 (with
    /// `errno`) when it is missing, not a folder or cannot be opened.
    static func openFolder(_ path: String) -> Int32 {
        open(path, folderFlags)
    }

    /// Opens the folder `name` (NUL-terminated) of the folder open as `descriptor`, never through a symbolic link; -1
    /// (with `errno`) when it cannot.
    static func openFolder(_ name: [CChar], in descriptor: Int32) -> Int32 {
        openat(descriptor, name, folderFlags)
    }

    private static let folderFlags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC

    /// Removes `path` and, if it is a folder, everything in it; symbolic links are removed, never followed.
    /// A missing path is not an error. With `parallel`, wide folders are emptied by several threads.
    static func removeTree(_ path: String, parallel: Bool) throws(OutputError) {
        switch try kind(at: path) {
        case .missing:
            return
        case .directory:
            let descriptor = openFolder(path)
            guard descriptor >= 0 else { throw failure("cannot open folder to remove it", path) }
            defer { close(descriptor) }
            try removeContents(ofDirectory: descriptor, path: path, parallel: parallel)
            guard rmdir(path) == 0 else { throw failure("cannot remove folder", path) }
        default:
            guard unlink(path) == 0 else { throw failure("cannot remove file", path) }
        }
    }

    // MARK: - Helpers

    private static func openForWriting(_ path: String) throws(OutputError) -> Int32 {
        while true {
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, fileMode)
            if descriptor >= 0 { return descriptor }
            if errno != EINTR { throw failure("cannot create file", path) }
        }
    }

    /// Writes the whole buffer, retrying partial writes and `EINTR`.
    private static func writeAll(
        _ descriptor: Int32, _ buffer: UnsafeRawBufferPointer, path: String
    ) throws(OutputError) {
        guard let base = buffer.baseAddress else { return }
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, base + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw failure("cannot write file", path)
            }
            if written == 0 { throw .io(path: path, message: "cannot write file: no progress") }
            offset += written
        }
    }

    /// Closes a file just written; a failing `close` can report a lost write, so it is an error.
    private static func closeChecked(_ descriptor: Int32, path: String) throws(OutputError) {
        if close(descriptor) != 0, errno != EINTR { throw failure("cannot finish writing file", path) }
    }

    private static func isDotOrDotDot(_ entry: UnsafeMutablePointer<dirent>) -> Bool {
        withUnsafeBytes(of: entry.pointee.d_name) { name in
            name[0] == 0x2E && (name[1] == 0 || (name[1] == 0x2E && name[2] == 0))
        }
    }

    /// The names in the folder open as `descriptor` (without `.` and `..`), NUL-terminated, exactly as
    /// stored (they need not be valid UTF-8).
    private static func entryNames(ofDirectory descriptor: Int32, path: String) throws(OutputError) -> [[CChar]] {
        guard let names = FileFacts.entryNames(ofDirectory: descriptor) else {
            throw failure("cannot read folder", path)
        }
        return names
    }

    /// Empties the folder open as `descriptor`, working relative to it so that names that are not valid
    /// UTF-8 and symbolic links to elsewhere are handled safely. With `parallel`, the first folder level
    /// with many subfolders is split between threads.
    private static func removeContents(
        ofDirectory descriptor: Int32, path: String, parallel: Bool
    ) throws(OutputError) {
        let names = try entryNames(ofDirectory: descriptor, path: path)
        let spread = parallel && names.count >= 2 * removalBatchSize
        _ = try OutputBatches.sum(count: names.count, batchSize: removalBatchSize, parallel: spread) {
            (index) throws(OutputError) -> Int in
            try removeEntry(names[index], in: descriptor, path: path, parallel: parallel && !spread)
            return 0
        }
    }

    /// Entries per unit of parallel removal.
    private static let removalBatchSize = 16

    /// Removes the entry `name` (NUL-terminated) of the folder open as `descriptor`, whose path is `path` (for
    /// messages), emptying it first if it is a folder; symbolic links are removed, never followed.
    static func removeEntry(
        _ name: [CChar], in descriptor: Int32, path: String, parallel: Bool = false
    ) throws(OutputError) {
        // The entry's path for messages, built only when needed.
        func display() -> String { path + "/" + FileFacts.text(ofName: name) }
        // Most entries are files: unlinking first spares a stat of each. `unlinkat` without AT_REMOVEDIR never
        // removes a folder (Linux says EISDIR, others EPERM), and removes a symbolic link itself, never its target.
        if unlinkat(descriptor, name, 0) == 0 { return }
        let code = errno
        if code == ENOENT { return }
        var info = stat()
        guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
            if errno == ENOENT { return }
            throw failure("cannot inspect", display())
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw failure("cannot remove file", display(), code: code) }
        let child = openFolder(name, in: descriptor)
        guard child >= 0 else { throw failure("cannot open folder to remove it", display()) }
        defer { close(child) }
        try removeContents(ofDirectory: child, path: display(), parallel: parallel)
        guard unlinkat(descriptor, name, AT_REMOVEDIR) == 0 else { throw failure("cannot remove folder", display()) }
    }
}

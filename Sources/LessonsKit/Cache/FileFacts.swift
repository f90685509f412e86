#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Small POSIX facts about files that the cache and the writer share: a folder's entry names, a file's bytes and its
/// modification time as text.
enum FileFacts {
    /// The names in the folder at `path` (without `.` and `..`), or nil when it cannot be opened.
    static func entryNames(_ path: String) -> [String]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let item = readdir(directory) {
            let name = withName(of: item) { String(cString: $0) }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }

    /// A NUL-terminated entry name, as ``entryNames(ofDirectory:)`` and ``entries(of:)`` give it, as text (bytes that
    /// are not UTF-8 replaced), for paths and messages.
    static func text(ofName name: [CChar]) -> String {
        String(decoding: name.dropLast().lazy.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Reads a directory entry's name in place, up to its NUL: a record is only as long as its name, so copying the
    /// whole 256-byte `d_name` could read past the end of readdir's buffer (and crash at a page's end).
    private static func withName<T>(of item: UnsafeMutablePointer<dirent>, _ body: (UnsafePointer<CChar>) -> T) -> T {
        withUnsafePointer(to: &item.pointee.d_name) { $0.withMemoryRebound(to: CChar.self, capacity: 1, body) }
    }

    /// The names in the folder open as `descriptor` (without `.` and `..`), NUL-terminated and exactly as stored (they
    /// need not be valid UTF-8), or nil with `errno` set when it cannot be read. The descriptor stays open.
    static func entryNames(ofDirectory descriptor: Int32) -> [[CChar]]? {
        let listing = dup(descriptor)
        guard listing >= 0 else { return nil }
        guard let directory = fdopendir(listing) else {
            let code = errno
            close(listing)
            errno = code
            return nil
        }
        defer {
            let code = errno
            closedir(directory)
            errno = code
        }
        rewinddir(directory)
        return entries(of: directory)?.map(\.name)
    }

    /// An open folder listing, as `fdopendir` gives it.
    #if canImport(Darwin)
        typealias DirectoryStream = UnsafeMutablePointer<DIR>
    #else
        typealias DirectoryStream = OpaquePointer
    #endif

    /// A folder's entry: its name, NUL-terminated and exactly as stored, and its type as the folder listing gives it
    /// (`DT_DIR`, `DT_REG`…, or `DT_UNKNOWN` where the file system does not say).
    struct Entry {
        let name: [CChar]
        let type: UInt8
    }

    /// The entries of the folder `directory` (without `.` and `..`), read from its current position, or nil with
    /// `errno` set when it cannot be read. Unlike ``entryNames(ofDirectory:)`` it takes no copy of a descriptor: the
    /// caller opened the listing for this one reading.
    static func entries(of directory: DirectoryStream) -> [Entry]? {
        var entries: [Entry] = []
        while true {
            errno = 0
            guard let item = readdir(directory) else { return errno == 0 ? entries : nil }
            let name = withName(of: item) { Array(UnsafeBufferPointer(start: $0, count: strlen($0) + 1)) }
            let dot = CChar(UInt8(ascii: "."))
            if name == [dot, 0] || name == [dot, dot, 0] { continue }
            entries.append(Entry(name: name, type: item.pointee.d_type))
        }
    }

    /// The bytes of the regular file at `path` (following links), read straight into an array of its size; nil when it
    /// is missing, not a regular file, unreadable or changes size while read.
    static func contents(_ path: String) -> [UInt8]? {
        bytes(path, size: nil)
    }

    /// The first `size` bytes of the regular file at `path` (following links); nil when it is missing, not a regular
    /// file, unreadable or shorter.
    static func contents(_ path: String, size: Int) -> [UInt8]? {
        bytes(path, size: size)
    }

    /// Reads `size` bytes, or with nil the whole file, which must then not grow while read.
    private static func bytes(_ path: String, size wanted: Int?) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return bytes(ofOpen: descriptor, size: wanted ?? Int(info.st_size), whole: wanted == nil)
    }

    /// The whole regular file open as `descriptor`, whose size `fstat` gave as `size` (the caller opened and checked
    /// it); nil when it is unreadable or changes size while read. The descriptor stays open.
    static func contents(ofOpen descriptor: Int32, size: Int) -> [UInt8]? {
        bytes(ofOpen: descriptor, size: size, whole: true)
    }

    /// Reads `size` bytes from `descriptor`; with `whole`, the file must then be at its end.
    private static func bytes(ofOpen descriptor: Int32, size: Int, whole: Bool) -> [UInt8]? {
        guard size >= 0 else { return nil }
        // Not zeroed first: every byte is read into it, or the array is not used (a cache file is tens of megabytes).
        var complete = false
        let result = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var filled = 0
            while filled < size {
                let count = read(descriptor, buffer.baseAddress.map { $0 + filled }, size - filled)
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }
                filled += count
            }
            // Only what was read counts as made; one more byte means the file grew since fstat.
            initialized = filled
            var extra: UInt8 = 0
            complete = filled == size && (!whole || read(descriptor, &extra, 1) == 0)
        }
        return complete ? result : nil
    }

    /// The modification time of `info` as "seconds.nanoseconds".
    static func modified(_ info: stat) -> String {
        #if canImport(Darwin)
            "\(info.st_mtimespec.tv_sec).\(info.st_mtimespec.tv_nsec)"
        #else
            "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        #endif
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Small POSIX facts about files that the cache and the writer share: a folder's entry names and a file's
/// modification time as text.
enum FileFacts {
    /// The names in the folder at `path` (without `.` and `..`), or nil when it cannot be opened.
    static func entryNames(_ path: String) -> [String]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let item = readdir(directory) {
            // Read the name in place, up to its NUL: a record is only as long as its name, so copying the whole
            // 256-byte `d_name` could read past the end of readdir's buffer (and crash at a page's end).
            let name = withUnsafePointer(to: &item.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 1) { String(cString: $0) }
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
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

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `stat` says of a file: its size, device, inode and modification and status-change times.
///
/// A build trusts a file it read before without reading it again while its stamp is unchanged: the site's input files
/// (``InputStamps``) and the pages of the last build's output (page reuse). An edit in place moves the modification
/// time, a replaced file has another inode, and anything that puts an old modification time back, links or unlinks
/// the file moves the status-change time.
struct FileStamp: Sendable, Hashable {
    var size: Int64
    var device: UInt64
    var inode: UInt64
    /// Nanoseconds since 1970.
    var modified: Int64
    /// Nanoseconds since 1970.
    var changed: Int64

    init(size: Int64, device: UInt64, inode: UInt64, modified: Int64, changed: Int64) {
        (self.size, self.device, self.inode, self.modified, self.changed) = (size, device, inode, modified, changed)
    }

    init(_ info: stat) {
        #if canImport(Darwin)
            let (mtime, ctime) = (info.st_mtimespec, info.st_ctimespec)
        #else
            let (mtime, ctime) = (info.st_mtim, info.st_ctim)
        #endif
        self.init(
            size: Int64(info.st_size), device: UInt64(info.st_dev), inode: UInt64(info.st_ino),
            modified: Int64(mtime.tv_sec) * 1_000_000_000 + Int64(mtime.tv_nsec),
            changed: Int64(ctime.tv_sec) * 1_000_000_000 + Int64(ctime.tv_nsec))
    }
}

#if canImport(Glibc)
    import Glibc
#endif

/// When page reuse may record the stamp of a page of the output (see ``PageReuse``).
///
/// A page's file is trusted unread when its stamp is still the one taken just after the build that wrote it. A stamp is
/// recorded only when the file had last been modified a while before it was taken (``outputSettleNanoseconds``, git's
/// "racily clean" rule): on a file system with coarse timestamps, a file edited in the same tick as it was written could
/// otherwise keep its times. The status-change time is only compared: the build's own removal of the old output moves
/// it just before the stamp is taken, and an edit after that moves it again.
extension FileStamp {
    /// How long before the stamping a file must have last been modified for its stamp to be recorded (two seconds: the
    /// coarsest file-system clock, FAT's; builds take it from `BuildOptions`, which tests set to 0, or from the output's
    /// file system, ``outputSettleNanoseconds(forFolder:)``).
    static let outputSettleNanoseconds: Int64 = 2_000_000_000

    /// The settle time on a local file system that keeps nanosecond times set from the kernel's clock tick (a few
    /// milliseconds at most): a tenth of a second leaves that tick, and any scheduling between a write and the next
    /// change of the clock, far behind.
    static let fineClockSettleNanoseconds: Int64 = 100_000_000

    /// The settle time for files in the folder at `path`: ``fineClockSettleNanoseconds`` on Linux's tmpfs, ext2/3/4,
    /// XFS, Btrfs and F2FS, else (a network share, FAT, another system, a folder that cannot be read)
    /// ``outputSettleNanoseconds``. Without it the first rebuild after a build reads back every page written in the
    /// last two seconds of that build (the theme and service pages, megabytes each).
    static func outputSettleNanoseconds(forFolder path: String) -> Int64 {
        #if os(Linux)
            guard let type = fileSystemType(path) else { return outputSettleNanoseconds }
            let fineClock: Set<UInt64> = [
                0x0102_1994,  // tmpfs
                0xEF53,  // ext2, ext3, ext4
                0x5846_5342,  // XFS
                0x9123_683E,  // Btrfs
                0xF2F5_2010,  // F2FS
            ]
            return fineClock.contains(type) ? fineClockSettleNanoseconds : outputSettleNanoseconds
        #else
            return outputSettleNanoseconds
        #endif
    }

    #if os(Linux)
        private typealias StatFS = @convention(c) (UnsafePointer<CChar>, UnsafeMutableRawPointer) -> Int32

        /// The magic number of the file system holding `path` (`statfs`'s `f_type`), or nil when it cannot be told.
        /// `statfs` is declared in `sys/vfs.h`, which the Glibc module does not include, so it is looked up by name;
        /// `f_type` is the first field of its result on every Linux architecture, a `long`.
        private static func fileSystemType(_ path: String) -> UInt64? {
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "statfs") else { return nil }
            let statfs = unsafeBitCast(symbol, to: StatFS.self)
            // Larger than `struct statfs` on any architecture (120 bytes on 64-bit ones).
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: 512, alignment: 16)
            defer { buffer.deallocate() }
            guard statfs(path, buffer) == 0 else { return nil }
            return UInt64(truncatingIfNeeded: buffer.load(as: Int.self))
        }
    #endif

    /// Whether the file had last been modified `settle` nanoseconds or more before `time` (nanoseconds since 1970, taken
    /// before the stamp), so that its stamp can be trusted later.
    func settled(before time: Int64, settle: Int64 = outputSettleNanoseconds) -> Bool {
        modified < time - settle
    }
}

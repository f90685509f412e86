/// What `lstat` says of a file of the output: its size, device, inode and modification and status-change times.
///
/// Page reuse trusts a page's file unread when its stamp is still the one taken just after the build that wrote it
/// (see ``PageReuse``). An edit in place moves the modification time, a replaced file has another inode, and anything
/// that puts an old modification time back, links or unlinks the file moves the status-change time. A stamp is
/// recorded only when the file had last been modified a while before it was taken (``settleNanoseconds``, git's
/// "racily clean" rule): on a file system with coarse timestamps, a file edited in the same tick as it was written could otherwise
/// keep its times. The status-change time is only compared: the build's own removal of the old output moves it just
/// before the stamp is taken, and an edit after that moves it again.
struct OutputStamp: Sendable, Hashable {
    var size: Int64
    var device: UInt64
    var inode: UInt64
    /// Nanoseconds since 1970.
    var modified: Int64
    /// Nanoseconds since 1970.
    var changed: Int64

    /// How long before the stamping a file must have last been modified for its stamp to be recorded (two seconds: the
    /// coarsest file-system clock, FAT's; builds take it from `BuildOptions`, which tests set to 0).
    static let settleNanoseconds: Int64 = 2_000_000_000

    init(size: Int64, device: UInt64, inode: UInt64, modified: Int64, changed: Int64) {
        (self.size, self.device, self.inode, self.modified, self.changed) = (size, device, inode, modified, changed)
    }

    /// Whether the file had last been modified `settle` nanoseconds or more before `time` (nanoseconds since 1970, taken
    /// before the stamp), so that its stamp can be trusted later.
    func settled(before time: Int64, settle: Int64 = settleNanoseconds) -> Bool {
        modified < time - settle
    }
}

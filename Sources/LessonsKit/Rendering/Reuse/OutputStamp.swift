/// When page reuse may record the stamp of a page of the output (see ``PageReuse``).
///
/// A page's file is trusted unread when its stamp is still the one taken just after the build that wrote it. A stamp is
/// recorded only when the file had last been modified a while before it was taken (``outputSettleNanoseconds``, git's
/// "racily clean" rule): on a file system with coarse timestamps, a file edited in the same tick as it was written could
/// otherwise keep its times. The status-change time is only compared: the build's own removal of the old output moves
/// it just before the stamp is taken, and an edit after that moves it again.
extension FileStamp {
    /// How long before the stamping a file must have last been modified for its stamp to be recorded (two seconds: the
    /// coarsest file-system clock, FAT's; builds take it from `BuildOptions`, which tests set to 0).
    static let outputSettleNanoseconds: Int64 = 2_000_000_000

    /// Whether the file had last been modified `settle` nanoseconds or more before `time` (nanoseconds since 1970, taken
    /// before the stamp), so that its stamp can be trusted later.
    func settled(before time: Int64, settle: Int64 = outputSettleNanoseconds) -> Bool {
        modified < time - settle
    }
}

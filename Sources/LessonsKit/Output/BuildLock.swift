import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive lock on a site's build cache (`build.lock` in it), held for the whole of a build that writes: two builds
/// of one site at once (one started in a terminal while another runs, say) take turns instead of updating the same
/// output folder and cache files together. A rebuild updates its output folder in place, comparing each file with what
/// is there, so another build publishing meanwhile would leave it part one build's and part the other's.
///
/// The operating system lets the lock go when the process ends, however it ends: a killed build never leaves the site
/// locked. The lock file stays (empty) in the cache folder, which git ignores.
final class BuildLock: @unchecked Sendable {
    /// The lock file's name in the cache folder.
    static let fileName = "build.lock"
    private var descriptor: Int32

    /// Takes the lock of the cache in `folder` (made when missing), waiting while another build holds it; `waiting` is
    /// called once before waiting. Nil when the lock file cannot be made or locked (a read-only site): the build then
    /// goes ahead unlocked, as it would have before.
    init?(folder: BuildCacheFolder, waiting: () -> Void = {}) {
        guard (try? BuildCacheWriter(folder: folder).prepareFolder()) != nil else { return nil }
        let descriptor = open(
            folder.path + "/" + Self.fileName, O_RDWR | O_CREAT | O_CLOEXEC, OutputFileSystem.fileMode)
        guard descriptor >= 0 else { return nil }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else {
                close(descriptor)
                return nil
            }
            waiting()
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    close(descriptor)
                    return nil
                }
            }
        }
        self.descriptor = descriptor
    }

    /// Takes the lock as ``init(folder:waiting:)`` does, waiting on a thread of its own: a build waiting for another in
    /// the same process (a test, a preview) must not hold up the threads that build runs on.
    static func acquire(folder: BuildCacheFolder, waiting: @escaping @Sendable () -> Void = {}) async -> BuildLock? {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: BuildLock(folder: folder, waiting: waiting)) }
        }
    }

    /// Lets the lock go (the lock also goes when the object does); called once, by the build that took it.
    func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}

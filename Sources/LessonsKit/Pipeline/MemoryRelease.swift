#if canImport(Glibc)
    import Glibc
#endif

/// Keeps the build's peak resident memory close to what it really holds (glibc only; elsewhere these do nothing).
///
/// By default glibc raises its "own mapping" threshold to the size of each large block freed, so after the first big
/// page or model is freed, later ones come from its heap and their pages stay resident after they are freed too. A
/// fixed threshold keeps every block of 128 KiB or more in a mapping of its own, returned as soon as it is freed; and
/// the memory freed when validation's inputs are dropped is handed back before rendering starts. `mallopt` and
/// `malloc_trim` are declared in `malloc.h`, which the Glibc module does not include, so they are looked up by name.
///
/// Only a build that decodes and renders everything does so (the pipeline decides, from the build cache's record):
/// a rebuild holds the last build's tables and renders a few pages, and each block mapped and unmapped, each trim,
/// cost it a tenth of its time on a 10,000-document site for a peak a few megabytes lower. A rebuild goes the other
/// way (``favourSpeed()``): its heaps grow in large steps and keep what is freed, since the process ends soon after.
enum MemoryRelease {
    private typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
    private typealias MallocTrim = @convention(c) (Int) -> Int32
    /// glibc's `M_TRIM_THRESHOLD` and `M_MMAP_THRESHOLD` (malloc.h).
    private static let trimThreshold: Int32 = -1
    private static let topPad: Int32 = -2
    private static let mmapThreshold: Int32 = -3

    /// Fixes the allocator's thresholds for large blocks and for trimming (repeating it is harmless).
    static func configure() {
        set([(mmapThreshold, 128 * 1024), (trimThreshold, 128 * 1024), (topPad, 128 * 1024)])
    }

    /// Lets the heaps grow 16 MiB at a time and keep up to 256 MiB freed, and serves blocks below 32 MiB from them: a
    /// rebuild that reads the last build's tables otherwise spends up to a tenth of its CPU time growing, trimming and
    /// faulting in its threads' heaps a page run at a time.
    static func favourSpeed() {
        set([(mmapThreshold, 32 * 1024 * 1024), (trimThreshold, 256 * 1024 * 1024), (topPad, 16 * 1024 * 1024)])
    }

    private static func set(_ options: [(option: Int32, value: Int32)]) {
        #if canImport(Glibc)
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
            let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
            for (option, value) in options { _ = mallopt(option, value) }
        #endif
    }

    /// Lets go of `value` on a thread of its own, so that a finished build need not wait while a large site's
    /// documents, pages and reuse tables are freed (a tenth of a second or more at 10k documents); a command that exits
    /// right after does not wait for it either. The caller must hand the value over (`consume`), or it frees it itself.
    static func inBackground<Value: Sendable>(_ value: consuming Value) {
        Task.detached(priority: .utility) { withExtendedLifetime(value) {} }
    }

    /// Lets go of `value` at the end of a build: on a thread of its own (``inBackground(_:)``), or, when the process
    /// ends right after the build (`leftToExit`), not at all: the operating system takes a process's memory back at exit
    /// at once, where freeing a large site's documents, pages and reuse tables object by object keeps a core busy for
    /// a tenth of a second or more, and the process cannot end before that thread is done.
    static func atEnd<Value: Sendable>(_ value: consuming Value, leftToExit: Bool) {
        guard leftToExit else { return inBackground(value) }
        _ = Unmanaged.passRetained(Leftover(value))
    }

    /// What a build holds at its end, kept to the process's exit (``atEnd(_:leftToExit:)``).
    private final class Leftover<Value>: Sendable where Value: Sendable {
        let value: Value
        init(_ value: consuming Value) { self.value = value }
    }

    /// Returns the allocator's free pages to the system.
    static func returnFreed() {
        #if canImport(Glibc)
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
            _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        #endif
    }
}

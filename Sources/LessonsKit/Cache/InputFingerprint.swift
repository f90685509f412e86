import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The key of everything a build's output depends on: the bytes of every file under the folders the build reads
/// (`site.yaml`, `content/`, `data/`, `themes/`, `static/`), the git dates, the tool (version and executable), the
/// resolved build options and the environment variables lessons reads. Two builds with the same key write the same
/// bytes, so a rebuild with an unchanged key can skip the work.
struct InputFingerprint: Sendable, Hashable {
    /// The folders and files of the site the build reads.
    static let inputs = ["site.yaml", "content", "data", "themes", "static"]
    /// Folders deeper than this are not followed (a loop of symbolic links).
    static let maximumDepth = 32

    /// The hex SHA-256 key.
    let key: String
    /// How many files were hashed.
    let fileCount: Int
    /// The hex SHA-256 of each file hashed, by site-relative path.
    let files: [String: String]

    /// Hashes the site in `siteDirectory` with `settings` (options, git dates, tool: lines the caller builds).
    static func compute(siteDirectory: String, settings: [String]) -> InputFingerprint {
        var paths: [String] = []
        for input in inputs { collect(siteDirectory, relative: input, depth: 0, into: &paths) }
        paths.sort()
        let digests = hashFiles(paths.map { siteDirectory + "/" + $0 })
        var key = CacheKeyBuilder()
        for setting in settings { key.add("setting", setting) }
        for (path, digest) in zip(paths, digests) { key.add(path, digest) }
        return InputFingerprint(
            key: key.finish(), fileCount: paths.count,
            files: Dictionary(zip(paths, digests), uniquingKeysWith: { first, _ in first }))
    }

    /// A line naming the running executable by path, size and modification time, so that a rebuilt `lessons` (whose
    /// embedded theme or code may differ under the same version number) never trusts an older build's cache.
    static func executableIdentity() -> String {
        let path =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments.first ?? ""
        var info = stat()
        guard stat(path, &info) == 0 else { return path }
        let modified = FileFacts.modified(info)
        return "\(path) \(info.st_size) \(modified)"
    }

    /// Regular files at or under `relative` (following symbolic links), site-relative.
    private static func collect(_ site: String, relative: String, depth: Int, into paths: inout [String]) {
        var info = stat()
        let path = site + "/" + relative
        guard depth <= maximumDepth, stat(path, &info) == 0 else { return }
        switch info.st_mode & S_IFMT {
        case S_IFREG: paths.append(relative)
        case S_IFDIR:
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                paths.append(relative + "/\u{0}unreadable")
                return
            }
            for name in names { collect(site, relative: relative + "/" + name, depth: depth + 1, into: &paths) }
        default:
            // A pipe or device is never opened by the build (it reports it), so its name alone is part of the key.
            paths.append(relative + "\u{0}special")
        }
    }

    /// The SHA-256 of each file's bytes (an empty string for one that cannot be read), hashed on every core.
    private static func hashFiles(_ paths: [String]) -> [String] {
        let batch = 64
        let batches = (paths.count + batch - 1) / batch
        let results = BatchResults(count: batches)
        DispatchQueue.concurrentPerform(iterations: batches) { index in
            let digests = paths[index * batch..<min(paths.count, (index + 1) * batch)].map { path -> String in
                guard !path.contains("\u{0}"), let data = FileManager.default.contents(atPath: path) else { return "" }
                return SHA256Hex.of(data)
            }
            results.set(index, digests)
        }
        return results.joined()
    }
}

/// Per-batch results of a `concurrentPerform`, each batch stored once under a lock and read after all finished.
private final class BatchResults: @unchecked Sendable {
    private let lock = NSLock()
    private var batches: [[String]]

    init(count: Int) { batches = Array(repeating: [], count: count) }

    func set(_ index: Int, _ values: [String]) {
        lock.lock()
        batches[index] = values
        lock.unlock()
    }

    func joined() -> [String] {
        lock.lock()
        defer { lock.unlock() }
        return batches.flatMap { $0 }
    }
}

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
/// bytes, so a rebuild with an unchanged key can skip the work. A file whose ``InputStamps`` still vouch for its last
/// digest is not read again.
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
    /// How many files were read (the others' digests came from the last hashing's ``InputStamps``).
    var readCount = 0
    /// This hashing's stamps, for the next build.
    var stamps: InputStamps?

    /// Hashes the site in `siteDirectory` with `settings` (options, git dates, tool: lines the caller builds), reading
    /// only the files whose stamps in `previous` (the last hashing's) do not vouch for their recorded digests.
    static func compute(siteDirectory: String, settings: [String], previous: InputStamps? = nil) -> InputFingerprint {
        let began = InputStamps.now()
        var found: [(path: String, stamp: InputStamps.Stamp?)] = []
        for input in inputs { collect(siteDirectory, relative: input, depth: 0, into: &found) }
        found.sort { $0.path < $1.path }
        var digests = found.map { file in file.stamp.flatMap { previous?.digest(of: file.path, stamp: $0) } }
        let unread = digests.indices.filter { digests[$0] == nil }
        for (index, digest) in zip(unread, hashFiles(unread.map { siteDirectory + "/" + found[$0].path })) {
            digests[index] = digest
        }
        var key = CacheKeyBuilder()
        for setting in settings { key.add("setting", setting) }
        var files: [String: String] = [:]
        var stamped: [String: InputStamps.Entry] = [:]
        files.reserveCapacity(found.count)
        stamped.reserveCapacity(found.count)
        for (file, digest) in zip(found, digests) {
            let digest = digest ?? ""
            key.add(file.path, digest)
            if files[file.path] == nil { files[file.path] = digest }
            if let stamp = file.stamp, !digest.isEmpty {
                stamped[file.path] = InputStamps.Entry(stamp: stamp, digest: digest)
            }
        }
        var fingerprint = InputFingerprint(key: key.finish(), fileCount: found.count, files: files)
        fingerprint.readCount = unread.count
        fingerprint.stamps = InputStamps(siteDirectory: siteDirectory, hashingBegan: began, files: stamped)
        return fingerprint
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

    /// Regular files at or under `relative` (following symbolic links), site-relative, each with its stamp.
    private static func collect(
        _ site: String, relative: String, depth: Int, into found: inout [(path: String, stamp: InputStamps.Stamp?)]
    ) {
        var info = stat()
        let path = site + "/" + relative
        guard stat(path, &info) == 0 else { return }
        add(info, at: relative, depth: depth, into: &found) { open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
    }

    /// Adds the entry at `relative` whose facts are `info`: a regular file with its stamp, a folder's entries (opened
    /// by `openFolder`, each looked up relative to it rather than from the root again), anything else by name.
    private static func add(
        _ info: stat, at relative: String, depth: Int, into found: inout [(path: String, stamp: InputStamps.Stamp?)],
        openFolder: () -> Int32
    ) {
        switch info.st_mode & S_IFMT {
        case S_IFREG: found.append((relative, InputStamps.Stamp(info)))
        case S_IFDIR:
            let folder = openFolder()
            defer { if folder >= 0 { close(folder) } }
            guard folder >= 0, let names = FileFacts.entryNames(ofDirectory: folder) else {
                found.append((relative + "/\u{0}unreadable", nil))
                return
            }
            guard depth + 1 <= maximumDepth else { return }
            guard names.count >= parallelFolderSize else {
                found += entries(names[...], of: folder, at: relative, depth: depth)
                return
            }
            // A folder of thousands of documents is looked at by every core, a run of names each (the caller's sort
            // puts the order right).
            let runs = stride(from: 0, to: names.count, by: runSize).map { names[$0..<min($0 + runSize, names.count)] }
            for run in BatchResults.map(runs, batch: 1, { entries($0, of: folder, at: relative, depth: depth) }) {
                found += run
            }
        default:
            // A pipe or device is never opened by the build (it reports it), so its name alone is part of the key.
            found.append((relative + "\u{0}special", nil))
        }
    }

    /// What ``add(_:at:depth:into:openFolder:)`` finds of the entries named `names` of the folder open as `folder`,
    /// which is at `relative`.
    private static func entries(
        _ names: ArraySlice<[CChar]>, of folder: Int32, at relative: String, depth: Int
    ) -> [(path: String, stamp: InputStamps.Stamp?)] {
        var found: [(path: String, stamp: InputStamps.Stamp?)] = []
        for name in names {
            var entry = stat()
            guard fstatat(folder, name, &entry, 0) == 0 else { continue }
            add(entry, at: relative + "/" + FileFacts.text(ofName: name), depth: depth + 1, into: &found) {
                openat(folder, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            }
        }
        return found
    }

    /// The fewest entries of a folder whose entries are looked at on several threads, and the names each looks at in
    /// one go.
    private static let parallelFolderSize = 256
    private static let runSize = 64

    /// The SHA-256 of each file's bytes (an empty string for one that cannot be read), hashed on every core.
    private static func hashFiles(_ paths: [String]) -> [String] {
        BatchResults.map(paths, batch: 64) { path in
            guard !path.contains("\u{0}"), let data = FileManager.default.contents(atPath: path) else { return "" }
            return SHA256Hex.of(data)
        }
    }
}

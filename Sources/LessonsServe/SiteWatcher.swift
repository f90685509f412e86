import Foundation
import LessonsKit

/// Notices changes under the site's watched paths (content, data, themes, static, site.yaml) by comparing snapshots of
/// every file's size and modification time. Polling needs no platform file-event API and copes with editors that save
/// by renaming; a site of thousands of files is listed in milliseconds.
struct SiteWatcher: Sendable {
    /// What is watched, relative to the site folder.
    static let watchedPaths = ["site.yaml", "content", "data", "themes", "static"]

    /// One file's state; a change in either means the file changed.
    struct Stamp: Sendable, Hashable {
        let size: Int64
        let modified: Int64
    }

    let siteDirectory: String

    /// Every watched file with its stamp. Hidden files (editors' swap files) are left out.
    func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for path in Self.watchedPaths {
            let full = siteDirectory + "/" + path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else { continue }
            if !isDirectory.boolValue {
                stamps[path] = fileStamp(full)
                continue
            }
            let enumerator = FileManager.default.enumerator(atPath: full)
            while let relative = enumerator?.nextObject() as? String {
                if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                // Folders change whenever a file in them is saved; the files themselves say which one.
                guard let stamp = fileStamp(full + "/" + relative) else { continue }
                stamps[path + "/" + relative] = stamp
            }
        }
        return stamps
    }

    /// The stamp of a file; nil for a folder.
    private func fileStamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return Stamp(size: -1, modified: -1) }
        guard (info.st_mode & S_IFMT) != S_IFDIR else { return nil }
        #if canImport(Darwin)
            let modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
            let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
        return Stamp(size: Int64(info.st_size), modified: modified)
    }

    /// Waits until something changes, then until nothing has changed for `quiet` (so a burst of saves makes one
    /// rebuild); returns the new snapshot, or nil when the task is cancelled.
    func nextChange(
        after previous: [String: Stamp], poll: Duration = .milliseconds(250), quiet: Duration = .milliseconds(300)
    ) async -> [String: Stamp]? {
        var current = previous
        while current == previous {
            guard (try? await Task.sleep(for: poll)) != nil else { return nil }
            current = snapshot()
        }
        while true {
            guard (try? await Task.sleep(for: quiet)) != nil else { return nil }
            let settled = snapshot()
            if settled == current { return settled }
            current = settled
        }
    }
}

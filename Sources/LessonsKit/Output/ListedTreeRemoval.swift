#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension OutputFileSystem {
    /// Removes the folder at `path` as ``removeTree(_:parallel:)`` does, taking the files in it from `listed` (paths
    /// relative to it, as the last build recorded its output) instead of reading each folder: every listed file is
    /// unlinked and every folder above one removed, deepest first. Whatever the list missed (a file added by hand, a
    /// listed folder that is a file now) leaves its folder not empty, and that folder is then removed by the walk; a
    /// wrong or stale list only costs that walk.
    ///
    /// Each folder is opened relative to its parent and never through a symbolic link, so a listed path cannot lead out
    /// of `path`; listed paths that are not plain relative paths are left out.
    static func removeListedTree(_ path: String, listed: [String], parallel: Bool) throws(OutputError) {
        guard try kind(at: path) == .directory else { return try removeTree(path, parallel: parallel) }
        let descriptor = openFolder(path)
        guard descriptor >= 0 else { return try removeTree(path, parallel: parallel) }
        defer { close(descriptor) }
        removeListed(ListedFolder(listed), in: descriptor, parallel: parallel)
        if rmdir(path) != 0 { try removeTree(path, parallel: parallel) }
    }

    /// Removes the `listed` files (relative paths) from the folder at `path`, and every folder above one of them that
    /// this leaves empty, as ``removeListedTree(_:listed:parallel:)`` does but keeping the folder itself. Best effort:
    /// a listed path that is missing, or a folder still holding other files, is left as it is.
    static func removeListed(_ listed: [String], inFolder path: String, parallel: Bool) {
        let folder = ListedFolder(listed)
        guard !folder.isEmpty else { return }
        let descriptor = openFolder(path)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        removeListed(folder, in: descriptor, parallel: parallel)
    }

    /// Removes what `folder` lists from the folder open as `descriptor`; every listed subfolder that cannot be removed
    /// so is left for the walk.
    private static func removeListed(_ folder: ListedFolder, in descriptor: Int32, parallel: Bool) {
        for name in folder.files { _ = unlinkat(descriptor, name, 0) }
        let spread = parallel && folder.folders.count >= 2 * listedBatchSize
        _ = try? OutputBatches.sum(count: folder.folders.count, batchSize: listedBatchSize, parallel: spread) {
            (index) throws(OutputError) -> Int in
            let (name, listed) = folder.folders[index]
            let child = openFolder(name, in: descriptor)
            guard child >= 0 else { return 0 }
            removeListed(listed, in: child, parallel: parallel && !spread)
            close(child)
            _ = unlinkat(descriptor, name, AT_REMOVEDIR)
            return 0
        }
    }

    /// Subfolders per unit of parallel removal.
    private static let listedBatchSize = 16
}

/// The files and folders a list of relative paths names in one folder, as NUL-terminated names.
struct ListedFolder: Sendable {
    var files: [[CChar]] = []
    var folders: [(name: [CChar], folder: ListedFolder)] = []

    /// Whether no path is listed.
    var isEmpty: Bool { files.isEmpty && folders.isEmpty }

    /// The tree of `paths` (relative, `/`-separated); a path that is empty, absolute or has an empty, `.` or `..`
    /// component is left out.
    init(_ paths: [String]) {
        var tree = Node()
        for path in paths {
            let components = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
            guard !components.isEmpty,
                components.allSatisfy({ component in
                    !component.isEmpty && !component.contains(0)
                        && !(component.count <= 2 && component.allSatisfy { $0 == UInt8(ascii: ".") })
                })
            else { continue }
            tree.add(components.map { $0.map { CChar(bitPattern: $0) } + [0] })
        }
        self = tree.listed
    }

    private init() {}

    private struct Node {
        var files: [[CChar]] = []
        var folders: [[CChar]: Node] = [:]

        mutating func add(_ components: [[CChar]]) {
            guard let first = components.first else { return }
            if components.count == 1 { return files.append(first) }
            folders[first, default: Node()].add(Array(components.dropFirst()))
        }

        var listed: ListedFolder {
            var folder = ListedFolder()
            folder.files = files
            folder.folders = folders.map { ($0.key, $0.value.listed) }
            return folder
        }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Brings an output folder up to date in place, for a rebuild that staged only its new and changed files: the files the
/// last build made and this one does not are removed, then each staged file is renamed over its place in the output.
/// Files whose bytes did not change are never touched, so they keep their inode and modification time.
///
/// Every folder is opened relative to its parent and never through a symbolic link, so no path can lead out of the
/// output or the staging folder. Something in the way of a new file or folder (a folder where a file goes, a file where
/// a folder goes) is removed first.
struct InPlaceUpdate: Sendable {
    /// The output folder's absolute path.
    let outputPath: String
    /// The staging folder's absolute path (it holds the new and changed files, at their paths).
    let stagingPath: String
    /// Every file of the new output, relative (the marker file aside).
    let files: Set<String>
    /// Every folder above one of ``files``, relative ("" is the output itself).
    let folders: Set<String>

    /// How many entries the output holds once brought up to date: its files, its folders and the marker file.
    var entryCount: Int { files.count + (folders.count - 1) + 1 }

    /// Removes the `listed` files (the last build's output, relative) that the new output does not have, and the
    /// folders this empties (one the new output still needs is made again as its files move in). Best effort: whatever
    /// is left is found by ``removeStrays()``.
    func removeStale(listed: [String]) {
        let stale = listed.filter { !files.contains($0) && $0 != SiteWriter.markerFileName }
        OutputFileSystem.removeListed(stale, inFolder: outputPath, parallel: true)
    }

    /// Renames each of the `staged` files (relative) from the staging folder over its place in the output, making the
    /// folders it needs.
    func moveIn(_ staged: [String]) throws(OutputError) {
        let tree = ListedFolder(staged)
        guard !tree.isEmpty else { return }
        let source = try Self.openFolder(stagingPath)
        defer { close(source) }
        let target = try Self.openFolder(outputPath)
        defer { close(target) }
        try moveIn(tree, from: source, to: target, relative: "")
    }

    private func moveIn(_ tree: ListedFolder, from source: Int32, to target: Int32, relative: String)
        throws(OutputError)
    {
        for name in tree.files {
            if renameat(source, name, target, name) == 0 { continue }
            let code = errno
            let path = Self.join(outputPath, Self.join(relative, FileFacts.text(ofName: name)))
            // A folder where the file goes (a rename never replaces one).
            guard code == EISDIR || code == ENOTEMPTY || code == EEXIST else {
                throw OutputFileSystem.failure("cannot move the new file into place", path, code: code)
            }
            try OutputFileSystem.removeEntry(name, in: target, path: Self.join(outputPath, relative))
            guard renameat(source, name, target, name) == 0 else {
                throw OutputFileSystem.failure("cannot move the new file into place", path)
            }
        }
        for (name, child) in tree.folders {
            let path = Self.join(relative, FileFacts.text(ofName: name))
            let from = OutputFileSystem.openFolder(name, in: source)
            guard from >= 0 else {
                throw OutputFileSystem.failure("cannot open folder", Self.join(stagingPath, path))
            }
            defer { close(from) }
            let to = try makeFolder(name, in: target, path: Self.join(outputPath, path))
            defer { close(to) }
            try moveIn(child, from: from, to: to, relative: path)
        }
    }

    /// Opens the folder `name` of the folder open as `descriptor`, making it when missing and replacing a file or
    /// symbolic link in its way.
    private func makeFolder(_ name: [CChar], in descriptor: Int32, path: String) throws(OutputError) -> Int32 {
        for attempt in 0..<2 {
            if mkdirat(descriptor, name, OutputFileSystem.directoryMode) != 0, errno != EEXIST {
                throw OutputFileSystem.failure("cannot create folder", path)
            }
            let folder = OutputFileSystem.openFolder(name, in: descriptor)
            if folder >= 0 { return folder }
            guard attempt == 0, errno == ENOTDIR || errno == ELOOP, unlinkat(descriptor, name, 0) == 0 else { break }
        }
        throw OutputFileSystem.failure("cannot open folder", path)
    }

    /// Removes everything in the output that the new output does not have: a file or folder added by hand, or one the
    /// last build's list missed. Walks the whole folder; returns whether it removed anything.
    @discardableResult
    func removeStrays() throws(OutputError) -> Bool {
        let output = try Self.openFolder(outputPath)
        defer { close(output) }
        return try removeStrays(in: output, relative: "")
    }

    private func removeStrays(in descriptor: Int32, relative: String) throws(OutputError) -> Bool {
        let folderPath = Self.join(outputPath, relative)
        guard let names = FileFacts.entryNames(ofDirectory: descriptor) else {
            throw OutputFileSystem.failure("cannot read folder", folderPath)
        }
        var removed = false
        for name in names {
            let text = FileFacts.text(ofName: name)
            // A name that is not UTF-8 is no file of ours.
            let path =
                text.utf8.elementsEqual(name.dropLast().lazy.map { UInt8(bitPattern: $0) })
                ? Self.join(relative, text) : nil
            if let path, files.contains(path) || (relative.isEmpty && text == SiteWriter.markerFileName) { continue }
            if let path, folders.contains(path) {
                let child = OutputFileSystem.openFolder(name, in: descriptor)
                if child >= 0 {
                    defer { close(child) }
                    if try removeStrays(in: child, relative: path) { removed = true }
                    continue
                }
            }
            try OutputFileSystem.removeEntry(name, in: descriptor, path: folderPath)
            removed = true
        }
        return removed
    }

    private static func openFolder(_ path: String) throws(OutputError) -> Int32 {
        let descriptor = OutputFileSystem.openFolder(path)
        guard descriptor >= 0 else { throw OutputFileSystem.failure("cannot open folder", path) }
        return descriptor
    }

    private static func join(_ folder: String, _ name: String) -> String {
        folder.isEmpty ? name : folder + "/" + name
    }
}

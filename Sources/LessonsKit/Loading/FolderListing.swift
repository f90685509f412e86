import Foundation

/// Lists folders of the site entry by entry, reporting what cannot be read instead of skipping it.
///
/// Only regular files and folders are ever read: a named pipe would block the build forever, and a
/// device or socket is never content. Names that are not UTF-8, dangling or looping symbolic links,
/// unreadable folders and folders nested too deep are each a located problem naming the path.
extension SiteReader {
    /// What a folder entry is, symbolic links followed.
    enum EntryKind: Sendable, Equatable {
        case file
        case directory
        /// Anything that must not be read, with what it is: "a named pipe (FIFO)", "a symbolic link that leads nowhere", …
        case unusable(String)
        /// A symbolic link that leaves the site (skipped with a warning).
        case outsideSite
    }

    /// Deepest folder nesting read below a top-level folder such as `content/<type>/` or `static/`.
    static let maximumFolderDepth = 16

    /// An entry of a folder: its name and, when the folder listing told it (a regular file or a folder, not a
    /// symbolic link), its kind, so that it need not be looked up again.
    struct FolderEntry {
        let name: String
        let listedKind: EntryKind?
    }

    /// The entries of a folder, sorted by name; names starting with `.` or `_` are left out.
    /// - Returns: nil (with an error) when the folder itself cannot be read.
    func children(of relative: String, diagnostics: inout [Diagnostic]) -> [FolderEntry]? {
        guard let directory = opendir(absolute(relative)) else {
            let reason = String(cString: strerror(errno))
            diagnostics.append(
                .error(
                    .unreadableFile, "cannot read the folder: \(reason.lowercased())",
                    at: SourceLocation(file: relative),
                    hint: "check the folder's permissions; nothing inside it was read"))
            return nil
        }
        defer { closedir(directory) }
        var entries: [FolderEntry] = []
        while let entry = readdir(directory) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            guard let first = bytes.first, first != UInt8(ascii: "."), first != UInt8(ascii: "_") else { continue }
            guard let name = String(validating: bytes, as: UTF8.self) else {
                diagnostics.append(
                    .error(
                        .skippedPath, "file name is not valid UTF-8, so it was not read",
                        at: SourceLocation(file: relative + "/" + Self.escapedName(bytes)),
                        hint: "rename it using UTF-8 (the file was probably copied from an older system)"))
                continue
            }
            // Most file systems say what an entry is; a symbolic link, or an entry of unknown type, is looked up.
            let listedKind: EntryKind? =
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_REG): .file
                case Int32(DT_DIR): .directory
                default: nil
                }
            entries.append(FolderEntry(name: name, listedKind: listedKind))
        }
        return entries.sorted { $0.name < $1.name }
    }

    /// The kind of an entry; every kind that is not a regular file or folder is named for the message.
    func kind(of relative: String) -> EntryKind {
        let full = absolute(relative)
        var info = stat()
        guard lstat(full, &info) == 0 else {
            return .unusable("an entry that cannot be examined (\(String(cString: strerror(errno)).lowercased()))")
        }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            guard stat(full, &info) == 0 else {
                return errno == ELOOP
                    ? .unusable("a symbolic link that loops") : .unusable("a symbolic link that leads nowhere")
            }
            guard isInsideSite(full) else { return .outsideSite }
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        case S_IFIFO: return .unusable("a named pipe (FIFO), not a file")
        case S_IFSOCK: return .unusable("a socket, not a file")
        case S_IFCHR, S_IFBLK: return .unusable("a device, not a file")
        default: return .unusable("not a regular file")
        }
    }

    /// Every regular file below `relative` (site-relative paths, sorted), with a problem for everything else met.
    func regularFiles(under relative: String) -> (files: [String], diagnostics: [Diagnostic]) {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        guard kind(of: relative) == .directory else { return ([], []) }
        func walk(_ folder: String, depth: Int) {
            guard let entries = children(of: folder, diagnostics: &diagnostics) else { return }
            for entry in entries {
                let path = folder + "/" + entry.name
                switch entry.listedKind ?? kind(of: path) {
                case .file: files.append(path)
                case .directory:
                    if depth + 1 > Self.maximumFolderDepth {
                        diagnostics.append(Self.tooDeep(path))
                    } else {
                        walk(path, depth: depth + 1)
                    }
                case .unusable(let what): diagnostics.append(Self.unusable(path, what))
                case .outsideSite: diagnostics.append(Self.outsideSite(path))
                }
            }
        }
        walk(relative, depth: 0)
        return (files.sorted(), diagnostics)
    }

    static func tooDeep(_ path: String) -> Diagnostic {
        .error(
            .skippedPath, "folder is nested more than \(maximumFolderDepth) levels deep, so it was not read",
            at: SourceLocation(file: path),
            hint: "move its files up into a shallower folder")
    }

    static func unusable(_ path: String, _ what: String) -> Diagnostic {
        .error(
            .notRegularFile, "this is \(what); only regular files and folders are read", at: SourceLocation(file: path),
            hint: "replace it with an ordinary file, or remove it")
    }

    static func outsideSite(_ path: String) -> Diagnostic {
        .warning(
            .symlinkOutsideSite, "symbolic link points outside the site; skipped", at: SourceLocation(file: path),
            hint: "copy the file into the site instead of linking to it")
    }

    /// A raw file name with every byte that is not printable ASCII written as `\xHH`.
    static func escapedName(_ bytes: [UInt8]) -> String {
        bytes.map {
            (0x20..<0x7F).contains($0) && $0 != UInt8(ascii: "\\")
                ? String(UnicodeScalar($0)) : "\\x" + String($0, radix: 16, uppercase: true)
        }.joined()
    }

    /// Whether a path names a regular file (symbolic links followed): the only kind of file ever opened.
    func isRegularFile(_ relative: String) -> Bool {
        kind(of: relative) == .file
    }
}

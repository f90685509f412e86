import Foundation

/// The one place that reads the site folder: lists content files and reads text files, reporting problems as diagnostics.
public struct SiteReader: Sendable {
    /// Largest file accepted; anything bigger is certainly not a hand-written document.
    public static let maximumFileSize = 5 * 1024 * 1024

    public let siteDirectory: String

    public init(siteDirectory: String) {
        self.siteDirectory = URL(fileURLWithPath: siteDirectory).standardizedFileURL.path
    }

    /// Absolute path of a site-relative path.
    public func absolute(_ relative: String) -> String {
        siteDirectory == "/" ? "/" + relative : siteDirectory + "/" + relative
    }

    /// Whether an absolute path, with every symbolic link resolved, stays inside the site folder.
    public func isInsideSite(_ absolutePath: String) -> Bool {
        let resolved = URL(fileURLWithPath: absolutePath).resolvingSymlinksInPath().path
        let site = URL(fileURLWithPath: siteDirectory).resolvingSymlinksInPath().path
        return resolved.hasPrefix(site + "/")
    }

    public func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: absolute(relative))
    }

    /// Lists every document and attachment under `content/`, skipping names that start with `.` or `_`.
    public func listContent() -> ContentListing {
        var listing = ContentListing()
        let root = "content"
        for name in sortedChildren(of: root) where !Self.isIgnored(name) {
            let path = root + "/" + name
            guard let kind = entryKind(path, listing: &listing) else { continue }
            if kind == .directory {
                guard let type = DocumentType(folder: name) else {
                    let known = DocumentType.allCases.map(\.folder)
                    if let document = firstMarkdown(in: path) {
                        listing.diagnostics.append(.error(.unknownFolder, "document in unknown content folder '\(name)'\(Suggestions.didYouMean(name, in: known))",
                                                          at: SourceLocation(file: document),
                                                          hint: "documents go in one of: \(known.joined(separator: ", "))"))
                    }
                    continue
                }
                walk(path, type: type, listing: &listing, depth: 0)
            } else if name.hasSuffix(".md") {
                listing.diagnostics.append(.error(.strayDocument, "document directly in content/: its type is unknown",
                                                  at: SourceLocation(file: path),
                                                  hint: "move it into a type folder such as content/lessons/ or content/incidents/"))
            }
        }
        listing.documents.sort { $0.path < $1.path }
        return listing
    }

    private func walk(_ folder: String, type: DocumentType, listing: inout ContentListing, depth: Int) {
        guard depth < 16 else { return }
        for name in sortedChildren(of: folder) where !Self.isIgnored(name) {
            let path = folder + "/" + name
            guard let kind = entryKind(path, listing: &listing) else { continue }
            switch kind {
            case .directory:
                walk(path, type: type, listing: &listing, depth: depth + 1)
            case .file where name.hasSuffix(".md"):
                listing.documents.append(.init(type: type, path: path, absolutePath: absolute(path)))
            case .file:
                listing.attachments.insert(path)
            }
        }
    }

    private enum EntryKind { case file, directory }

    /// The kind of an entry; symlinks are followed only when they stay inside the site.
    private func entryKind(_ path: String, listing: inout ContentListing) -> EntryKind? {
        let full = absolute(path)
        var info = stat()
        guard lstat(full, &info) == 0 else { return nil }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            let resolved = URL(fileURLWithPath: full).resolvingSymlinksInPath().path
            let realSite = URL(fileURLWithPath: siteDirectory).resolvingSymlinksInPath().path
            guard resolved.hasPrefix(realSite + "/") else {
                listing.diagnostics.append(.warning(.symlinkOutsideSite, "symbolic link points outside the site; skipped",
                                                    at: SourceLocation(file: path),
                                                    hint: "copy the file into the site instead of linking to it"))
                return nil
            }
            guard stat(full, &info) == 0 else { return nil }
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        default: return nil
        }
    }

    /// The first Markdown file (in path order) below a folder.
    private func firstMarkdown(in folder: String) -> String? {
        guard let enumerator = FileManager.default.enumerator(atPath: absolute(folder)) else { return nil }
        var found: [String] = []
        while let next = enumerator.nextObject() as? String {
            if next.hasSuffix(".md") { found.append(next) }
        }
        return found.min().map { folder + "/" + $0 }
    }

    func sortedChildren(of relative: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: absolute(relative))) ?? []).sorted()
    }

    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasPrefix("_")
    }

    /// The line and column of the first byte that is not valid UTF-8.
    static func firstInvalidUTF8(in bytes: [UInt8], file: String) -> SourceLocation {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            let valid = length > 0 && index + length <= bytes.count
                && String(validating: bytes[index..<index + length], as: UTF8.self) != nil
            guard valid else {
                let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).unicodeScalars.count + 1
                return SourceLocation(file: file, line: line, column: column)
            }
            if byte == 0x0A {
                line += 1
                lineStart = index + 1
            }
            index += length
        }
        return SourceLocation(file: file, line: line)
    }

    /// Reads a UTF-8 text file, refusing oversized, binary and non-UTF-8 files with a located diagnostic.
    public func readText(_ relative: String) -> Result<SourceFile, Diagnostic> {
        let full = absolute(relative)
        let location = SourceLocation(file: relative)
        guard let handle = FileHandle(forReadingAtPath: full) else {
            return .failure(.error(.unreadableFile, "cannot open the file", at: location))
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: Self.maximumFileSize + 1) ?? Data()
        } catch {
            return .failure(.error(.unreadableFile, "cannot read the file: \(error.localizedDescription)", at: location))
        }
        if data.count > Self.maximumFileSize {
            return .failure(.error(.fileTooLarge, "file is larger than \(Self.maximumFileSize / 1024 / 1024) MB",
                                   at: location, hint: "documents are short texts; put large files in static/ and link to them"))
        }
        if data.contains(0) {
            return .failure(.error(.binaryFile, "file is binary, not text", at: location,
                                   hint: "is it an image or document saved under a .md name? Keep attachments under their own extension"))
        }
        guard var text = String(validating: data, as: UTF8.self) else {
            return .failure(.error(.notUTF8, "file is not valid UTF-8 text", at: Self.firstInvalidUTF8(in: [UInt8](data), file: relative),
                                   hint: "save the file as UTF-8 in your editor (this character was probably saved as Latin-1 or Windows-1252)"))
        }
        if text.contains("\r") {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return .success(SourceFile(path: relative, absolutePath: full, text: text))
    }
}

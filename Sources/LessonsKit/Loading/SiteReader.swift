import Foundation

/// The one place that reads the site folder: lists content files and reads text files, reporting problems as diagnostics.
struct SiteReader: Sendable {
    /// Largest file accepted; anything bigger is certainly not a hand-written document.
    static let maximumFileSize = 5 * 1024 * 1024

    let siteDirectory: String

    init(siteDirectory: String) {
        self.siteDirectory = URL(fileURLWithPath: siteDirectory).standardizedFileURL.path
    }

    /// Absolute path of a site-relative path.
    func absolute(_ relative: String) -> String {
        siteDirectory == "/" ? "/" + relative : siteDirectory + "/" + relative
    }

    /// Whether an absolute path, with every symbolic link resolved, stays inside the site folder.
    func isInsideSite(_ absolutePath: String) -> Bool {
        let resolved = URL(fileURLWithPath: absolutePath).resolvingSymlinksInPath().path
        let site = URL(fileURLWithPath: siteDirectory).resolvingSymlinksInPath().path
        return resolved.hasPrefix(site + "/")
    }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: absolute(relative))
    }

    /// Lists every document and attachment under `content/`, skipping names that start with `.` or `_`.
    ///
    /// Nothing is skipped silently: an entry that cannot be read is an error naming it, and the listing is then
    /// marked incomplete so that references to documents it may hold are not reported as unknown as well.
    func listContent() -> ContentListing {
        var listing = ContentListing()
        let root = "content"
        guard kind(of: root) == .directory else { return listing }
        let countBefore = listing.diagnostics.count
        for entry in children(of: root, diagnostics: &listing.diagnostics) ?? [] {
            let (name, path) = (entry.name, root + "/" + entry.name)
            switch entry.listedKind ?? kind(of: path) {
            case .directory:
                guard let type = DocumentType(folder: name) else {
                    let known = DocumentType.allCases.map(\.folder)
                    if let document = firstMarkdown(in: path) {
                        listing.diagnostics.append(
                            .error(
                                .unknownFolder,
                                "document in unknown content folder '\(name)'\(Suggestions.didYouMean(name, in: known))",
                                at: SourceLocation(file: document),
                                hint: "documents go in one of: \(known.joined(separator: ", "))"))
                    }
                    continue
                }
                walk(path, type: type, listing: &listing, depth: 0)
            case .file where name.hasSuffix(".md"):
                listing.diagnostics.append(
                    .error(
                        .strayDocument, "document directly in content/: its type is unknown",
                        at: SourceLocation(file: path),
                        hint: "move it into a type folder such as content/lessons/ or content/incidents/"))
            case .file:
                continue
            case .unusable(let what):
                listing.diagnostics.append(Self.unusable(path, what))
            case .outsideSite:
                listing.diagnostics.append(Self.outsideSite(path))
            }
        }
        // Whatever could not be read may have held documents whose ids other documents name.
        listing.isIncomplete = listing.diagnostics[countBefore...].contains {
            $0.severity == .error && $0.code != .strayDocument && $0.code != .unknownFolder
        }
        // Walked folder by folder in name order, the paths are nearly always in order already (not "a/b.md", "a.md").
        let inOrder = zip(listing.documents, listing.documents.dropFirst()).allSatisfy { $0.path < $1.path }
        if !inOrder { listing.documents.sort { $0.path < $1.path } }
        return listing
    }

    private func walk(_ folder: String, type: DocumentType, listing: inout ContentListing, depth: Int) {
        guard let entries = children(of: folder, diagnostics: &listing.diagnostics) else { return }
        for entry in entries {
            let path = folder + "/" + entry.name
            switch entry.listedKind ?? kind(of: path) {
            case .directory:
                if depth + 1 > Self.maximumFolderDepth {
                    listing.diagnostics.append(Self.tooDeep(path))
                } else {
                    walk(path, type: type, listing: &listing, depth: depth + 1)
                }
            case .file where entry.name.hasSuffix(".md"):
                listing.documents.append(.init(type: type, path: path, absolutePath: absolute(path)))
            case .file:
                listing.attachments.insert(path)
            case .unusable(let what):
                listing.diagnostics.append(Self.unusable(path, what))
            case .outsideSite:
                listing.diagnostics.append(Self.outsideSite(path))
            }
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
            let length =
                byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            let valid =
                length > 0 && index + length <= bytes.count
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

    /// The first 64 KB of a regular file decoded leniently (invalid UTF-8 replaced), or nil; only for salvaging an id.
    func legibleText(_ relative: String) -> String? {
        guard isRegularFile(relative), let handle = FileHandle(forReadingAtPath: absolute(relative)) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 64 * 1024) else { return nil }
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r", with: "\n")
    }

    /// Reads a UTF-8 text file, refusing oversized, binary and non-UTF-8 files with a located diagnostic.
    func readText(_ relative: String) -> Result<SourceFile, Diagnostic> {
        let full = absolute(relative)
        let location = SourceLocation(file: relative)
        // Opening a named pipe would block until something writes to it: look before opening.
        if case .unusable(let what) = kind(of: relative) {
            return .failure(Self.unusable(relative, what))
        }
        if kind(of: relative) == .directory {
            return .failure(Self.unusable(relative, "a folder"))
        }
        guard let handle = FileHandle(forReadingAtPath: full) else {
            return .failure(.error(.unreadableFile, "cannot open the file", at: location))
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: Self.maximumFileSize + 1) ?? Data()
        } catch {
            return .failure(
                .error(.unreadableFile, "cannot read the file: \(error.localizedDescription)", at: location))
        }
        if data.count > Self.maximumFileSize {
            return .failure(
                .error(
                    .fileTooLarge, "file is larger than \(Self.maximumFileSize / 1024 / 1024) MB",
                    at: location, hint: "documents are short texts; put large files in static/ and link to them"))
        }
        // In place: `Data.contains` would step through the bytes one iterator call at a time.
        if data.withUnsafeBytes({ $0.contains(0) }) {
            return .failure(
                .error(
                    .binaryFile, "file is binary, not text", at: location,
                    hint:
                        "is it an image or document saved under a .md name? Keep attachments under their own extension")
            )
        }
        guard var text = String(validating: data, as: UTF8.self) else {
            return .failure(
                .error(
                    .notUTF8, "file is not valid UTF-8 text",
                    at: Self.firstInvalidUTF8(in: [UInt8](data), file: relative),
                    hint:
                        "save the file as UTF-8 in your editor (this character was probably saved as Latin-1 or Windows-1252)"
                ))
        }
        if text.utf8.contains(UInt8(ascii: "\r")) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return .success(SourceFile(path: relative, absolutePath: full, text: text))
    }
}

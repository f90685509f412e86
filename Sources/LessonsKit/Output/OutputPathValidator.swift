#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Checks output file paths and the output folder's place relative to the site, before anything is written.
enum OutputPathValidator {
    /// The site folders whose contents are read as input; the output may not be in any of them.
    static let inputFolderNames = ["content", "data", "themes", "static"]
    /// The longest file or folder name most file systems accept, in bytes.
    static let maximumNameLength = 255

    /// Where the output folder is, with symbolic links in its parents resolved.
    struct Location: Equatable {
        /// The resolved parent folder, absolute (`/` for the root).
        let parent: String
        /// The output folder's own name (never resolved, so that a symbolic link is seen as one).
        let name: String
        /// `parent` and `name` joined.
        var path: String { OutputPathValidator.join(parent, name) }
    }

    // MARK: - File paths

    /// Checks every file path and returns the folders to create, shallowest first, grouped by depth
    /// (each group sorted, so that the plan does not depend on the order of `files`).
    static func foldersToCreate(for files: [OutputFile], markerFileName: String) throws(OutputError) -> [[String]] {
        var seenFiles = Set<String>(minimumCapacity: files.count)
        var folders: [String: Int] = [:]
        for file in files {
            let path = file.path
            try checkSyntax(path)
            if path == markerFileName || !seenFiles.insert(path).inserted { throw .invalidPath(path) }
            var depth = 0
            for index in path.utf8.indices where path.utf8[index] == UInt8(ascii: "/") {
                depth += 1
                let folder = String(path[..<index])
                if folders[folder] != nil { continue }
                folders[folder] = depth
            }
        }
        // A path cannot be both a file and a folder of another file.
        for file in files where folders[file.path] != nil { throw .invalidPath(file.path) }

        var byDepth: [[String]] = []
        for (folder, depth) in folders {
            while byDepth.count < depth { byDepth.append([]) }
            byDepth[depth - 1].append(folder)
        }
        return byDepth.map { $0.sorted() }
    }

    /// Rejects empty and absolute paths, empty, `.` and `..` components, over-long names, backslashes and NUL.
    static func checkSyntax(_ path: String) throws(OutputError) {
        let bytes = path.utf8
        guard !bytes.isEmpty, !bytes.contains(UInt8(ascii: "\\")), !bytes.contains(0) else { throw .invalidPath(path) }
        for component in bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            let isDots = component.allSatisfy { $0 == UInt8(ascii: ".") } && component.count <= 2
            if component.isEmpty || isDots || component.count > maximumNameLength { throw .invalidPath(path) }
        }
    }

    // MARK: - Folders

    /// Resolves the output folder and refuses it if it is, contains, or lies inside an input folder of the site.
    static func locateOutput(_ outputDirectory: String, siteDirectory: String) throws(OutputError) -> Location {
        let outputComponents = standardizedComponents(absolute(outputDirectory))
        let siteComponents = standardizedComponents(absolute(siteDirectory))
        let site = resolvingExistingPrefix(siteComponents)
        guard let name = outputComponents.last else {
            // The output is the root folder, which holds every site.
            if site == "/" { throw .outputIsSiteFolder(outputDirectory) }
            throw .outputContainsSite(outputDirectory)
        }
        let location = Location(parent: resolvingExistingPrefix(outputComponents.dropLast()), name: name)
        let output = location.path

        if isSame(output, site) { throw .outputIsSiteFolder(outputDirectory) }
        if isInside(site, output) { throw .outputContainsSite(outputDirectory) }
        for folder in inputFolderNames {
            let candidates = [join(site, folder), resolvingExistingPrefix(siteComponents + [folder])]
            for input in candidates where isSame(output, input) || isInside(output, input) {
                throw .outputInsideContent(outputDirectory)
            }
        }
        return location
    }

    /// Whether `path` lies strictly inside `folder` (byte-wise comparison of standardized absolute paths).
    static func isInside(_ path: String, _ folder: String) -> Bool {
        let prefix = folder == "/" ? "/" : folder + "/"
        return path.utf8.count > prefix.utf8.count && path.utf8.starts(with: prefix.utf8)
    }

    static func isSame(_ first: String, _ second: String) -> Bool {
        first.utf8.elementsEqual(second.utf8)
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// `path` made absolute against the current folder.
    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        guard let buffer = getcwd(nil, 0) else { return "/" + path }
        defer { free(buffer) }
        return join(String(cString: buffer), path)
    }

    /// The components of an absolute path with empty and `.` components dropped and `..` applied.
    static func standardizedComponents(_ path: String) -> [String] {
        var components: [String] = []
        for component in path.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(String(component))
            }
        }
        return components
    }

    /// The absolute path of `components`, with the longest existing prefix resolved by `realpath`
    /// (symbolic links and all) and the rest appended as given.
    static func resolvingExistingPrefix<C: Collection<String>>(_ components: C) -> String {
        let parts = Array(components)
        for count in stride(from: parts.count, through: 0, by: -1) {
            let prefix = "/" + parts[..<count].joined(separator: "/")
            guard let resolved = realpath(prefix, nil) else { continue }
            defer { free(resolved) }
            return parts[count...].reduce(String(cString: resolved)) { join($0, $1) }
        }
        return "/" + parts.joined(separator: "/")
    }
}

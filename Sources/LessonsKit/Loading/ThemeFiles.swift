import Foundation

/// The files of the active theme: the built-in default overlaid by the site's own `themes/<name>/` files.
struct ThemeFiles: Sendable {
    /// A theme file's bytes and the site-relative path it is reported under.
    struct File: Sendable, Hashable {
        let bytes: [UInt8]
        let displayPath: String
    }

    /// Files by path relative to the theme folder (`templates/layout.mustache`, `assets/style.css`).
    let files: [String: File]

    init(files: [String: File]) {
        self.files = files
    }

    /// The default theme (`defaults`, shipped inside the binary), shadowed file by file by `<site>/themes/<name>/`.
    static func load(name: String, siteDirectory: String, defaults: [String: [UInt8]]) -> ThemeFiles {
        var files: [String: File] = [:]
        for (path, bytes) in defaults {
            files[path] = File(bytes: bytes, displayPath: "themes/default/" + path)
        }
        let reader = SiteReader(siteDirectory: siteDirectory)
        let root = siteDirectory + "/themes/" + name
        for folder in ["templates", "assets"] {
            guard let enumerator = FileManager.default.enumerator(atPath: root + "/" + folder) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let full = root + "/" + folder + "/" + relative
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                    !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                    reader.isInsideSite(full),
                    // Never open a named pipe or device: the pipeline reports them (SiteReader.regularFiles).
                    reader.isRegularFile("themes/\(name)/\(folder)/\(relative)"),
                    let data = FileManager.default.contents(atPath: full)
                else { continue }
                files[folder + "/" + relative] = File(
                    bytes: [UInt8](data), displayPath: "themes/\(name)/\(folder)/\(relative)")
            }
        }
        return ThemeFiles(files: files)
    }

    /// Template sources by template name (file name without folder and `.mustache`).
    var templates: [(name: String, file: File)] {
        files.keys.sorted().compactMap { path in
            guard path.hasPrefix("templates/"), path.hasSuffix(".mustache"), let file = files[path] else { return nil }
            let fileName = path.split(separator: "/").last.map(String.init) ?? path
            return (String(fileName.dropLast(".mustache".count)), file)
        }
    }

    /// Asset files by path under `assets/`.
    var assets: [(path: String, file: File)] {
        files.keys.sorted().compactMap { path in
            guard path.hasPrefix("assets/"), let file = files[path] else { return nil }
            return (String(path.dropFirst("assets/".count)), file)
        }
    }
}

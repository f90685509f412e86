import Foundation

/// A temporary folder, outside the output folder, holding the print pages Chromium turns into PDFs.
struct PrintScratchFolder: Sendable {
    let path: String

    /// A new folder name under the system's temporary folder (created when files are written).
    static func make() -> PrintScratchFolder {
        PrintScratchFolder(
            path: FileManager.default.temporaryDirectory.appendingPathComponent("lessons-pdf-\(UUID().uuidString)").path
        )
    }

    /// Writes `files` at their output paths under the folder.
    func write(_ files: [OutputFile]) throws {
        for file in files {
            let target = path + "/" + file.path
            try FileManager.default.createDirectory(
                atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            switch file.contents {
            case .bytes(let bytes): try Data(bytes).write(to: URL(fileURLWithPath: target))
            case .spliced(let spliced): try Data(spliced.joined).write(to: URL(fileURLWithPath: target))
            case .copy(let source), .previous(let source, _):
                try FileManager.default.copyItem(atPath: source, toPath: target)
            }
        }
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

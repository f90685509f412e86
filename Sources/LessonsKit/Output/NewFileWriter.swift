import Foundation

/// Writes one new file, refusing to replace anything already there (`lessons new`).
enum NewFileWriter {
    enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case exists(String)
        case io(String, String)

        var description: String {
            switch self {
            case .exists(let path): "\(path) already exists; nothing was written"
            case .io(let path, let reason): "cannot write \(path): \(reason)"
            }
        }
    }

    /// Creates `path` (and its folder) with `text`; fails without touching anything when the file exists.
    static func create(_ path: String, text: String, displayPath: String) throws(Failure) {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .io(displayPath, "\(error.localizedDescription)")
        }
        // O_EXCL makes "does it exist?" and "create it" one step, so a file that appears meanwhile is never overwritten.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw .exists(displayPath) }
            throw .io(displayPath, String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw .io(displayPath, String(cString: strerror(errno))) }
    }
}

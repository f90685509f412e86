import Foundation

/// What the cache remembers of the last successful build: the key of its inputs, a fingerprint of each output folder
/// it wrote, and what it reported. A rebuild with the same input key whose output folders still match their
/// fingerprints has nothing to do.
///
/// Read defensively: a record from another format or version, a corrupt or truncated file, or one that does not match
/// the output on disk is simply not used (the build then runs in full and writes a new record).
struct BuildRecord: Codable, Sendable, Equatable {
    /// Bumped whenever the record's meaning changes.
    static let currentFormat = 1

    /// One edition's output folder as the build left it.
    struct EditionOutput: Codable, Sendable, Equatable {
        var edition: String
        /// The absolute output folder.
        var folder: String
        /// The number of HTML pages (for the "Built" line).
        var pages: Int
        /// ``OutputFingerprint`` of the folder right after the build wrote it.
        var fingerprint: String
    }

    /// A diagnostic as stored (warnings of the last build are reported again by a rebuild that skips the work).
    struct StoredDiagnostic: Codable, Sendable, Equatable {
        var severity: String
        var code: String
        var message: String
        var hint: String?
        var file: String
        var line: Int
        var column: Int
    }

    var format = Self.currentFormat
    var version: String
    /// ``InputFingerprint`` of the build.
    var inputs: String
    var outputs: [EditionOutput]
    var documentCount: Int
    var diagnostics: [StoredDiagnostic]
    /// The report's notes other than the "Built" lines.
    var notes: [String]

    /// The record in `folder`, or nil when there is none or it cannot be trusted (other format or version, not JSON,
    /// truncated, or a diagnostic that does not decode).
    static func read(from folder: BuildCacheFolder, version: String) -> BuildRecord? {
        guard let data = FileManager.default.contents(atPath: folder.recordPath),
            let record = try? JSONDecoder().decode(BuildRecord.self, from: data),
            record.format == currentFormat, record.version == version,
            record.diagnostics.allSatisfy({ $0.diagnostic != nil })
        else { return nil }
        return record
    }

    /// The record as the bytes of `build.json`.
    func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { [UInt8]($0) } ?? []
    }
}

extension BuildRecord.StoredDiagnostic {
    init(_ diagnostic: Diagnostic) {
        severity = diagnostic.severity.rawValue
        code = diagnostic.code.rawValue
        message = diagnostic.message
        hint = diagnostic.hint
        file = diagnostic.location.file
        line = diagnostic.location.line
        column = diagnostic.location.column
    }

    /// The diagnostic again, or nil for an unknown severity.
    var diagnostic: Diagnostic? {
        guard let severity = Severity(rawValue: severity) else { return nil }
        return Diagnostic(
            severity, DiagnosticCode(rawValue: code), message,
            at: SourceLocation(file: file, line: line, column: column),
            hint: hint)
    }
}

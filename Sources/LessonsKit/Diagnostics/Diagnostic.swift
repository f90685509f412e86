/// One problem found in the site, located in a file, with a stable code and an optional hint on how to fix it.
public struct Diagnostic: Sendable, Hashable, Error {
    public var severity: Severity
    public let code: DiagnosticCode
    public let message: String
    public let hint: String?
    public let location: SourceLocation

    public init(
        _ severity: Severity, _ code: DiagnosticCode, _ message: String, at location: SourceLocation,
        hint: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.hint = hint
        self.location = location
    }

    public static func error(
        _ code: DiagnosticCode, _ message: String, at location: SourceLocation, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, code, message, at: location, hint: hint)
    }

    public static func warning(
        _ code: DiagnosticCode, _ message: String, at location: SourceLocation, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, code, message, at: location, hint: hint)
    }
}

extension Array where Element == Diagnostic {
    /// Diagnostics in report order: by file, line, column, then severity and message, so output is deterministic.
    public func sortedForReport() -> [Diagnostic] {
        sorted {
            if $0.location != $1.location { return $0.location < $1.location }
            if $0.severity != $1.severity { return $0.severity > $1.severity }
            return ($0.code.rawValue, $0.message) < ($1.code.rawValue, $1.message)
        }
    }

    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Turns every warning into an error (`--strict`).
    public func strict() -> [Diagnostic] {
        map {
            var d = $0
            d.severity = .error
            return d
        }
    }
}

/// One problem found in the site, located in a file, with a stable code and an optional hint on how to fix it.
public struct Diagnostic: Sendable, Hashable, Error {
    /// Error or warning (`--strict` turns warnings into errors).
    public var severity: Severity
    /// The stable code of this kind of problem.
    public let code: DiagnosticCode
    /// What is wrong, in one sentence.
    public let message: String
    /// How to fix it, when there is something to say.
    public let hint: String?
    /// Where the problem is.
    public let location: SourceLocation

    init(
        _ severity: Severity, _ code: DiagnosticCode, _ message: String, at location: SourceLocation,
        hint: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.hint = hint
        self.location = location
    }

    static func error(
        _ code: DiagnosticCode, _ message: String, at location: SourceLocation, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, code, message, at: location, hint: hint)
    }

    static func warning(
        _ code: DiagnosticCode, _ message: String, at location: SourceLocation, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, code, message, at: location, hint: hint)
    }
}

extension Array where Element == Diagnostic {
    /// Diagnostics in report order: by file, line, column, then severity and message, so output is deterministic.
    func sortedForReport() -> [Diagnostic] {
        sorted {
            if $0.location != $1.location { return $0.location < $1.location }
            if $0.severity != $1.severity { return $0.severity > $1.severity }
            return ($0.code.rawValue, $0.message) < ($1.code.rawValue, $1.message)
        }
    }

    var errorCount: Int { filter { $0.severity == .error }.count }
    var warningCount: Int { filter { $0.severity == .warning }.count }
    var hasErrors: Bool { contains { $0.severity == .error } }

    /// Turns every warning into an error (`--strict`).
    func strict() -> [Diagnostic] {
        map {
            var d = $0
            d.severity = .error
            return d
        }
    }
}

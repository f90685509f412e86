/// How serious a diagnostic is: errors fail the build, warnings do not (unless `--strict`).
public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    case warning
    case error

    /// Warnings sort before errors.
    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// Reports a root cause once instead of its consequences many times.
///
/// An empty `data/themes.yaml` makes every theme of every document unknown; an empty `data/services.yaml` does the
/// same to every service. One error at the data file says what is wrong; the hundred it would cause are dropped.
enum KnockOnErrors {
    static func collapse(_ diagnostics: [Diagnostic], data: SiteData) -> [Diagnostic] {
        var result = diagnostics
        if data.themes.isEmpty {
            result = collapse(result, code: .unknownTheme, into: SiteDataLoader.themesPath, what: "themes")
        }
        if data.services.isEmpty, data.directorates.isEmpty {
            result = collapse(result, code: .unknownService, into: SiteDataLoader.servicesPath, what: "services")
        }
        return result
    }

    private static func collapse(_ diagnostics: [Diagnostic], code: DiagnosticCode, into file: String, what: String)
        -> [Diagnostic]
    {
        let consequences = diagnostics.filter { $0.code == code && $0.location.file != file }
        guard let first = consequences.min(by: { $0.location < $1.location }) else { return diagnostics }
        let documents = Set(consequences.map(\.location.file)).count
        let cause = Diagnostic.error(
            code,
            "\(file) lists no \(what), but \(documents) document\(documents == 1 ? "" : "s") use\(documents == 1 ? "s" : "") \(what) (the first at \(first.location))",
            at: SourceLocation(file: file),
            hint:
                "add the \(what) to \(file) (is the file empty by mistake?); each of those documents is checked again once it lists them"
        )
        return diagnostics.filter { !($0.code == code && $0.location.file != file) } + [cause]
    }
}

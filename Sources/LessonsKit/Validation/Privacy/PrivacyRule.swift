/// Reports identifying details (NHS numbers, dates of birth, postcodes, names, phone numbers, e-mail addresses, full
/// dates in incidents and debriefs, and the site's own patterns) in every document's body and front matter.
///
/// Drafts are scanned too: they sit in the same repository, `--drafts` builds publish them for review, and an
/// identifier should be caught the first time it is written rather than on publication day.
struct PrivacyRule: ValidationRule {

    func validate(_ corpus: Corpus, in context: ValidationContext) -> [Diagnostic] {
        // Compiles the site's patterns once for the whole build.
        let scanner = PrivacyScanner(settings: context.config.privacy)
        return corpus.documents.flatMap { diagnostics(for: $0, scanner: scanner) }
    }

    func diagnostics(for document: Document, scanner: PrivacyScanner) -> [Diagnostic] {
        let allow = document.privacy?.allow ?? []
        let datesMatter = document.type == .incident || document.type == .debrief
        var diagnostics: [Diagnostic] = []
        for finding in scanner.scan(document.body, fullDates: datesMatter, allow: allow) {
            let location = SourceLocation(
                file: document.path, line: document.bodyFirstLine + finding.line, column: finding.column + 1)
            diagnostics.append(Self.diagnostic(for: finding, at: location, in: document))
        }
        for string in FrontMatterString.all(in: document.frontMatter) {
            let findings = scanner.scan(string.text, fullDates: datesMatter && !string.isTypedDate, allow: allow)
            for (finding, location) in zip(findings, string.locations(of: findings)) {
                diagnostics.append(Self.diagnostic(for: finding, at: location, in: document))
            }
        }
        return diagnostics
    }

    static func diagnostic(for finding: PrivacyFinding, at location: SourceLocation, in document: Document)
        -> Diagnostic
    {
        let text = finding.text
        let allowIt = "(add it to privacy.allow if it is not personal)"
        let message: String
        let hint: String
        switch finding.check {
        case .nhsNumber:
            message = "NHS number '\(masked(text, keeping: 3))' with a valid check digit"
            hint =
                "remove it: an NHS number identifies a patient. If it is not one, add the exact text to privacy.allow"
        case .nhsNumberInvalid:
            message = "possible NHS number '\(text)' with an invalid check digit \(allowIt)"
            hint = "remove it if it is a mistyped NHS number"
        case .dateOfBirth:
            message = "possible date of birth '\(masked(text, keeping: .max, digitsOnly: true))'"
            hint = "remove it: a date of birth identifies a person"
        case .fullDate:
            message = "full date '\(text)' in \(document.type == .incident ? "an incident" : "a debrief") \(allowIt)"
            hint = "write the month and year only (e.g. 'March 2026'): exact dates help identify the people involved"
        case .postcode:
            message = "possible postcode '\(text)' \(allowIt)"
            hint = "name the area or the service rather than an address"
        case .honorificName:
            message = "possible name '\(text)' \(allowIt)"
            hint = "say the role ('the consultant psychiatrist') rather than the person's name"
        case .phoneNumber:
            message = "possible phone number '\(text)' \(allowIt)"
            hint = "a Trust switchboard or helpline may stay: add it to privacy.allow; remove personal numbers"
        case .emailAddress:
            message = "e-mail address '\(text)' outside privacy.allowed_email_domains \(allowIt)"
            hint =
                "use a team mailbox in an allowed domain, or add its domain to privacy.allowed_email_domains in site.yaml"
        case .sitePattern(let name):
            message = "'\(masked(text, keeping: 3))' matches the site's privacy pattern '\(name)'"
            hint = "remove it: site.yaml lists it under privacy.patterns as an identifier that must never be published"
        }
        return Diagnostic(finding.check.severity, finding.check.code, message, at: location, hint: hint)
    }

    /// The text with letters and digits after the first `keeping` of them starred out, so build logs do not repeat identifiers.
    static func masked(_ text: String, keeping: Int, digitsOnly: Bool = false) -> String {
        var seen = 0
        return String(
            text.map { character -> Character in
                let isDigit = character.isASCII && character.isNumber
                guard isDigit || (!digitsOnly && character.isLetter) else { return character }
                if digitsOnly { return isDigit ? "*" : character }
                seen += 1
                return seen > keeping ? "*" : character
            })
    }
}

/// One kind of identifying detail the privacy scanner looks for.
enum PrivacyCheck: Sendable, Hashable {
    case nhsNumber
    case nhsNumberInvalid
    case dateOfBirth
    case fullDate
    case postcode
    case honorificName
    case phoneNumber
    case emailAddress
    /// A match of a site-defined `privacy.patterns` entry, by its name.
    case sitePattern(name: String)

    var code: DiagnosticCode {
        switch self {
        case .nhsNumber: .nhsNumber
        case .nhsNumberInvalid: .nhsNumberInvalid
        case .dateOfBirth: .dateOfBirth
        case .fullDate: .fullDate
        case .postcode: .postcode
        case .honorificName: .honorificName
        case .phoneNumber: .phoneNumber
        case .emailAddress: .emailAddress
        case .sitePattern: .privacyPattern
        }
    }

    /// Details that identify a person on their own are errors; the rest may be false positives, so warnings.
    var severity: Severity {
        switch self {
        case .nhsNumber, .dateOfBirth, .sitePattern: .error
        case .nhsNumberInvalid, .fullDate, .postcode, .honorificName, .phoneNumber, .emailAddress: .warning
        }
    }
}

/// A match of a privacy check inside one line of a scanned text.
struct PrivacyFinding: Sendable, Hashable {
    let check: PrivacyCheck
    /// The matched text exactly as written.
    let text: String
    /// 0-based line within the scanned text.
    let line: Int
    /// 0-based Unicode-scalar offset of the match within its line.
    let column: Int
    /// Unicode scalars in the match.
    var length: Int { text.unicodeScalars.count }
}

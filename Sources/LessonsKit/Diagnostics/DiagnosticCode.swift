/// The stable identifier of a kind of problem, printed in JSON output and usable in CI filters.
public struct DiagnosticCode: RawRepresentable, Sendable, Hashable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The code as printed (`unknown-theme`).
    public let rawValue: String
    /// The code spelled `rawValue`.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The code spelled `value`.
    public init(stringLiteral value: String) { self.rawValue = value }
    /// The code as printed.
    public var description: String { rawValue }
}

extension DiagnosticCode {
    // Loading
    static let fileTooLarge: DiagnosticCode = "file-too-large"
    static let notUTF8: DiagnosticCode = "not-utf8"
    static let binaryFile: DiagnosticCode = "binary-file"
    static let emptyFile: DiagnosticCode = "empty-file"
    static let missingFrontMatter: DiagnosticCode = "missing-front-matter"
    static let unterminatedFrontMatter: DiagnosticCode = "unterminated-front-matter"
    static let yamlSyntax: DiagnosticCode = "yaml-syntax"
    static let yamlTab: DiagnosticCode = "yaml-tab"
    static let duplicateKey: DiagnosticCode = "duplicate-key"
    static let yamlTooComplex: DiagnosticCode = "yaml-too-complex"
    static let strayDocument: DiagnosticCode = "stray-document"
    static let unknownFolder: DiagnosticCode = "unknown-folder"
    static let symlinkOutsideSite: DiagnosticCode = "symlink-outside-site"
    static let unreadableFile: DiagnosticCode = "unreadable-file"
    // Fields
    static let missingField: DiagnosticCode = "missing-field"
    static let wrongType: DiagnosticCode = "wrong-type"
    static let invalidValue: DiagnosticCode = "invalid-value"
    static let invalidDate: DiagnosticCode = "invalid-date"
    static let fullDateNotAllowed: DiagnosticCode = "full-date-not-allowed"
    static let unknownField: DiagnosticCode = "unknown-field"
    static let summaryTooLong: DiagnosticCode = "summary-too-long"
    static let invalidId: DiagnosticCode = "invalid-id"
    static let duplicateId: DiagnosticCode = "duplicate-id"
    static let duplicateIssue: DiagnosticCode = "duplicate-issue"
    static let unknownTheme: DiagnosticCode = "unknown-theme"
    static let themeCycle: DiagnosticCode = "theme-cycle"
    static let unknownService: DiagnosticCode = "unknown-service"
    static let unknownAudience: DiagnosticCode = "unknown-audience"
    static let unknownFramework: DiagnosticCode = "unknown-framework"
    // References
    static let unknownReference: DiagnosticCode = "unknown-reference"
    static let wrongReferenceType: DiagnosticCode = "wrong-reference-type"
    static let linkToDraft: DiagnosticCode = "link-to-draft"
    static let linkOutsideEdition: DiagnosticCode = "link-outside-edition"
    static let missingAttachment: DiagnosticCode = "missing-attachment"
    static let imageWithoutAlt: DiagnosticCode = "image-without-alt"
    static let unsafeLink: DiagnosticCode = "unsafe-link"
    static let malformedTable: DiagnosticCode = "malformed-table"
    // Rules
    static let missingLevel: DiagnosticCode = "missing-level"
    static let dutyOfCandour: DiagnosticCode = "duty-of-candour"
    static let actionCompletedDate: DiagnosticCode = "action-completed-date"
    static let actionReason: DiagnosticCode = "action-reason"
    static let duplicateActionId: DiagnosticCode = "duplicate-action-id"
    static let privacyReview: DiagnosticCode = "privacy-review"
    static let reviewOverdue: DiagnosticCode = "review-overdue"
    static let lessonWithoutSources: DiagnosticCode = "lesson-without-sources"
    static let tooFewIncidents: DiagnosticCode = "too-few-incidents"
    static let invalidPeriod: DiagnosticCode = "invalid-period"
    static let placeholder: DiagnosticCode = "placeholder"
    // Privacy scanner
    static let nhsNumber: DiagnosticCode = "nhs-number"
    static let nhsNumberInvalid: DiagnosticCode = "nhs-number-invalid"
    static let dateOfBirth: DiagnosticCode = "date-of-birth"
    static let fullDate: DiagnosticCode = "full-date"
    static let postcode: DiagnosticCode = "postcode"
    static let honorificName: DiagnosticCode = "honorific-name"
    static let phoneNumber: DiagnosticCode = "phone-number"
    static let emailAddress: DiagnosticCode = "email-address"
    static let privacyPattern: DiagnosticCode = "privacy-pattern"
    // Configuration and data
    static let invalidConfig: DiagnosticCode = "invalid-config"
    static let unknownConfigKey: DiagnosticCode = "unknown-config-key"
    static let invalidData: DiagnosticCode = "invalid-data"
    static let duplicateSlug: DiagnosticCode = "duplicate-slug"
    // Rendering and output
    static let templateSyntax: DiagnosticCode = "template-syntax"
    static let missingTemplate: DiagnosticCode = "missing-template"
    static let brokenOutputLink: DiagnosticCode = "broken-output-link"
    static let bulletinPDF: DiagnosticCode = "bulletin-pdf"
    static let bulletinTooLong: DiagnosticCode = "bulletin-too-long"
    /// A lesson's page prints on more than one A4 page.
    static let lessonTooLong: DiagnosticCode = "lesson-too-long"
    /// A lesson's poster needs more than one A4 page.
    static let posterTooLong: DiagnosticCode = "poster-too-long"
    /// A video clip without WebVTT captions.
    static let videoCaptions: DiagnosticCode = "video-captions"
    /// A video clip that is not .mp4 or .webm.
    static let videoFile: DiagnosticCode = "video-file"
    // Robustness: hostile or accidental input that must be refused, located, rather than skipped or hung on
    static let controlCharacter: DiagnosticCode = "control-character"
    static let emptyListItem: DiagnosticCode = "empty-list-item"
    static let markdownTooComplex: DiagnosticCode = "markdown-too-complex"
    static let tooManyThemes: DiagnosticCode = "too-many-themes"
    static let notRegularFile: DiagnosticCode = "not-a-regular-file"
    static let skippedPath: DiagnosticCode = "skipped-path"
    static let attachmentCollision: DiagnosticCode = "attachment-collision"
    static let invalidEnvironment: DiagnosticCode = "invalid-environment"
}

/// The stable identifier of a kind of problem, printed in JSON output and usable in CI filters.
public struct DiagnosticCode: RawRepresentable, Sendable, Hashable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
}

extension DiagnosticCode {
    // Loading
    public static let fileTooLarge: DiagnosticCode = "file-too-large"
    public static let notUTF8: DiagnosticCode = "not-utf8"
    public static let binaryFile: DiagnosticCode = "binary-file"
    public static let emptyFile: DiagnosticCode = "empty-file"
    public static let missingFrontMatter: DiagnosticCode = "missing-front-matter"
    public static let unterminatedFrontMatter: DiagnosticCode = "unterminated-front-matter"
    public static let yamlSyntax: DiagnosticCode = "yaml-syntax"
    public static let yamlTab: DiagnosticCode = "yaml-tab"
    public static let duplicateKey: DiagnosticCode = "duplicate-key"
    public static let yamlTooComplex: DiagnosticCode = "yaml-too-complex"
    public static let strayDocument: DiagnosticCode = "stray-document"
    public static let unknownFolder: DiagnosticCode = "unknown-folder"
    public static let symlinkOutsideSite: DiagnosticCode = "symlink-outside-site"
    public static let unreadableFile: DiagnosticCode = "unreadable-file"
    // Fields
    public static let missingField: DiagnosticCode = "missing-field"
    public static let wrongType: DiagnosticCode = "wrong-type"
    public static let invalidValue: DiagnosticCode = "invalid-value"
    public static let invalidDate: DiagnosticCode = "invalid-date"
    public static let fullDateNotAllowed: DiagnosticCode = "full-date-not-allowed"
    public static let unknownField: DiagnosticCode = "unknown-field"
    public static let summaryTooLong: DiagnosticCode = "summary-too-long"
    public static let invalidId: DiagnosticCode = "invalid-id"
    public static let duplicateId: DiagnosticCode = "duplicate-id"
    public static let duplicateIssue: DiagnosticCode = "duplicate-issue"
    public static let unknownTheme: DiagnosticCode = "unknown-theme"
    public static let themeCycle: DiagnosticCode = "theme-cycle"
    public static let unknownService: DiagnosticCode = "unknown-service"
    public static let unknownAudience: DiagnosticCode = "unknown-audience"
    public static let unknownFramework: DiagnosticCode = "unknown-framework"
    // References
    public static let unknownReference: DiagnosticCode = "unknown-reference"
    public static let wrongReferenceType: DiagnosticCode = "wrong-reference-type"
    public static let linkToDraft: DiagnosticCode = "link-to-draft"
    public static let linkOutsideEdition: DiagnosticCode = "link-outside-edition"
    public static let missingAttachment: DiagnosticCode = "missing-attachment"
    public static let imageWithoutAlt: DiagnosticCode = "image-without-alt"
    public static let unsafeLink: DiagnosticCode = "unsafe-link"
    public static let malformedTable: DiagnosticCode = "malformed-table"
    // Rules
    public static let missingLevel: DiagnosticCode = "missing-level"
    public static let dutyOfCandour: DiagnosticCode = "duty-of-candour"
    public static let actionCompletedDate: DiagnosticCode = "action-completed-date"
    public static let actionReason: DiagnosticCode = "action-reason"
    public static let duplicateActionId: DiagnosticCode = "duplicate-action-id"
    public static let privacyReview: DiagnosticCode = "privacy-review"
    public static let reviewOverdue: DiagnosticCode = "review-overdue"
    public static let lessonWithoutSources: DiagnosticCode = "lesson-without-sources"
    public static let tooFewIncidents: DiagnosticCode = "too-few-incidents"
    public static let invalidPeriod: DiagnosticCode = "invalid-period"
    public static let placeholder: DiagnosticCode = "placeholder"
    // Privacy scanner
    public static let nhsNumber: DiagnosticCode = "nhs-number"
    public static let nhsNumberInvalid: DiagnosticCode = "nhs-number-invalid"
    public static let dateOfBirth: DiagnosticCode = "date-of-birth"
    public static let fullDate: DiagnosticCode = "full-date"
    public static let postcode: DiagnosticCode = "postcode"
    public static let honorificName: DiagnosticCode = "honorific-name"
    public static let phoneNumber: DiagnosticCode = "phone-number"
    public static let emailAddress: DiagnosticCode = "email-address"
    public static let privacyPattern: DiagnosticCode = "privacy-pattern"
    // Configuration and data
    public static let invalidConfig: DiagnosticCode = "invalid-config"
    public static let unknownConfigKey: DiagnosticCode = "unknown-config-key"
    public static let invalidData: DiagnosticCode = "invalid-data"
    public static let duplicateSlug: DiagnosticCode = "duplicate-slug"
    // Rendering and output
    public static let templateSyntax: DiagnosticCode = "template-syntax"
    public static let missingTemplate: DiagnosticCode = "missing-template"
    public static let brokenOutputLink: DiagnosticCode = "broken-output-link"
    public static let bulletinPDF: DiagnosticCode = "bulletin-pdf"
    public static let bulletinTooLong: DiagnosticCode = "bulletin-too-long"
    /// A lesson's page prints on more than one A4 page.
    public static let lessonTooLong: DiagnosticCode = "lesson-too-long"
    /// A lesson's poster needs more than one A4 page.
    public static let posterTooLong: DiagnosticCode = "poster-too-long"
    /// A video clip without WebVTT captions.
    public static let videoCaptions: DiagnosticCode = "video-captions"
    /// A video clip that is not .mp4 or .webm.
    public static let videoFile: DiagnosticCode = "video-file"
    // Robustness: hostile or accidental input that must be refused, located, rather than skipped or hung on
    public static let controlCharacter: DiagnosticCode = "control-character"
    public static let emptyListItem: DiagnosticCode = "empty-list-item"
    public static let markdownTooComplex: DiagnosticCode = "markdown-too-complex"
    public static let tooManyThemes: DiagnosticCode = "too-many-themes"
    public static let notRegularFile: DiagnosticCode = "not-a-regular-file"
    public static let skippedPath: DiagnosticCode = "skipped-path"
    public static let attachmentCollision: DiagnosticCode = "attachment-collision"
    public static let invalidEnvironment: DiagnosticCode = "invalid-environment"
}

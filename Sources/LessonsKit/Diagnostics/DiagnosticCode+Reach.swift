/// Codes of the reach features: lesson-on-a-page, posters, video captions.
extension DiagnosticCode {
    public static let lessonTooLong: DiagnosticCode = "lesson-too-long"
    public static let posterTooLong: DiagnosticCode = "poster-too-long"
    public static let videoCaptions: DiagnosticCode = "video-captions"
    public static let videoFile: DiagnosticCode = "video-file"
}

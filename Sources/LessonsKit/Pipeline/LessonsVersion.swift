/// The version `lessons --version` prints.
public enum LessonsVersion {
    /// The version number.
    public static let current = "0.9.0"
}

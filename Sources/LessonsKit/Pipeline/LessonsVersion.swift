/// The version `lessons --version` prints.
public enum LessonsVersion {
    public static let current = "0.9.0"
}

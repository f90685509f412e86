/// The active theme over the default theme embedded in the binary.
extension ThemeFiles {
    /// The default theme shipped inside the binary, shadowed file by file by `<site>/themes/<name>/`.
    static func load(name: String, siteDirectory: String) -> ThemeFiles {
        load(name: name, siteDirectory: siteDirectory, defaults: EmbeddedDefaultTheme.files)
    }
}

import Foundation

/// `lessons schema`: reads site.yaml and the data files, then writes the schemas atomically.
public enum SchemaWriter {
    /// The folder written, or why nothing was.
    public struct Outcome: Sendable {
        /// The folder the schemas were written to.
        public var folder: String?
        /// How many schema files were written.
        public var fileCount = 0
        /// Problems in site.yaml or the data files.
        public var diagnostics: [Diagnostic] = []
        /// A problem not about one file.
        public var failure: String?
        /// The exit status.
        public var status: BuildReport.Status = .success
    }

    /// Writes the schemas of the site in `siteDirectory` into `output` (default `schema/`).
    public static func write(siteDirectory: String, output: String?) -> Outcome {
        var outcome = Outcome()
        let reader = SiteReader(siteDirectory: siteDirectory)
        let (loadedConfig, data, diagnostics) = LoadedSite.loadConfiguration(reader: reader)
        outcome.diagnostics = diagnostics
        guard let config = loadedConfig else {
            outcome.failure = "site.yaml or a data file cannot be used; no schemas written"
            outcome.status = .unusableConfiguration
            return outcome
        }
        let themes = reader.themeFolders()
        let files = SchemaFiles.files(config: config, data: data, themeFolders: themes)
        let folder =
            output ?? (siteDirectory == "." ? "schema" : (siteDirectory as NSString).appendingPathComponent("schema"))
        do {
            _ = try SiteWriter(outputDirectory: folder, siteDirectory: siteDirectory).write(files)
        } catch {
            outcome.failure = error.description
            outcome.status = BuildPipeline.status(for: error)
            return outcome
        }
        outcome.folder = folder
        outcome.fileCount = files.count
        return outcome
    }
}

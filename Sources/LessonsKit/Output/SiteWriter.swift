/// Writes a built site into its output folder atomically.
///
/// The files go into a staging folder beside the output (`.<name>.staging-<pid>`), which is swapped in
/// only when every file was written: the previous output is renamed aside (`.<name>.old-<pid>`), the
/// staging folder renamed into place, and the previous output removed. The writer only ever replaces
/// a folder that is absent, empty or marked with ``markerFileName`` by an earlier run.
struct SiteWriter: Sendable {
    /// The name of the file, at the top of every output folder, that marks it as written by lessons.
    static let markerFileName = ".lessons-output"
    /// What the marker file says.
    static let markerText =
        "This folder is written by lessons (Learning Lessons) and replaced on every build.\n"
        + "Do not keep other files here: they will be deleted.\n"
    /// Files per unit of parallel work: big enough to amortise scheduling, small enough to balance.
    static let batchSize = 64

    /// The output folder as given (used in messages).
    let outputDirectory: String
    /// The site folder as given (used in messages).
    let siteDirectory: String
    /// Whether files are written by several threads at once (the result never depends on it).
    let parallel: Bool

    /// Creates a writer for the output folder of the site in `siteDirectory`; relative paths are taken
    /// from the current folder, and symbolic links in their parents are resolved before comparing.
    init(outputDirectory: String, siteDirectory: String) {
        self.init(outputDirectory: outputDirectory, siteDirectory: siteDirectory, parallel: true)
    }

    init(outputDirectory: String, siteDirectory: String, parallel: Bool) {
        self.outputDirectory = outputDirectory
        self.siteDirectory = siteDirectory
        self.parallel = parallel
    }

    /// Writes all files into a staging folder beside the output, then swaps it in; on any failure the
    /// previous output is left byte-for-byte untouched and the staging folder removed.
    ///
    /// Everything is checked before anything is written: the file paths, the output folder's place
    /// relative to the site, and what is already at the output path. Missing parents of the output
    /// folder are created. If the previous output cannot be removed after the swap, the new output
    /// stays in place and the error names the leftover folder.
    func write(_ files: [OutputFile]) throws(OutputError) -> WriteSummary {
        _ = try OutputPathValidator.foldersToCreate(for: files, markerFileName: Self.markerFileName)
        let staging = try StagingFolder(
            outputDirectory: outputDirectory, siteDirectory: siteDirectory, parallel: parallel)
        do {
            _ = try OutputBatches.sum(count: files.count, batchSize: Self.batchSize, parallel: parallel) {
                (index) throws(OutputError) -> Int in
                try staging.write(files[index])
                return 0
            }
        } catch {
            staging.discard()
            throw error
        }
        return try staging.commit()
    }
}

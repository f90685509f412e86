import Foundation

@testable import LessonsKit

/// The `Fixtures/analysis` site: 7 incidents on falls in three quarters of 2026, 2 on ligature, lessons with
/// known overlaps, one lesson with actions around the build date 2026-11-27, two MaPSaF assessments of Ward 1.
enum AnalysisFixture {
    static let today = PartialDate(year: 2026, month: 11, day: 27)

    static let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Analysis
        .deletingLastPathComponent()  // LessonsKitTests
        .appendingPathComponent("Fixtures/analysis").path

    struct Loaded {
        let config: SiteConfig
        let data: SiteData
        let content: EditionContent
        var analysis: EditionAnalysis {
            EditionAnalysis(content: content, data: data, frameworks: config.frameworks, today: AnalysisFixture.today)
        }
    }

    static func load(edition name: String = "staff", from folder: String = path) async throws -> Loaded {
        let reader = SiteReader(siteDirectory: folder)
        let (loadedConfig, data, _) = LoadedSite.loadConfiguration(reader: reader)
        let config = try require(loadedConfig)
        let (corpus, _, _) = await LoadedSite.loadDocuments(reader: reader, config: config, data: data, jobs: 1)
        let edition = try require(config.edition(named: name))
        return Loaded(
            config: config, data: data, content: EditionContent(corpus: corpus, edition: edition, includeDrafts: false))
    }

    /// Builds the fixture into a temporary folder and returns a reader of its pages.
    static func build(edition: String = "staff") async throws -> (
        report: BuildReport, read: (String) -> String?, cleanup: () -> Void
    ) {
        let site = try FixtureSite(copying: path)
        var options = BuildOptions(siteDirectory: site.root)
        options.today = "2026-11-27"
        options.edition = edition
        options.output = site.sandbox + "/out"
        let report = await BuildPipeline.build(options)
        let read: (String) -> String? = { page in
            FileManager.default.contents(atPath: site.sandbox + "/out/" + page).map {
                String(decoding: $0, as: UTF8.self)
            }
        }
        return (report, read, { site.remove() })
    }
}

private func require<T>(_ value: T?) throws -> T {
    guard let value else { throw AnalysisFixtureError.missing }
    return value
}

enum AnalysisFixtureError: Error { case missing }

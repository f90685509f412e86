import Foundation
import Testing

@testable import LessonsKit

/// PDFs of the example site's bulletins, made with headless Chromium when it is installed (CI installs it).
@Suite(.serialized) struct BulletinPDFTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let chromiumInstalled = Chromium.locate(environment: ProcessInfo.processInfo.environment) != nil
    static let pdfinfoInstalled = FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfinfo")

    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func buildExample(into output: String) async -> BuildReport {
        var options = BuildOptions(siteDirectory: repositoryRoot)
        options.today = "2026-11-27"
        options.output = output
        options.requirePDF = true
        return await BuildPipeline.build(options)
    }

    @Test(.enabled(if: chromiumInstalled && pdfinfoInstalled))
    func theExampleBulletinsPrintOnA4WithinTheirPageLimitAndIdenticallyEveryTime() async throws {
        let first = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lessons-pdf-test-\(UUID().uuidString)"
        ).path
        let second = first + "-again"
        defer {
            try? FileManager.default.removeItem(atPath: first)
            try? FileManager.default.removeItem(atPath: second)
        }
        let report = await Self.buildExample(into: first)
        #expect(report.status == .success, "\(report.diagnostics) \(report.failure ?? "")")
        #expect(!report.diagnostics.contains { $0.code == .bulletinTooLong || $0.code == .bulletinPDF })
        for slug in ["llb-001", "llb-002", "llb-003"] {
            let pdf = first + "/bulletins/\(slug)/\(slug).pdf"
            let info = try Self.run("pdfinfo", [pdf])
            #expect(info.contains("(A4)"), "\(slug): \(info)")
            let pages =
                info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
                .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
            #expect((1...4).contains(pages), "\(slug) has \(pages) pages")
            let list = try String(contentsOfFile: first + "/bulletins/index.html", encoding: .utf8)
            #expect(list.contains("\(slug)/\(slug).pdf\""))
        }
        let again = await Self.buildExample(into: second)
        #expect(again.status == .success)
        for slug in ["llb-001", "llb-002", "llb-003"] {
            let path = "/bulletins/\(slug)/\(slug).pdf"
            #expect(
                FileManager.default.contents(atPath: first + path)
                    == FileManager.default.contents(atPath: second + path), "\(slug)")
        }
    }

    @Test func requiredPDFsFailTheBuildWhenChromiumIsMissing() async throws {
        let site = try MiniSite(files: ["content/bulletins/llb-001.md": BulletinAssemblyTests.bulletin()])
        defer { site.remove() }
        let pages = try await Self.bulletinPages(site)
        var stage = BulletinPDFStage(mode: .required, jobs: 1)
        stage.environment = ["PATH": "/nonexistent"]
        let outcome = await stage.run(files: [], pages: pages)
        #expect(outcome.diagnostics.map(\.code) == [.bulletinPDF])
        #expect(outcome.diagnostics.first?.severity == .error)

        var auto = BulletinPDFStage(mode: .auto, jobs: 1)
        auto.environment = ["PATH": "/nonexistent"]
        let skipped = await auto.run(files: [], pages: pages)
        #expect(skipped.diagnostics.isEmpty)
        #expect(skipped.notes.contains { $0.contains("Chromium was not found") })
    }

    @Test func aChromiumThatHangsIsStoppedAtTheTimeOutAndReported() async throws {
        let site = try MiniSite(files: ["content/bulletins/llb-001.md": BulletinAssemblyTests.bulletin()])
        defer { site.remove() }
        // The stand-in hangs far longer than the bound below, so the bound proves the time-out stopped it, with room
        // for a machine busy enough to take seconds to start and stop a process.
        try site.write("hang.sh", "#!/bin/sh\nexec sleep 600\n")
        #expect(chmod(site.root + "/hang.sh", 0o755) == 0)
        let pages = try await Self.bulletinPages(site)
        var stage = BulletinPDFStage(mode: .required, jobs: 1)
        stage.environment = ["LESSONS_CHROME": site.root + "/hang.sh", "LESSONS_PDF_TIMEOUT": "1"]
        let started = ContinuousClock.now
        let outcome = await stage.run(files: [], pages: pages)
        #expect(ContinuousClock.now - started < .seconds(120))
        #expect(outcome.diagnostics.count == 1)
        #expect(outcome.diagnostics.first?.message.contains("did not finish within 1 s") == true)
    }

    @Test func lessonsChromeWinsOverPathAndMustBeExecutable() {
        #expect(
            Chromium.locate(environment: ["LESSONS_CHROME": "/bin/sh", "PATH": "/usr/bin"])?.executable == "/bin/sh")
        #expect(Chromium.locate(environment: ["LESSONS_CHROME": "/nonexistent/chrome", "PATH": "/usr/bin"]) == nil)
        #expect(Chromium.locate(environment: ["PATH": "/nonexistent"]) == nil)
    }

    @Test func pdfDatesAreFixedWithoutMovingAnyByteAndPagesAreCounted() {
        let pdf = Array(
            "<</Type /Pages /Count 2>> <</Type /Page>> <</Type /Page /Parent 1 0 R>> /CreationDate (D:20261127141829+00'00') /ModDate (D:20261127141830+00'00')"
                .utf8)
        let fixed = PDFFile.reproducible(pdf, date: PartialDate(year: 2026, month: 11, day: 10))
        #expect(fixed.count == pdf.count)
        let text = String(decoding: fixed, as: UTF8.self)
        #expect(text.contains("/CreationDate (D:20261110000000+00'00')"))
        #expect(text.contains("/ModDate (D:20261110000000+00'00')"))
        #expect(PDFFile.pageCount(pdf) == 2)
    }

    static func bulletinPages(_ site: MiniSite) async throws -> BulletinPages {
        let reader = SiteReader(siteDirectory: site.root)
        let (loaded, data, _) = LoadedSite.loadConfiguration(reader: reader)
        let config = try #require(loaded)
        let (corpus, listing, _) = await LoadedSite.loadDocuments(reader: reader, config: config, data: data, jobs: 1)
        let loadedSite = LoadedSite(
            config: config, data: data, corpus: corpus, attachments: listing.attachments, reader: reader,
            diagnostics: [])
        let theme = ThemeFiles.load(name: config.theme, siteDirectory: site.root)
        let templates = try #require(TemplateSet.parse(theme).0)
        return SiteRenderer(
            site: loadedSite, theme: theme, templates: templates, edition: config.editions[0],
            today: PartialDate(year: 2026, month: 11, day: 27), includeDrafts: false
        ).bulletins
    }
}

import Foundation

@testable import LessonsKit

/// A small site written to a temporary folder, for tests that go through the pipeline.
struct MiniSite {
    let root: String

    static let siteYAML = """
        title: Learning Lessons
        organisation: Test Trust
        base_url: https://intranet.example.nhs.uk/learning/
        """
    static let themesYAML = """
        - slug: falls
          title: Falls
        - slug: observation
          title: Therapeutic observation
        - slug: medication
          title: Medication safety
        """
    static let servicesYAML = """
        - slug: inpatient
          title: Inpatient
          services:
            - slug: ward-1
              title: Ward 1
            - slug: ward-2
              title: Ward 2
        """
    static let leadsYAML = """
        - name: Alex Shaw
          role: Ward Manager
          service: ward-1
        """

    /// Creates a site with the given content files (paths relative to the site folder) on top of valid defaults.
    init(files: [String: String], site: String = MiniSite.siteYAML) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-test-\(UUID().uuidString)").path
        let defaults = [
            "site.yaml": site, "data/themes.yaml": Self.themesYAML, "data/services.yaml": Self.servicesYAML,
            "data/leads.yaml": Self.leadsYAML,
        ]
        for (path, text) in defaults.merging(files, uniquingKeysWith: { _, new in new }) {
            try write(path, text)
        }
    }

    func write(_ path: String, _ text: String) throws {
        let url = URL(fileURLWithPath: root + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: root + "/" + path).map { String(decoding: $0, as: UTF8.self) }
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }

    func options() -> BuildOptions {
        var options = BuildOptions(siteDirectory: root)
        options.today = "2026-11-27"
        return options
    }

    func check() async -> BuildReport {
        await BuildPipeline.check(options())
    }

    static let lesson = """
        ---
        id: LL-2026-001
        title: Check the observation chart at handover
        date: 2026-03-14
        summary: A short summary.
        themes: [observation]
        service: ward-1
        key_messages:
          - Check the chart.
        sources: [INC-2026-001]
        privacy: { reviewed_by: Patient Safety Team, reviewed_on: 2026-03-10 }
        ---
        ## What happened

        See [[INC-2026-001]].
        """

    static let incident = """
        ---
        id: INC-2026-001
        title: Missed observation on a night shift
        date: 2026-02
        source: patient-safety-incident
        harm: low
        response: after-action-review
        status: closed
        themes: [observation]
        service: ward-1
        privacy: { reviewed_by: Patient Safety Team, reviewed_on: 2026-03-01 }
        actions:
          - id: A1
            action: Add an observation check to the handover sheet.
            owner: Ward Manager, Ward 1
            due: 2026-06-30
            status: open
        ---
        ## What happened

        An observation was missed.
        """
}

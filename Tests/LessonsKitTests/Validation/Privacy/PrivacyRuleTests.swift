import Foundation
import Testing

@testable import LessonsKit

/// The privacy rule through the whole check: front-matter and body positions, `privacy.allow`, typed date fields,
/// drafts, `--strict` and invalid site patterns.
@Suite struct PrivacyRuleTests {
    static let site =
        MiniSite.siteYAML + """

            privacy:
              allowed_email_domains: [nhs.net]
              patterns:
                - name: RiO number
                  regex: '\\bRIO\\d{7}\\b'
            """

    static let incident = """
        ---
        id: INC-2026-001
        title: "Fall seen by Mr Smith on 14 March 2026"
        date: 2026-02
        source: patient-safety-incident
        harm: low
        response: after-action-review
        status: closed
        summary: 'The patient''s NHS number 943 476 5919 was read out'
        privacy: { reviewed_by: Patient Safety Team, reviewed_on: 2026-03-01, allow: ["ST4 6QG", "0300 123 4567"] }
        governance:
          candour_letter: 2026-03-20
          note: |
            Called 0161 496 0000 about the fall.
            Wrote to ST4 8HH, RIO1234567.
        actions:
          - { id: A1, action: "Email bob@gmail.com about the \\"fix\\" with Dr Patel", owner: Ward Manager, due: 2026-06-30, status: open }
        ---
        ## What happened

        A near miss on Ward 3; the Ward 3 team met on 2026-03-14.
        Call the switchboard on 0300 123 4567 or visit the hospital at ST4 6QG.
        NHS number 999 123 4567 is a test number; DOB: 14/03/1956.
        """

    func check(_ files: [String: String], strict: Bool = false) async throws -> BuildReport {
        let site = try MiniSite(files: files, site: Self.site)
        defer { site.remove() }
        var options = site.options()
        options.strict = strict
        return await BuildPipeline.check(options)
    }

    /// The privacy findings as "code line:column" in report order.
    func privacyFindings(_ report: BuildReport) -> [String] {
        let codes: Set<DiagnosticCode> = [
            .nhsNumber, .nhsNumberInvalid, .dateOfBirth, .fullDate, .postcode, .honorificName,
            .phoneNumber, .emailAddress, .privacyPattern,
        ]
        return report.diagnostics.filter { codes.contains($0.code) }.map {
            "\($0.code) \($0.location.line):\($0.location.column)"
        }
    }

    @Test func findsEachDetailAtItsLineAndColumnInFrontMatterAndBody() async throws {
        let report = try await check(["content/incidents/inc.md": Self.incident])
        #expect(
            privacyFindings(report) == [
                "honorific-name 3:22",  // inside a double-quoted title
                "full-date 3:34",
                "nhs-number 9:37",  // after a doubled '' in a single-quoted summary
                "phone-number 14:12",  // inside a literal block under governance
                "postcode 15:14",
                "privacy-pattern 15:23",
                "email-address 17:30",  // inside a flow mapping in an action
                "honorific-name 17:67",  // after two escaped quotes
                "full-date 21:47",  // body: bodyFirstLine + 2
                "date-of-birth 23:43",
            ])
        #expect(report.status == .contentErrors)
    }

    @Test func reportsMessagesThatNameTheTextAndHowToAllowIt() async throws {
        let report = try await check(["content/incidents/inc.md": Self.incident])
        let postcode = try #require(report.diagnostics.first { $0.code == .postcode })
        #expect(postcode.message == "possible postcode 'ST4 8HH' (add it to privacy.allow if it is not personal)")
        #expect(postcode.severity == .warning)
        let nhs = try #require(report.diagnostics.first { $0.code == .nhsNumber })
        #expect(nhs.severity == .error)
        #expect(nhs.message.contains("943 *** ****"))
        #expect(!report.diagnostics.contains { $0.message.contains("4765919") || $0.message.contains("1234567") })
    }

    @Test func leavesTypedDatesNearMissAndAllowedTextAlone() async throws {
        let report = try await check(["content/incidents/inc.md": Self.incident])
        let lines = report.diagnostics.filter { $0.location.file == "content/incidents/inc.md" }.map(\.location.line)
        #expect(!lines.contains(4))  // date: 2026-02
        #expect(!lines.contains(10))  // the allow list itself, reviewed_on
        #expect(!lines.contains(12))  // a governance date that is nothing but a date
        #expect(!lines.contains(22))  // the Trust switchboard and the hospital postcode in privacy.allow
        #expect(!report.diagnostics.contains { $0.message.contains("near miss") || $0.message.contains("Ward 3") })
    }

    @Test func fullDatesAreOnlyFlaggedInIncidentsAndDebriefs() async throws {
        let lesson = MiniSite.lesson.replacingOccurrences(
            of: "See [[INC-2026-001]].", with: "See [[INC-2026-001]], reviewed on 14 March 2026.")
        let report = try await check(["content/lessons/ll.md": lesson, "content/incidents/inc.md": MiniSite.incident])
        #expect(privacyFindings(report) == [])
        let debrief =
            "---\nid: DB-2026-001\ntitle: Hot debrief\ndate: 2026-03\nkind: hot\nprivacy: { reviewed_by: PST, reviewed_on: 2026-03-20 }\n---\nHeld on 14/03/2026.\n"
        let debriefReport = try await check(["content/debriefs/db.md": debrief])
        #expect(privacyFindings(debriefReport) == ["full-date 8:9"])
    }

    @Test func scansDraftsToo() async throws {
        let draft = MiniSite.incident.replacingOccurrences(of: "status: closed", with: "status: closed\ndraft: true")
            .replacingOccurrences(of: "An observation was missed.", with: "Seen by Dr Patel.")
        let report = try await check(["content/incidents/inc.md": draft])
        #expect(privacyFindings(report) == ["honorific-name 22:9"])
    }

    @Test func strictTurnsPrivacyWarningsIntoErrors() async throws {
        let incident = MiniSite.incident.replacingOccurrences(
            of: "An observation was missed.", with: "Seen at ST4 8HH.")
        let lenient = try await check(["content/incidents/inc.md": incident])
        #expect(lenient.status == .success)
        let strict = try await check(["content/incidents/inc.md": incident], strict: true)
        #expect(strict.status == .contentErrors)
        #expect(strict.diagnostics.first { $0.code == .postcode }?.severity == .error)
    }

    @Test func invalidSitePatternIsAConfigurationErrorWithItsLine() async throws {
        let site = MiniSite.siteYAML + "\nprivacy:\n  patterns:\n    - name: Broken\n      regex: 'RIO(\\d{7}'\n"
        let mini = try MiniSite(files: [:], site: site)
        defer { mini.remove() }
        let report = await mini.check()
        let problem = try #require(report.diagnostics.first { $0.code == .invalidConfig })
        #expect(problem.message == "privacy pattern 'Broken' cannot be used: it is not a valid regular expression")
        #expect(problem.location == SourceLocation(file: "site.yaml", line: 7, column: 14))
        #expect(report.status == .unusableConfiguration)
    }

    @Test func exampleSiteHasNoPrivacyFindings() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        var options = BuildOptions(siteDirectory: root)
        options.today = "2026-11-27"
        let report = await BuildPipeline.check(options)
        #expect(privacyFindings(report) == [])
    }
}

import Foundation
import Testing

@testable import LessonsKit

@Suite struct ValidationRuleTests {
    @Test func validMiniSiteHasNoProblems() async throws {
        let site = try MiniSite(files: [
            "content/lessons/ll.md": MiniSite.lesson, "content/incidents/inc.md": MiniSite.incident,
        ])
        defer { site.remove() }
        let report = await site.check()
        #expect(report.diagnostics.filter { $0.location.file.hasPrefix("content/") } == [])
        #expect(report.documentCount == 2)
    }

    @Test func reportsDuplicateIdsAcrossTypesIgnoringCase() async throws {
        let clash = MiniSite.incident.replacingOccurrences(of: "id: INC-2026-001", with: "id: ll-2026-001")
        let site = try MiniSite(files: [
            "content/lessons/ll.md": MiniSite.lesson, "content/incidents/inc.md": MiniSite.incident,
            "content/incidents/other.md": clash,
        ])
        defer { site.remove() }
        let report = await site.check()
        let duplicate = try #require(report.diagnostics.first { $0.code == .duplicateId })
        #expect(duplicate.location.file == "content/lessons/ll.md")
        #expect(duplicate.message.contains("content/incidents/other.md:2:5"))
        #expect(report.status == .contentErrors)
    }

    @Test func reportsMissingReferenceWithDidYouMean() async throws {
        let lesson = MiniSite.lesson.replacingOccurrences(of: "sources: [INC-2026-001]", with: "sources: [INC-2026-01]")
        let site = try MiniSite(files: ["content/lessons/ll.md": lesson, "content/incidents/inc.md": MiniSite.incident])
        defer { site.remove() }
        let diagnostic = try #require(await site.check().diagnostics.first { $0.code == .unknownReference })
        #expect(diagnostic.message.contains("did you mean 'INC-2026-001'?"))
        #expect(diagnostic.location.line == 10)
    }

    @Test func reportsPublishedDocumentLinkingToDraft() async throws {
        let draft = MiniSite.incident.replacingOccurrences(of: "status: closed", with: "status: closed\ndraft: true")
        let site = try MiniSite(files: ["content/lessons/ll.md": MiniSite.lesson, "content/incidents/inc.md": draft])
        defer { site.remove() }
        #expect(await site.check().diagnostics.contains { $0.code == .linkToDraft })
    }

    @Test func requiresPrivacyReviewOnIncidentDerivedDocuments() async throws {
        let unreviewed = MiniSite.incident.replacingOccurrences(
            of: "privacy: { reviewed_by: Patient Safety Team, reviewed_on: 2026-03-01 }\n", with: "")
        let site = try MiniSite(files: [
            "content/lessons/ll.md": MiniSite.lesson, "content/incidents/inc.md": unreviewed,
        ])
        defer { site.remove() }
        #expect(
            await site.check().diagnostics.contains {
                $0.code == .privacyReview && $0.location.file == "content/incidents/inc.md"
            })
    }

    @Test func reportsDuplicateBulletinIssues() async throws {
        let bulletin = { (id: String) in
            "---\nid: \(id)\ntitle: Bulletin\ndate: 2026-07-10\nissue: 3\ncovers: { from: 2026-05, to: 2026-06 }\n---\n"
        }
        let site = try MiniSite(files: [
            "content/bulletins/a.md": bulletin("LLB-001"), "content/bulletins/b.md": bulletin("LLB-002"),
        ])
        defer { site.remove() }
        #expect(await site.check().diagnostics.contains { $0.code == .duplicateIssue })
    }

    @Test func reportsStrayAndUnknownFolderDocuments() async throws {
        let site = try MiniSite(files: ["content/stray.md": MiniSite.lesson, "content/lesons/x.md": MiniSite.lesson])
        defer { site.remove() }
        let codes = await site.check().diagnostics.map(\.code)
        #expect(codes.contains(.strayDocument))
        #expect(codes.contains(.unknownFolder))
    }

    @Test func skipsIgnoredFilesAndFolders() async throws {
        let site = try MiniSite(files: [
            "content/lessons/_drafts/x.md": "not a document", "content/lessons/.hidden.md": "nope",
        ])
        defer { site.remove() }
        let report = await site.check()
        #expect(report.documentCount == 0)
        #expect(report.diagnostics.filter { $0.location.file.hasPrefix("content/") }.isEmpty)
    }

    @Test func brokenSiteYAMLIsAConfigurationError() async throws {
        let site = try MiniSite(files: [:], site: "title: [unclosed\n")
        defer { site.remove() }
        let report = await site.check()
        #expect(report.status == .unusableConfiguration)
        #expect(report.diagnostics.first?.location.file == "site.yaml")
    }

    @Test func missingDataFileIsAConfigurationError() async throws {
        let site = try MiniSite(files: [:])
        defer { site.remove() }
        try FileManager.default.removeItem(atPath: site.root + "/data/themes.yaml")
        let report = await site.check()
        #expect(report.status == .unusableConfiguration)
        #expect(report.diagnostics.contains { $0.location.file == "data/themes.yaml" })
    }
}

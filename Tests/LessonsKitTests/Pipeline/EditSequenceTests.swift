import Foundation
import Testing

@testable import LessonsKit

/// Random, seeded sequences of edits to a small site; after each edit the incremental build's output folder must be
/// byte-identical to a clean build's. `LESSONS_EDIT_SEEDS` (e.g. `1-200`) and `LESSONS_EDIT_STEPS` run more of them
/// (`scripts/bench --edit-seeds N` does); CI runs the default few.
@Suite("Incremental output equals a clean build after random edits")
struct EditSequenceTests {
    static var seeds: [UInt64] {
        let text = ProcessInfo.processInfo.environment["LESSONS_EDIT_SEEDS"] ?? "1-3"
        let bounds = text.split(separator: "-").compactMap { UInt64($0) }
        if bounds.count == 2, bounds[0] <= bounds[1] { return Array(bounds[0]...bounds[1]) }
        return text.split(separator: ",").compactMap { UInt64($0) }
    }

    static var steps: Int { ProcessInfo.processInfo.environment["LESSONS_EDIT_STEPS"].flatMap(Int.init) ?? 6 }

    @Test func incrementalOutputMatchesACleanBuild() async throws {
        for seed in Self.seeds {
            var state = EditedSite(seed: seed)
            let site = try MiniSite(files: state.files())
            defer { site.remove() }
            #expect(await BuildPipeline.build(state.options(site)).status == .success)
            for step in 1...Self.steps {
                let edit = state.applyRandomEdit(step: step)
                try state.sync(to: site)
                let incremental = await BuildPipeline.build(state.options(site))
                var clean = state.options(site)
                clean.ignoreCache = true
                clean.output = site.root + "/clean-output"
                clean.cacheDirectory = site.root + "/.clean-cache"
                let fresh = await BuildPipeline.build(clean)
                let context = "seed \(seed), step \(step): \(edit)"
                // Deleted, renamed or hidden pages and lost headings break the links to them: both builds must then
                // fail alike, with broken links only (and the next step compares with the last successful build).
                #expect(incremental.status == fresh.status, "\(context): \(incremental.diagnostics)")
                #expect(incremental.diagnostics == fresh.diagnostics, "\(context)")
                let errors = fresh.diagnostics.filter { $0.severity == .error }
                #expect(errors.allSatisfy { $0.code == .brokenOutputLink }, "\(context): \(errors)")
                #expect(
                    fresh.status == (errors.isEmpty ? .success : .contentErrors), "\(context): \(fresh.diagnostics)")
                guard fresh.status == .success else { continue }
                let difference = try FolderComparison.differences(
                    site.root + "/site-output", site.root + "/clean-output")
                #expect(difference.isEmpty, "\(context): \(difference.prefix(5))")
                if !difference.isEmpty { return }
            }
        }
    }
}

/// Compares two folders file by file.
enum FolderComparison {
    /// Paths that are in one folder only or differ in bytes (empty when identical).
    static func differences(_ first: String, _ second: String) throws -> [String] {
        let manager = FileManager.default
        let a = Set(try manager.subpathsOfDirectory(atPath: first))
        let b = Set(try manager.subpathsOfDirectory(atPath: second))
        var found = a.symmetricDifference(b).sorted().map { "only in one: \($0)" }
        for path in a.intersection(b).sorted()
        where manager.contents(atPath: first + "/" + path)
            != manager.contents(atPath: second + "/" + path)
        {
            found.append("differs: \(path)")
        }
        return found
    }
}

/// The fixture site as data, so that edits can be made and the files written again.
struct EditedSite {
    struct Doc {
        var type: String
        var id: String
        var title: String
        var themes: [String]
        var service: String
        var body: String
        var sources: [String] = []
        var summary = "A short summary."
        var keyMessage = "Check the chart."
        var date = "2026-03-14"
        var harm = "low"
        var action: (status: String, due: String, owner: String)? = nil
        /// `review_by:` (lessons), a warning once it is before the build's today.
        var reviewBy: String?
        var draft = false
        var audience = "staff"
        /// Site-absolute links to documents' pages (with or without a fragment), each a paragraph after the body;
        /// written with the target's id when the link was made, so renaming or deleting the target breaks them.
        var links: [String] = []
    }

    var random: SplitMix64
    var docs: [String: Doc]
    var siteTitle = "Learning Lessons"
    var themeTitle = "Falls"
    var attachment = "attachment 0"
    var template: String?
    var style: String?
    var nextNumber = 10
    var removed: [String] = []
    /// `privacy.allowed_email_domains` in site.yaml: whether a body's e-mail address is a privacy warning.
    var allowedEmailDomain: String?
    /// The build's `--today` (review dates fall due as it moves).
    var today = "2026-11-27"
    /// `search.synonyms` of site.yaml, one group.
    var synonyms = ["chart", "observation"]
    /// Whether the builds trust every output file they stamped, however recently written (odd seeds), so that pages
    /// are reused unread; with even seeds, as builds a few seconds apart do, they read them back.
    let trustsRecentFiles: Bool
    /// Whether the builds leave what they hold at their end to the process's exit, as the command line's do (seeds
    /// divisible by 3; see `BuildOptions.endsProcess`), instead of freeing it.
    let endsProcess: Bool

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
        trustsRecentFiles = seed % 2 == 1
        endsProcess = seed % 3 == 0
        docs = [
            "content/incidents/inc-1.md": Doc(
                type: "incident", id: "INC-2026-001", title: "Missed observation", themes: ["observation"],
                service: "ward-1", body: "An observation was missed.", date: "2026-02",
                action: (status: "open", due: "2026-12-01", owner: "Ward manager"),
                links: ["/learning/lessons/ll-2026-001/#key-messages-heading"]),
            "content/incidents/inc-2.md": Doc(
                type: "incident", id: "INC-2026-002", title: "Fall at night", themes: ["falls"], service: "ward-2",
                body: "A patient fell.", date: "2025-11", links: ["/learning/incidents/inc-2026-001/"]),
            "content/lessons/ll-1.md": Doc(
                type: "lesson", id: "LL-2026-001", title: "Check the chart", themes: ["observation"],
                service: "ward-1", body: "See [[INC-2026-001]] and [the poster](poster.txt).",
                sources: ["INC-2026-001"],
                links: ["/learning/incidents/inc-2026-001/#actions-heading"]),
            "content/lessons/ll-2.md": Doc(
                // An e-mail address and a review date, so that site.yaml's allowed domains and today always matter.
                type: "lesson", id: "LL-2026-002", title: "Lights at night", themes: ["falls"], service: "ward-2",
                body: "Keep the lights on. Ask ward@example.org.", reviewBy: "2026-12-15"),
            // Discusses the second incident: the sessions dashboard shows the themes of what sessions discussed.
            "content/sessions/s-1.md": Doc(
                type: "session", id: "LLS-2026-001", title: "Falls at night", themes: ["falls"], service: "ward-2",
                body: "We talked about falls.", date: "2026-10-15"),
            // Its lead and further lessons are the lessons dated in its period (March and April 2026), and "You said,
            // we did" the actions completed then, so lesson and action edits reach its web, print and e-mail forms.
            "content/bulletins/llb-1.md": Doc(
                type: "bulletin", id: "LLB-001", title: "Bulletin one", themes: [], service: "ward-1",
                body: "Welcome to the bulletin."),
        ]
    }

    static let themeSlugs = ["falls", "observation", "medication"]

    /// Makes one random edit and says what it was.
    mutating func applyRandomEdit(step: Int) -> String {
        let kinds = [
            "body", "title", "themes", "service", "id rename", "new file", "deleted file", "data file", "site.yaml",
            "template", "theme asset", "attachment", "nothing", "summary", "key messages", "date", "harm", "action",
            "e-mail", "allowed domain", "review by", "today", "no sources",
            "draft", "audience", "synonyms", "link", "link", "unlink", "unlink every link", "heading",
        ]
        let kind = kinds[Int(random.next() % UInt64(kinds.count))]
        let paths = docs.keys.sorted()
        let path = paths[Int(random.next() % UInt64(paths.count))]
        switch kind {
        case "body": docs[path]?.body += "\n\nEdit \(step): more text."
        case "title": docs[path]?.title = "Edited title \(step)"
        case "themes":
            let chosen = Self.themeSlugs.filter { _ in random.next() % 2 == 0 }
            docs[path]?.themes = chosen.isEmpty ? ["medication"] : chosen
        case "service":
            let current = docs[path]?.service
            docs[path]?.service = current == "ward-1" ? "ward-2" : "ward-1"
        case "id rename":
            // Lessons are referenced by nothing, so renaming one keeps the site valid.
            guard let lesson = paths.first(where: { docs[$0]?.type == "lesson" }) else { return kind }
            docs[lesson]?.id = "LL-2026-0\(nextNumber)"
            nextNumber += 1
        case "new file":
            docs["content/lessons/ll-\(nextNumber).md"] = Doc(
                type: "lesson", id: "LL-2026-0\(nextNumber)", title: "New lesson \(step)", themes: ["medication"],
                service: "ward-1", body: "New.")
            nextNumber += 1
        case "deleted file":
            let lessons = paths.filter { docs[$0]?.type == "lesson" }
            guard lessons.count > 1, let victim = lessons.last else { return kind }
            docs[victim] = nil
            removed.append(victim)
        case "summary": docs[path]?.summary = "Summary \(step)."
        case "key messages": docs[path]?.keyMessage = "Message \(step)."
        case "date":
            let incident = docs[path]?.type == "incident"
            let dates = incident ? ["2026-02", "2025-11", "2024-06"] : ["2026-03-14", "2025-10-02", "2026-11-20"]
            let date = dates[Int(random.next() % UInt64(dates.count))]
            docs[path]?.date = date
        case "harm":
            let harm = docs[path]?.harm == "low" ? "none" : "low"
            docs[path]?.harm = harm
        case "action":
            // An action added, its status, due date or owner changed, or removed: the actions dashboard, theme and
            // service pages list open actions.
            let statuses = ["open", "in-progress", "completed", nil]
            let dues = ["2026-12-01", "2026-10-01", "2027-03-31"]
            let (status, due, owner) = (statuses[Int(random.next() % 4)], dues[Int(random.next() % 3)], random.next())
            docs[path]?.action = status.map { (status: $0, due: due, owner: owner % 2 == 0 ? "Matron" : "Lead") }
        // Edits whose problems come from the per-document checks, replayed from the decoded-document cache when the
        // file is unchanged: the ones outside the file (site.yaml, today) must reach those replayed problems too.
        case "e-mail": docs[path]?.body += "\n\nAsk ward\(step)@example.org for the chart."
        case "allowed domain": allowedEmailDomain = allowedEmailDomain == nil ? "example.org" : nil
        case "review by":
            let dates = ["2026-01-15", "2026-11-30", "2027-06-01"]
            docs[path]?.reviewBy = dates[Int(random.next() % UInt64(dates.count))]
        case "today": today = today == "2026-11-27" ? "2027-01-04" : "2026-11-27"
        case "no sources":
            guard docs[path]?.type == "lesson" else { return kind }
            let hasNone = docs[path]?.sources.isEmpty == true
            docs[path]?.sources = hasNone ? ["INC-2026-002"] : []
        case "draft", "audience":
            // Lessons only: nothing names a lesson, so hiding one from the edition keeps the site valid.
            let lessons = paths.filter { docs[$0]?.type == "lesson" }
            let lesson = lessons[Int(random.next() % UInt64(lessons.count))]
            if kind == "draft" { docs[lesson]?.draft.toggle() }
            if kind == "audience" {
                let audience = docs[lesson]?.audience == "staff" ? "governance" : "staff"
                docs[lesson]?.audience = audience
            }
            return "\(kind) \(lesson)"
        case "synonyms":
            synonyms = synonyms == ["chart", "observation"] ? ["night", "lights", "fall"] : ["chart", "observation"]
        case "link":
            // To a page, or to one of its headings (key messages: lessons; actions: documents with an action), now
            // and then to no heading at all.
            let target = paths[Int(random.next() % UInt64(paths.count))]
            guard let doc = docs[target] else { return kind }
            var fragments = ["", ""]
            if doc.type == "lesson" { fragments.append("#key-messages-heading") }
            if doc.action != nil { fragments.append("#actions-heading") }
            if random.next() % 6 == 0 { fragments.append("#nowhere") }
            let fragment = fragments[Int(random.next() % UInt64(fragments.count))]
            docs[path]?.links.append("/learning/\(doc.type)s/\(doc.id.lowercased())/\(fragment)")
            return "\(kind) \(path) -> \(target)\(fragment)"
        case "unlink":
            guard let count = docs[path]?.links.count, count > 0 else { return kind }
            docs[path]?.links.remove(at: Int(random.next() % UInt64(count)))
        case "unlink every link":
            for key in paths { docs[key]?.links = [] }
        case "heading":
            // The actions section (and its heading's id) comes and goes with the document's action.
            guard let doc = docs[path], doc.type == "incident" || doc.type == "lesson" else { return kind }
            docs[path]?.action = doc.action == nil ? (status: "open", due: "2026-12-01", owner: "Matron") : nil
        case "data file": themeTitle = "Falls \(step)"
        case "site.yaml": siteTitle = "Learning Lessons \(step)"
        case "template": template = "<p>Edited page \(step).</p>"
        case "theme asset": style = "/* edit \(step) */\n"
        case "attachment": attachment = "attachment \(step)"
        default: break
        }
        return "\(kind) \(path)"
    }

    /// The build options (today as the edits left it).
    func options(_ site: MiniSite) -> BuildOptions {
        var options = site.options()
        options.today = today
        if trustsRecentFiles { options.outputSettleNanoseconds = 0 }
        options.endsProcess = endsProcess
        return options
    }

    /// Every file of the site, by site-relative path.
    func files() -> [String: String] {
        let privacy = allowedEmailDomain.map { "\nprivacy:\n  allowed_email_domains: [\($0)]\n" } ?? ""
        var files: [String: String] = [
            // A learning report reads the whole edition (no PDFs: Chromium would print one on every build).
            "site.yaml": MiniSite.siteYAML.replacingOccurrences(of: "Learning Lessons", with: siteTitle)
                + "\nreports:\n  - { from: 2025-10, to: 2026-09 }\nprint:\n  pdf: off\n"
                + "search:\n  synonyms:\n    - [\(synonyms.joined(separator: ", "))]\nbulletin:\n  pdf: off\n"
                + privacy,
            "data/themes.yaml": MiniSite.themesYAML.replacingOccurrences(
                of: "title: Falls", with: "title: \(themeTitle)"),
            "content/lessons/poster.txt": attachment, "static/logo.txt": "logo",
        ]
        for (path, doc) in docs { files[path] = text(of: doc) }
        if let template, let original = EmbeddedDefaultTheme.files["templates/notfound.mustache"] {
            files["themes/default/templates/notfound.mustache"] = String(decoding: original, as: UTF8.self)
                .replacingOccurrences(of: "<p>You could:</p>", with: template + "\n<p>You could:</p>")
        }
        if let style, let original = EmbeddedDefaultTheme.files["assets/style.css"] {
            files["themes/default/assets/style.css"] = String(decoding: original, as: UTF8.self) + style
        }
        return files
    }

    /// Writes every file and removes deleted documents.
    func sync(to site: MiniSite) throws {
        for (path, text) in files() where site.read(path) != text { try site.write(path, text) }
        for path in removed { try? FileManager.default.removeItem(atPath: site.root + "/" + path) }
    }

    /// The document's `actions:` block (with its line break), or nothing.
    private func actions(of doc: Doc) -> String {
        guard let action = doc.action else { return "" }
        return """
            actions:
              - id: A1
                action: Check the observation chart at every handover.
                owner: \(action.owner)
                due: \(action.due)
                status: \(action.status)
            \(action.status == "completed" ? "    completed: 2026-03-20\n" : "")
            """
    }

    private func text(of doc: Doc) -> String {
        let themes = doc.themes.joined(separator: ", ")
        var doc = doc
        for (index, link) in doc.links.enumerated() { doc.body += "\n\nSee [page \(index + 1)](\(link))." }
        if doc.type == "bulletin" {
            return """
                ---
                id: \(doc.id)
                title: \(doc.title)
                date: 2026-05-01
                issue: 1
                covers: { from: 2026-03, to: 2026-04 }
                spotlight: falls
                summary: \(doc.summary)
                ---
                \(doc.body)
                """
        }
        if doc.type == "session" {
            return """
                ---
                id: \(doc.id)
                title: \(doc.title)
                date: \(doc.date)
                format: in-person
                summary: \(doc.summary)
                themes: [\(themes)]
                discussed: [INC-2026-002]
                attendance: 12
                ---
                ## What we discussed

                \(doc.body)
                """
        }
        if doc.type == "incident" {
            return """
                ---
                id: \(doc.id)
                title: \(doc.title)
                date: \(doc.date)
                source: patient-safety-incident
                harm: \(doc.harm)
                response: after-action-review
                status: closed
                themes: [\(themes)]
                service: \(doc.service)
                privacy: { reviewed_by: Patient Safety Team, reviewed_on: 2026-03-01 }
                \(actions(of: doc))---
                ## What happened

                \(doc.body)
                """
        }
        return """
            ---
            id: \(doc.id)
            title: \(doc.title)
            date: \(doc.date)
            summary: \(doc.summary)
            themes: [\(themes)]
            service: \(doc.service)
            key_messages:
              - \(doc.keyMessage)
            sources: [\(doc.sources.joined(separator: ", "))]\(doc.reviewBy.map { "\nreview_by: \($0)" } ?? "")
            privacy: { reviewed_by: Patient Safety Team, reviewed_on: 2026-03-10 }
            audience: \(doc.audience)
            draft: \(doc.draft)
            \(actions(of: doc))---
            ## What happened

            \(doc.body)
            """
    }
}

/// A small seeded random number generator (SplitMix64), so that a failing sequence can be replayed by its seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The link check of a rebuild: only the pages whose links may now resolve differently from the last successful
/// build's check (its ``LinkCheckRecord``) have their links resolved again.
///
/// A page is checked again when it is new or was not a page, when its links differ from the recorded ones, or when
/// one of the files its links resolved to is gone, has other ids, or now has a file `X` in front of it where a link
/// went to `X/index.html`. Every other page's links resolve exactly as they did, and the record only ever describes a
/// check that found nothing broken, so none of them is broken. Pages are checked in the renderer's order, so the
/// broken links, and the diagnostics grouped and capped from them, are those a check of every page finds.
enum IncrementalLinkCheck {
    /// What the check found, and what to record of it.
    struct Outcome: Sendable {
        var diagnostics: [Diagnostic]
        /// The links that do not resolve, in the pages' order.
        var broken: [LinkChecker.BrokenLink]
        /// The record for the next build: nil when a link is broken or two files share a path.
        var record: LinkCheckRecord?
        /// How many pages had their links resolved.
        var checked: Int
        /// How many pages the edition has.
        var pages: Int
    }

    /// Checks the links of `entries` (one edition's output files) with `checker`, resolving again only what
    /// `previous` (recorded under `key`) cannot vouch for; every link when there is no previous record.
    static func run(
        _ checker: LinkChecker, entries: [OutputEntry], previous: LinkCheckRecord?, key: String, jobs: Int?
    ) async -> Outcome {
        let table = OutputTable(entries)
        let pageIndices = entries.indices.filter { entries[$0].links != nil }
        // A reused page's digests were stored with its links, which are then not read.
        let digests = await parallelMap(pageIndices, jobs: jobs) { index in
            let digests = (entries[index].links ?? PageLinks(HTMLLinks())).digests
            return LinkCheckRecord.Page(links: digests.links, ids: digests.ids, targets: [])
        }
        var facts = [LinkCheckRecord.Page?](repeating: nil, count: entries.count)
        for (index, page) in zip(pageIndices, digests) { facts[index] = page }
        var toCheck = pageIndices
        if let previous, !table.hasSharedPaths {
            toCheck = carryOver(previous, into: &facts, table: table, pages: pageIndices)
        }
        let results = await checker.check(pages: toCheck, in: table, jobs: jobs)
        for (index, result) in zip(toCheck, results) { facts[index]?.targets = result.targets }
        let broken = results.flatMap(\.broken)
        let record =
            broken.isEmpty && !table.hasSharedPaths
            ? LinkCheckRecord(key: key, paths: entries.map(\.path), pages: facts) : nil
        return Outcome(
            diagnostics: checker.diagnostics(for: broken), broken: broken, record: record, checked: toCheck.count,
            pages: pageIndices.count)
    }

    /// Gives each page that `previous` vouches for its recorded targets, renumbered into `table`; returns the others
    /// (the pages to check), in order.
    private static func carryOver(
        _ previous: LinkCheckRecord, into facts: inout [LinkCheckRecord.Page?], table: OutputTable, pages: [Int]
    ) -> [Int] {
        // Where each path was and is: lined up in one pass when the paths kept the recorded order and few were added (no
        // lookup tables needed), else by path.
        let alignment = PathAlignment(table.entries.map(\.path), recorded: previous.paths)
        var before: [String: Int] = [:]
        let now: [Int]
        if let alignment {
            now = alignment.now
        } else {
            before.reserveCapacity(previous.paths.count)
            for (position, path) in previous.paths.enumerated() where before[path] == nil { before[path] = position }
            now = previous.paths.map { table.index[$0] ?? -1 }
        }
        // The recorded files a link to which may now resolve differently: gone, other ids (or no longer a page, or
        // now one), or `X/index.html` where a file `X` was added.
        var changed = now.indices.map { position in
            now[position] < 0 || previous.pages[position]?.ids != facts[now[position]]?.ids
        }
        if let alignment {
            for index in alignment.added {
                let folderPage = table.entries[index].path + "/index.html"
                if let position = previous.paths.firstIndex(of: folderPage) { changed[position] = true }
            }
        } else {
            for entry in table.entries where before[entry.path] == nil {
                if let folderPage = before[entry.path + "/index.html"] { changed[folderPage] = true }
            }
        }
        var toCheck: [Int] = []
        for index in pages {
            let recorded: Int?
            if let alignment {
                recorded = alignment.before[index] >= 0 ? alignment.before[index] : nil
            } else {
                recorded = before[table.entries[index].path]
            }
            guard let position = recorded,
                let was = previous.pages[position], was.links == facts[index]?.links,
                was.targets.allSatisfy({ !changed[$0] && now[$0] >= 0 })
            else {
                toCheck.append(index)
                continue
            }
            facts[index]?.targets = was.targets.map { now[$0] }
        }
        return toCheck
    }
}

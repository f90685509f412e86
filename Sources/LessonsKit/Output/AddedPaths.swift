/// The output paths a rebuild added to those the last successful build wrote (its ``LinkCheckRecord``), when every
/// other path is a recorded one, in the recorded order, and no added path can collide with any path: a rebuild whose
/// new files (a search shard for a new word, a new document's page) need no full collision check.
enum AddedPaths {
    /// The indices of the paths `recorded` does not list, when the others line up with it and each of those is free
    /// (see ``isFree(_:among:added:recorded:)``); nil otherwise, and then the full check decides.
    static func safelyAdded(_ paths: [String], recorded: [String]) -> [Int]? {
        var added: [Int] = []
        var known: Set<String>?
        var position = 0
        for (index, path) in paths.enumerated() {
            if position < recorded.count, recorded[position] == path {
                position += 1
                continue
            }
            // Off the recorded order: a path added, or one after some that were removed.
            let listed = known ?? Set(recorded)
            known = listed
            guard listed.contains(path) else {
                added.append(index)
                continue
            }
            while position < recorded.count, recorded[position] != path { position += 1 }
            guard position < recorded.count else { return nil }
            position += 1
        }
        guard !added.isEmpty else { return [] }
        let addedPaths = added.map { paths[$0] }
        let addedSet = Set(addedPaths)
        guard addedSet.count == addedPaths.count, let known else { return nil }
        for path in addedPaths where !isFree(path, among: paths, added: addedSet, recorded: known) { return nil }
        return added
    }

    /// Whether an added `path` is well formed, has no path of `paths` under it, and no folder above it that is a path
    /// recorded or added (a recorded one may have gone since: the full check then decides).
    private static func isFree(_ path: String, among paths: [String], added: Set<String>, recorded: Set<String>)
        -> Bool
    {
        guard (try? OutputPathValidator.checkSyntax(path)) != nil else { return false }
        let folder = Array((path + "/").utf8)
        for other in paths where other.utf8.starts(with: folder) { return false }
        var prefix = ""
        for component in path.split(separator: "/").dropLast() {
            prefix += (prefix.isEmpty ? "" : "/") + component
            if recorded.contains(prefix) || added.contains(prefix) { return false }
        }
        return true
    }
}

/// The output paths a rebuild added to those the last successful build wrote (its ``LinkCheckRecord``), when every
/// other path is a recorded one, in the recorded order, and no added path can collide with any path: a rebuild whose
/// new files (a search shard for a new word, a new document's page) need no full collision check.
enum AddedPaths {
    /// The indices of the paths `recorded` does not list, when the others line up with it (see ``PathAlignment``) and
    /// each of those is free (see ``isFree(_:among:added:recorded:)``); nil otherwise, and then the full check decides.
    static func safelyAdded(_ paths: [String], recorded: [String]) -> [Int]? {
        guard let added = PathAlignment(paths, recorded: recorded)?.added else { return nil }
        guard !added.isEmpty else { return [] }
        let addedPaths = added.map { paths[$0] }
        let addedSet = Set(addedPaths)
        guard addedSet.count == addedPaths.count else { return nil }
        for path in addedPaths where !isFree(path, among: paths, added: addedSet, recorded: recorded) { return nil }
        return added
    }

    /// Whether an added `path` is well formed, has no path of `paths` under it, and no folder above it that is a path
    /// recorded or added (a recorded one may have gone since: the full check then decides).
    private static func isFree(_ path: String, among paths: [String], added: Set<String>, recorded: [String]) -> Bool {
        guard (try? OutputPathValidator.checkSyntax(path)) != nil else { return false }
        let folder = Array((path + "/").utf8)
        for other in paths where other.utf8.starts(with: folder) { return false }
        var prefix = ""
        for component in path.split(separator: "/").dropLast() {
            prefix += (prefix.isEmpty ? "" : "/") + component
            if added.contains(prefix) || recorded.contains(prefix) { return false }
        }
        return true
    }
}

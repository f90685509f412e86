/// How an edition's output paths line up with those the last successful build's ``LinkCheckRecord`` lists, when every
/// path but a few added ones is a recorded one, in the recorded order (a rebuild that changed, removed or added a few
/// files, such as a body edit that adds a search shard, or a deleted document).
///
/// A record lists no path twice (none is made when two files share a path), so a path lines up with one recorded path
/// at most. Lining up compares paths in one pass, with no table of paths to build: only an added path is compared with
/// the whole record, to make sure it is not recorded out of order.
struct PathAlignment: Sendable {
    /// For each path, its position in the record, or -1 for a path added since.
    let before: [Int]
    /// For each recorded path, the index of the same path now, or -1 when it is gone.
    let now: [Int]
    /// The indices of the paths the record does not list, in order.
    let added: [Int]

    /// How many added paths are compared with the whole record; a build that added more looks paths up in tables.
    static let maximumAdded = 64

    /// Lines up `paths` with `recorded`; nil when a recorded path is out of the recorded order or repeated, or more than
    /// ``maximumAdded`` paths are not recorded.
    init?(_ paths: [String], recorded: [String]) {
        var before: [Int] = []
        before.reserveCapacity(paths.count)
        var now = [Int](repeating: -1, count: recorded.count)
        var added: [Int] = []
        var position = 0
        for (index, path) in paths.enumerated() {
            var ahead = position
            while ahead < recorded.count, recorded[ahead] != path { ahead += 1 }
            if ahead < recorded.count {
                before.append(ahead)
                now[ahead] = index
                position = ahead + 1
                continue
            }
            // Not recorded after the last path lined up: added, unless it is recorded before (out of order, or twice).
            guard added.count < Self.maximumAdded, !recorded[..<position].contains(path) else { return nil }
            before.append(-1)
            added.append(index)
        }
        self.before = before
        self.now = now
        self.added = added
    }
}

/// How an edition's output paths line up with those the last successful build's ``LinkCheckRecord`` lists, when the
/// build added no file: every path is a recorded one, in the recorded order (a rebuild that changed or removed files,
/// such as a body edit or a deleted document).
///
/// A record lists no path twice (none is made when two files share a path), so neither do the paths it lines up.
struct PathAlignment: Sendable {
    /// For each path, its position in the record.
    let before: [Int]
    /// For each recorded path, the index of the same path now, or -1 when it is gone.
    let now: [Int]

    /// Lines up `paths` with `recorded`; nil when a path is not recorded, or not in the recorded order.
    init?(_ paths: [String], recorded: [String]) {
        var before: [Int] = []
        before.reserveCapacity(paths.count)
        var now = [Int](repeating: -1, count: recorded.count)
        var position = 0
        for (index, path) in paths.enumerated() {
            while position < recorded.count, recorded[position] != path { position += 1 }
            guard position < recorded.count else { return nil }
            before.append(position)
            now[position] = index
            position += 1
        }
        self.before = before
        self.now = now
    }
}

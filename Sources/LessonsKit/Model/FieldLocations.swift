/// Where each front-matter field of a document was written, held compactly: every site document keeps these until the
/// build ends (for problems found late), and a dictionary of full ``SourceLocation``s took about 1 KB per document.
///
/// Keys and positions are two short arrays, a position being the line and column in one word; the file is the
/// document's own, given when a location is asked for. A location in another file, or past 2³² lines or columns
/// (which the decoder never writes), is kept as it is.
struct FieldLocations: Sendable, Hashable {
    /// The fields' keys, in order.
    private let keys: [String]
    /// Each key's line (high 32 bits) and column (low 32 bits), in the order of `keys`.
    private let positions: [UInt64]
    /// Locations that do not fit a position, as given.
    private let others: [String: SourceLocation]

    /// The locations of `locations` that lie in `file` become positions.
    init(_ locations: [String: SourceLocation], file: String) {
        self.init(sorted: locations.sorted(by: { $0.key < $1.key }).map { ($0.key, $0.value) }, file: file)
    }

    /// The same from `locations` already in the order of their keys, each key once (as the build cache stores them).
    init(sorted locations: [(key: String, location: SourceLocation)], file: String) {
        var keys: [String] = []
        var positions: [UInt64] = []
        var others: [String: SourceLocation] = [:]
        keys.reserveCapacity(locations.count)
        positions.reserveCapacity(locations.count)
        for (key, location) in locations {
            guard location.file == file, let line = UInt32(exactly: location.line),
                let column = UInt32(exactly: location.column)
            else {
                others[key] = location
                continue
            }
            keys.append(key)
            positions.append(UInt64(line) << 32 | UInt64(column))
        }
        self.keys = keys
        self.positions = positions
        self.others = others
    }

    /// Where `key` was written in `file` (the document's), or nil when the document has no such field.
    func location(of key: String, file: String) -> SourceLocation? {
        guard let index = keys.firstIndex(of: key) else { return others[key] }
        let position = positions[index]
        return SourceLocation(file: file, line: Int(position >> 32), column: Int(position & 0xFFFF_FFFF))
    }

    /// Every field's location, by key.
    func all(file: String) -> [String: SourceLocation] {
        var result = others
        for key in keys { result[key] = location(of: key, file: file) }
        return result
    }
}

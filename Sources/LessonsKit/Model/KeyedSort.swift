extension Sequence {
    /// The elements sorted by `areInIncreasingOrder` on a key each, read once per element rather than twice per
    /// comparison (a document's or an action's fields are read through shared boxes).
    func sorted<SortKey>(onKey key: (Element) -> SortKey, by areInIncreasingOrder: (SortKey, SortKey) -> Bool)
        -> [Element]
    {
        let elements = Array(self)
        let keys = elements.map(key)
        return elements.indices.sorted { areInIncreasingOrder(keys[$0], keys[$1]) }.map { elements[$0] }
    }
}

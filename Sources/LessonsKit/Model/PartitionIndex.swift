extension RandomAccessCollection {
    /// The first index in `range` (the whole collection when nil) whose element satisfies `predicate`, which must hold
    /// for every element after one that satisfies it; `range.upperBound` when none does. A binary search.
    func partitionIndex(in range: Range<Index>? = nil, where predicate: (Element) -> Bool) -> Index {
        let range = range ?? startIndex..<endIndex
        var (low, count) = (range.lowerBound, distance(from: range.lowerBound, to: range.upperBound))
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if predicate(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}

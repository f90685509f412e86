import Testing

@testable import LessonsKit

@Suite struct KeyedSortTests {
    /// Sorting on keys read once gives what sorting the elements by the same comparison does, ties included: elements
    /// whose keys are equal keep their order.
    @Test(arguments: 0..<20)
    func sortsAsTheElementsWouldBe(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        let items = (0..<Int.random(in: 0...200, using: &generator)).map { place in
            (key: Int.random(in: 0...9, using: &generator), place: place)
        }
        let keyed = items.sorted(onKey: \.key, by: >)
        let direct = items.sorted { $0.key > $1.key }
        #expect(keyed.map(\.place) == direct.map(\.place))
        let pairs = zip(keyed, keyed.dropFirst())
        #expect(pairs.allSatisfy { $0.key > $1.key || ($0.key == $1.key && $0.place < $1.place) })
    }

    /// The key is read once per element, not at each comparison.
    @Test func readsEachKeyOnce() {
        let reads = Counter()
        let sorted = [5, 3, 9, 1, 7, 3].sorted(
            onKey: {
                reads.add()
                return $0
            }, by: <)
        #expect(sorted == [1, 3, 3, 5, 7, 9])
        #expect(reads.value == 6)
    }

    private final class Counter {
        var value = 0
        func add() { value += 1 }
    }
}

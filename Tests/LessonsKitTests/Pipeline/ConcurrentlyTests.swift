import Foundation
import Synchronization
import Testing

@testable import LessonsKit

/// Two independent parts of a serial step computed at once come back in place, each computed once.
@Suite("Concurrently")
struct ConcurrentlyTests {
    @Test func returnsEachPartsValueInPlaceAndRunsEachOnce() {
        let log = CallLog()
        for _ in 0..<20 {
            let (text, number) = concurrently(
                {
                    log.add("first")
                    return "first"
                },
                {
                    log.add("second")
                    return 2
                })
            #expect(text == "first" && number == 2)
        }
        #expect(log.calls.sorted() == Array(repeating: "first", count: 20) + Array(repeating: "second", count: 20))
    }

    @Test(arguments: [0, 1, 7])
    func piecesComeBackInOrderBesideBothPartsEachComputedOnce(count: Int) {
        let log = CallLog()
        let (text, number, pieces) = concurrently(
            {
                log.add("first")
                return "first"
            },
            {
                log.add("second")
                return 2
            }, pieces: count,
            each: { piece in
                log.add("piece \(piece)")
                return piece * 10
            })
        #expect(text == "first" && number == 2)
        #expect(pieces == (0..<count).map { $0 * 10 })
        #expect(log.calls.sorted() == (["first", "second"] + (0..<count).map { "piece \($0)" }).sorted())
    }

    @Test func listingPiecesCoverTheEditionInOrder() async throws {
        let site = try await LoadedSite.loadedForTests(DecodedDocumentCacheTests.repositoryRoot)
        #expect(site.corpus.documents.count > 7)
        let content = EditionContent(corpus: site.corpus, edition: site.config.editions[0], includeDrafts: true)
        let pieces = AggregateInputs.listingPieces(content, size: 3)
        #expect(pieces.flatMap { Array($0) } == Array(content.documents.indices))
        #expect(pieces.dropLast().allSatisfy { $0.count == 3 })
    }
}

/// The calls a test's closures made, from any thread, in the order they were made.
/// Pages of very different sizes made one task each, the largest started first.
@Suite("Heaviest first")
struct HeaviestFirstTests {
    @Test(arguments: [1, 2, 4])
    func callsEachIndexOnce(jobs: Int) async {
        let log = CallLog()
        let weights = [3, 0, 9, 3, 1, 9, 2]
        await heaviestFirst(weights, jobs: jobs) { log.add("\($0)") }
        #expect(log.calls.compactMap(Int.init).sorted() == Array(weights.indices))
    }

    @Test func oneJobGoesFromTheHeaviestDownTiesInIndexOrder() async {
        let log = CallLog()
        await heaviestFirst([3, 0, 9, 3, 1, 9, 2], jobs: 1) { log.add("\($0)") }
        #expect(log.calls == ["2", "5", "0", "3", "6", "4", "1"])
    }

    @Test func nothingToDoCallsNothing() async {
        let log = CallLog()
        await heaviestFirst([], jobs: 2) { log.add("\($0)") }
        #expect(log.calls.isEmpty)
    }
}

/// Work of very different sizes mapped in chunks of about the same weight, the heaviest first, results in place.
@Suite("Weighted parallel map")
struct WeightedParallelMapTests {
    @Test(arguments: [1, 2, 3])
    func returnsEachResultInInputOrderEachComputedOnce(jobs: Int) async {
        let log = CallLog()
        let items = Array(0..<500)
        // Mostly light items, a few very heavy ones scattered among them, some weighing nothing.
        let weights = items.map { $0 % 97 == 5 ? 10_000 : $0 % 7 }
        let results = await parallelMap(items, weights: weights, jobs: jobs) { item in
            log.add("\(item)")
            return "item \(item)"
        }
        #expect(results == items.map { "item \($0)" })
        #expect(log.calls.compactMap(Int.init).sorted() == items)
    }

    @Test func heavyItemsAreChunksOfTheirOwnAheadOfTheLightOnes() {
        let weights = [1, 50, 2, 1, 3, 40, 1, 2, 0, 1, 2, 3]
        let chunks = weightedChunks(weights, count: 8)
        // Every index once.
        #expect(chunks.flatMap { $0 }.sorted() == Array(weights.indices))
        // The heaviest first, each alone; then the light ones, heaviest first, ties in index order.
        #expect(chunks.first == [1])
        #expect(chunks.dropFirst().first == [5])
        #expect(chunks.flatMap { $0 } == [1, 5, 4, 11, 2, 7, 10, 0, 3, 6, 9, 8])
        // A chunk of several items weighs about the total's eighth part (13 here), no more than that plus one item.
        let target = weights.reduce(0, +) / 8
        for chunk in chunks where chunk.count > 1 {
            let weight = chunk.reduce(0) { $0 + weights[$1] }
            #expect(weight - chunk.map { weights[$0] }.min()! < target)
        }
    }

    @Test func equalWeightsMakeAboutTheCountAskedFor() {
        let chunks = weightedChunks(Array(repeating: 5, count: 1000), count: 32)
        #expect(chunks.count >= 31 && chunks.count <= 33)
        #expect(chunks.flatMap { $0 } == Array(0..<1000))
    }

    @Test func nothingWeighingAnythingStillCoversEveryIndex() {
        #expect(weightedChunks([0, 0, 0], count: 4).flatMap { $0 } == [0, 1, 2])
        #expect(weightedChunks([], count: 4).isEmpty)
    }
}

final class CallLog: Sendable {
    private let state = Mutex([String]())

    func add(_ call: String) { state.withLock { $0.append(call) } }

    var calls: [String] { state.withLock { $0 } }
}

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

final class CallLog: Sendable {
    private let state = Mutex([String]())

    func add(_ call: String) { state.withLock { $0.append(call) } }

    var calls: [String] { state.withLock { $0 } }
}

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
}

/// The calls a test's closures made, from any thread, in the order they were made.
final class CallLog: Sendable {
    private let state = Mutex([String]())

    func add(_ call: String) { state.withLock { $0.append(call) } }

    var calls: [String] { state.withLock { $0 } }
}

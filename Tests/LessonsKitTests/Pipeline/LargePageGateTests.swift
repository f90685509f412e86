import Dispatch
import Synchronization
import Testing

@testable import LessonsKit

/// The large aggregate pages of an edition render one at a time, and every page is still made once, with its number.
@Suite struct LargePageGateTests {
    /// What the parts saw: how many large pages were being made at once at most, and each part's made numbers.
    struct Seen {
        var largeNow = 0
        var largeMost = 0
        var made: [[Int]]
    }

    @Test func largePagesOfPartsRunningAtOnceAreMadeOneAtATimeAndEveryPageOnce() {
        let gate = LargePageGate(threshold: 10)
        // Three parts, each with small and large pages mixed (the weights are the items).
        let parts: [[Int]] = [
            [1, 50, 2, 3, 40, 4, 5, 6, 70],
            [30, 30, 1, 2, 3, 90, 9],
            [5, 5, 5, 10, 5, 5, 11, 5],
        ]
        let seen = Mutex(Seen(made: parts.map { _ in [] }))
        DispatchQueue.concurrentPerform(iterations: parts.count) { part in
            gate.forEach(
                parts[part], weight: { $0 },
                make: { number, weight in
                    let large = weight >= gate.threshold
                    if large {
                        seen.withLock {
                            $0.largeNow += 1
                            $0.largeMost = max($0.largeMost, $0.largeNow)
                        }
                    }
                    // Some work, so that the parts overlap.
                    var sum = 0
                    for value in 0..<(20_000 * weight) { sum &+= value }
                    seen.withLock {
                        $0.made[part].append(number)
                        if large { $0.largeNow -= 1 }
                    }
                    #expect(sum != 1)
                })
        }
        let result = seen.withLock { $0 }
        #expect(result.largeMost == 1)
        for (part, items) in parts.enumerated() {
            #expect(result.made[part].sorted() == Array(items.indices), "part \(part)")
        }
    }

    @Test func smallPagesGoFirstWhileALargeOneWaitsForItsTurn() {
        let gate = LargePageGate(threshold: 10)
        let order = Mutex<[Int]>([])
        let released = DispatchSemaphore(value: 0)
        let holding = DispatchSemaphore(value: 0)
        // Another part holds the turn until this part's small pages are made.
        DispatchQueue.global().async {
            gate.forEach(
                [100], weight: { $0 },
                make: { _, _ in
                    holding.signal()
                    released.wait()
                })
        }
        holding.wait()
        gate.forEach(
            [1, 20, 2, 3], weight: { $0 },
            make: { number, _ in
                order.withLock { $0.append(number) }
                if number == 3 { released.signal() }
            })
        #expect(order.withLock { $0 } == [0, 2, 3, 1])
    }
}

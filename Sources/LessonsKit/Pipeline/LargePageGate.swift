import Dispatch

/// Lets one large aggregate page of an edition render at a time, so the biggest pages' models and HTML (the actions
/// dashboard, the busiest themes, services and lists: several megabytes each, and several times that while they
/// render) are never in memory together.
///
/// Each part of the render hands its pages to ``forEach(_:weight:make:)``: small pages render straight away; a large one
/// renders when no other large page is rendering, else it waits while the part's small pages go on, and only a part
/// left with nothing but large pages waits for its turn. The pages keep their numbers (their place in the output), so
/// the order they render in changes nothing in the output.
final class LargePageGate: Sendable {
    /// A page whose weight (the documents or actions it lists) reaches this is large.
    let threshold: Int
    private let turn = DispatchSemaphore(value: 1)

    init(threshold: Int = LargePageGate.defaultThreshold) {
        self.threshold = threshold
    }

    /// About half a megabyte of HTML on the 10,000-document corpus (a theme's or service's page lists about 1 KB a
    /// document, a list page and the actions dashboard less).
    static let defaultThreshold = 400

    /// Makes every item (`make(number, item)`, `number` being its place in `items`), each large one (`weight` at least
    /// ``threshold``) while no other large page of the edition renders.
    func forEach<Item>(_ items: [Item], weight: (Item) -> Int, make: (Int, Item) -> Void) {
        var waiting: [Int] = []
        /// Makes the waiting large items while no other large page renders.
        func makeWaiting() {
            while let number = waiting.first, turn.wait(timeout: .now()) == .success {
                make(number, items[number])
                turn.signal()
                waiting.removeFirst()
            }
        }
        for (number, item) in items.enumerated() {
            if weight(item) < threshold {
                make(number, item)
            } else {
                waiting.append(number)
            }
            makeWaiting()
        }
        for number in waiting {
            turn.wait()
            make(number, items[number])
            turn.signal()
        }
    }
}

import Synchronization

/// The link and id texts of one edition's pages, each text kept once and numbered.
///
/// Every page's links and ids stay in memory until the link check, and most of them are the same texts on page after
/// page (the navigation, a card's link on every list that shows it, from each folder depth). A card's recorded links are
/// handed through ``shared(_:)`` when its render ends, so equal texts become one string; a page's through
/// ``numbered(_:)``, which keeps its links as the texts' numbers (four bytes each rather than a string's sixteen: a
/// theme page links thousands of cards). The texts read back are the same, so nothing reading them can tell.
final class SharedLinkTexts: Sendable {
    /// Each text kept, by its number, and each text's number.
    private struct Table {
        var texts: [String] = []
        var numbers: [String: UInt32] = [:]

        /// The text kept equal to `text` (kept from now on when it is new), and its number.
        mutating func keep(_ text: String) -> (text: String, number: UInt32) {
            if let number = numbers[text] { return (texts[Int(number)], number) }
            let number = UInt32(texts.count)
            texts.append(text)
            numbers[text] = number
            return (text, number)
        }
    }

    private let table = Mutex(Table())

    /// `links` with each text replaced by the equal text kept so far (kept from now on when it is new).
    func shared(_ links: HTMLLinks) -> HTMLLinks {
        var result = HTMLLinks()
        result.links.reserveCapacity(links.links.count)
        result.ids.reserveCapacity(links.ids.count)
        table.withLock { table in
            for link in links.links { result.links.append(table.keep(link).text) }
            for id in links.ids { result.ids.insert(table.keep(id).text) }
        }
        return result
    }

    /// A page's `links` kept as the numbers of their texts (each kept from now on when it is new), with its ids shared.
    func numbered(_ links: HTMLLinks) -> NumberedPageLinks {
        var numbers: [UInt32] = []
        var ids: Set<String> = []
        numbers.reserveCapacity(links.links.count)
        ids.reserveCapacity(links.ids.count)
        table.withLock { table in
            for link in links.links { numbers.append(table.keep(link).number) }
            for id in links.ids { ids.insert(table.keep(id).text) }
        }
        return NumberedPageLinks(texts: self, numbers: numbers, ids: ids)
    }

    /// The texts numbered `numbers`, in order.
    func texts(_ numbers: [UInt32]) -> [String] {
        table.withLock { table in numbers.map { table.texts[Int($0)] } }
    }
}

import Synchronization

/// The link and id texts of one edition's pages, each text kept once.
///
/// Every page's links and ids stay in memory until the link check, and most of them are the same texts on page after
/// page (the navigation, a card's link on every list that shows it, from each folder depth). A page's recorded links
/// are handed through ``shared(_:)`` when its render ends, so equal texts become one string, and the page keeps a list
/// no longer than its links (a recorded list grows by doubling). The texts are the same, so nothing reading them
/// can tell.
final class SharedLinkTexts: Sendable {
    private let texts = Mutex(Set<String>())

    /// `links` with each text replaced by the equal text kept so far (kept from now on when it is new).
    func shared(_ links: HTMLLinks) -> HTMLLinks {
        var result = HTMLLinks()
        result.links.reserveCapacity(links.links.count)
        result.ids.reserveCapacity(links.ids.count)
        texts.withLock { texts in
            for link in links.links { result.links.append(texts.insert(link).memberAfterInsert) }
            for id in links.ids { result.ids.insert(texts.insert(id).memberAfterInsert) }
        }
        return result
    }
}

/// A rendered page's links held as the numbers of their texts in the edition's ``SharedLinkTexts``, and its ids: what
/// the stages after rendering read (``PageLinks/numbered(_:)``), in a quarter of the memory of the texts' list.
final class NumberedPageLinks: Sendable {
    private let texts: SharedLinkTexts
    private let numbers: [UInt32]
    /// `id` values and `<a name>`s.
    let ids: Set<String>

    init(texts: SharedLinkTexts, numbers: [UInt32], ids: Set<String>) {
        self.texts = texts
        self.numbers = numbers
        self.ids = ids
    }

    /// `href`, `src` and `action` values, in document order.
    var links: [String] { texts.texts(numbers) }

    /// How many links, without reading their texts.
    var linkCount: Int { numbers.count }

    /// The links and ids.
    var recorded: HTMLLinks { HTMLLinks(links: links, ids: ids) }
}

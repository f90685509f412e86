/// The link targets and the element ids of an HTML page or fragment, as a browser reads them (character references
/// decoded): what the link check needs to know of a page.
struct HTMLLinks: Sendable, Hashable {
    /// `href`, `src` and `action` values, in document order.
    var links: [String] = []
    /// `id` values and `<a name>`s: the fragments a link can point at.
    var ids: Set<String> = []

    /// Adds `other`'s links after these, and its ids.
    mutating func append(_ other: HTMLLinks) {
        links += other.links
        ids.formUnion(other.ids)
    }
}

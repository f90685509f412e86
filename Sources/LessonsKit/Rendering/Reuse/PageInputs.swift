/// Everything a page is made from, written as bytes: the *input key* with which ``PageReuse`` can take a page from the
/// last build without even building its model (see ``TemplateSet/page(_:_:inputs:_:)``).
///
/// Each value is tagged or length-prefixed, so two different lists of inputs never give the same bytes. A page builder
/// that uses it must add every value its model is made from; anything it leaves out would leave a stale page, which is
/// why only pages made from a few plain values (posters) use it, and the edit-sequence test checks them.
struct PageInputs: Sendable {
    private(set) var bytes: [UInt8] = []
    /// What the page kind is called.
    let kind: String

    /// Starts with what the page kind is called, so the inputs of two kinds of page are never confused.
    init(kind: String) {
        self.kind = kind
        add(kind)
    }

    mutating func add(_ text: String) {
        TemplateValueBytes.appendText(text, to: &bytes)
    }

    mutating func add(_ text: String?) {
        guard let text else { return bytes.append(0) }
        bytes.append(1)
        add(text)
    }

    mutating func add(_ flag: Bool) {
        bytes.append(flag ? 1 : 0)
    }

    mutating func add(_ number: Int) {
        TemplateValueBytes.appendLength(number, to: &bytes)
    }

    /// Bytes such as a digest, after their count.
    mutating func add(bytes more: [UInt8]) {
        add(more.count)
        bytes += more
    }

    /// A digest's 32 bytes after their count, as ``add(bytes:)`` writes `digest.bytes`.
    mutating func add(digest: Digest32) {
        add(32)
        digest.append(to: &bytes)
    }

    mutating func add(_ texts: [String]) {
        TemplateValueBytes.appendLength(texts.count, to: &bytes)
        for text in texts { add(text) }
    }

    /// Every value of the frame a page's chrome is made from (``PageFrame/chrome(folder:title:heading:currentSection:breadcrumbs:root:)``).
    mutating func add(frame: PageFrame) {
        add(frame.paths.portable)
        add(frame.language)
        add(frame.organisation)
        add(frame.editionTitle)
        add(frame.editionName)
        add(frame.links.flatMap { [$0.title, $0.url] })
        add(frame.navigation.flatMap { [$0.title, $0.folder] })
        add(frame.assetPaths.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] })
        add(frame.feeds.feeds.flatMap { [$0.folder, $0.title] })
        add(frame.generatedOn)
        add(frame.isDraftBuild)
        add(PageFrame.contentSecurityPolicy)
    }
}

/// A row model whose fragment (``PartialFragments``) is keyed by its typed fields, written straight to bytes: a card
/// found in the cache by that key is neither converted for Mustache (``TemplateValue/convert(_:)``) nor written out as
/// ``TemplateValueBytes``. A rebuild that lists thousands of cards on a theme page converted each before.
///
/// The key must hold every field the row's ``TemplateFields`` list holds, each tagged or length-prefixed (with
/// ``FragmentKeyBytes``), and a name with a version, changed whenever the fields change: a field left out would let
/// two rows that render differently share a fragment. Such a row is a model (``TemplateFields``): it always converts,
/// so a row found by its key is never one the list would have left out.
protocol FragmentKeyed {
    /// Appends the row's fragment key: its kind and version, then every field.
    func appendFragmentKey(to key: inout [UInt8])
}

/// The pieces of a ``FragmentKeyed`` key.
enum FragmentKeyBytes {
    /// The byte a typed key starts with: no model written by ``TemplateValueBytes`` starts with it.
    static let tag = UInt8(ascii: "K")

    static func text(_ text: String, to key: inout [UInt8]) {
        TemplateValueBytes.appendText(text, to: &key)
    }

    /// A flag, then the text when there is one.
    static func text(_ text: String?, to key: inout [UInt8]) {
        guard let text else { return key.append(0) }
        key.append(1)
        TemplateValueBytes.appendText(text, to: &key)
    }

    /// A flag, then the count and each text when there is a list.
    static func texts(_ texts: [String]?, to key: inout [UInt8]) {
        guard let texts else { return key.append(0) }
        key.append(1)
        count(texts.count, to: &key)
        for text in texts { TemplateValueBytes.appendText(text, to: &key) }
    }

    static func flag(_ flag: Bool, to key: inout [UInt8]) {
        key.append(flag ? 1 : 0)
    }

    static func count(_ count: Int, to key: inout [UInt8]) {
        TemplateValueBytes.appendLength(count, to: &key)
    }
}

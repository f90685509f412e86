import Mustache

/// Rows a template loops over, made and converted only when the template looks them up, and let go once that lookup's
/// section is rendered.
///
/// The actions dashboard lists every open, due, completed and declined action: about 20,000 rows on a 10,000-document
/// site, whose models, made all at once, took 15 MB beside the 9.5 MB page being written. Mustache asks a value for its
/// representation at each lookup (``MustacheCustomRepresentation``), so each table's rows exist only while its own
/// section renders. The representation is the array ``TemplateValue/convert(_:)`` makes of the rows, so sections,
/// inverted sections and transforms (`first(rows)`) read exactly what they read of an array; a list looked up several
/// times is made again each time.
struct LazyRows: MustacheCustomRepresentation {
    /// How many rows there are (some may convert to nothing, and are then left out).
    let count: Int
    /// Whether the fragments rendered for these rows are kept for other pages (a document's card, listed on several
    /// theme and service pages) rather than rendered for this page alone (the dashboard's rows, written nowhere else).
    let keepsFragments: Bool
    private let row: (Int) -> Any
    /// Shared by the copies of these rows, and by no other rows.
    private let identity = Identity()

    private final class Identity {}

    /// Rows `row(0)` to `row(count - 1)`, each a model (``TemplateFields``) or any value a model may hold.
    init(count: Int, keepsFragments: Bool = false, row: @escaping (Int) -> Any) {
        self.count = count
        self.keepsFragments = keepsFragments
        self.row = row
    }

    /// The rows of `items`, each made by `row`.
    init<Item>(_ items: [Item], keepsFragments: Bool = false, row: @escaping (Item) -> Any) {
        self.init(count: items.count, keepsFragments: keepsFragments) { row(items[$0]) }
    }

    var representation: Any? { (0..<count).compactMap(converted) }

    /// Row `index` made and converted as Mustache sees it, or nil when it converts to nothing (the list leaves it out):
    /// a section written from the rows' fragments makes them one at a time (``PartialFragments/Render/joined(_:items:)``).
    func converted(_ index: Int) -> Any? { TemplateValue.convert(row(index)) }

    /// Row `index` as made, not converted: a row whose fragment is keyed by its typed fields (``FragmentKeyed``) is
    /// converted only when its fragment has to be rendered.
    func model(_ index: Int) -> Any { row(index) }

    /// Whether `other` is a copy of these rows (a section over them is looked up twice, made once).
    func isSame(as other: LazyRows) -> Bool { identity === other.identity }
}

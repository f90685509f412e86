/// The parent–child structure of `data/themes.yaml`, built once when the file loads and used by everything that
/// rolls themes up (analysis, theme pages, the themes index, feeds and search facets), at any depth.
///
/// A theme whose parent is unknown, or whose chain of parents loops back on itself, counts as top-level here; the
/// loader reports both as errors in `themes.yaml`, so a build never renders with them.
struct ThemeTree: Sendable, Hashable {
    /// Slugs of the themes in data-file order.
    private let order: [String]
    private let parents: [String: String]
    private let children: [String: [String]]

    /// The tree of `themes` (in data-file order; a repeated slug keeps its first entry).
    init(themes: [Theme]) {
        let known = Set(themes.map(\.slug))
        var parents: [String: String] = [:]
        var children: [String: [String]] = [:]
        var order: [String] = []
        var seen: Set<String> = []
        for theme in themes where seen.insert(theme.slug).inserted {
            order.append(theme.slug)
            if let parent = theme.parent, known.contains(parent), parent != theme.slug {
                parents[theme.slug] = parent
                children[parent, default: []].append(theme.slug)
            }
        }
        // Break cycles: a theme on a loop keeps no parent (the loader reports the loop).
        for slug in order where Self.loops(from: slug, parents: parents) { parents[slug] = nil }
        children = children.mapValues { $0.filter { parents[$0] != nil } }
        self.order = order
        self.parents = parents
        self.children = children
    }

    private static func loops(from slug: String, parents: [String: String]) -> Bool {
        var seen: Set<String> = [slug]
        var current = parents[slug]
        while let next = current {
            if !seen.insert(next).inserted { return next == slug }
            current = parents[next]
        }
        return false
    }

    /// The themes whose chain of parents loops, each cycle once, in data-file order of its first member.
    static func cycles(in themes: [Theme]) -> [[String]] {
        var parents: [String: String] = [:]
        for theme in themes where parents[theme.slug] == nil {
            if let parent = theme.parent { parents[theme.slug] = parent }
        }
        var reported: Set<String> = []
        var cycles: [[String]] = []
        for theme in themes where !reported.contains(theme.slug) && loops(from: theme.slug, parents: parents) {
            var cycle = [theme.slug]
            var current = parents[theme.slug]
            while let next = current, next != theme.slug {
                cycle.append(next)
                current = parents[next]
            }
            reported.formUnion(cycle)
            cycles.append(cycle)
        }
        return cycles
    }

    /// The theme's parent, if it has a known one.
    func parent(of slug: String) -> String? { parents[slug] }

    /// Themes without a parent, in data-file order.
    var topLevel: [String] { order.filter { parents[$0] == nil } }

    /// Direct children of a theme, in data-file order.
    func children(of slug: String) -> [String] { children[slug] ?? [] }

    /// Parent, grandparent and so on, nearest first (the theme itself left out).
    func ancestors(of slug: String) -> [String] {
        var chain: [String] = []
        var current = parents[slug]
        while let next = current {
            chain.append(next)
            current = parents[next]
        }
        return chain
    }

    /// The theme, then its ancestors nearest first.
    func selfAndAncestors(of slug: String) -> [String] { [slug] + ancestors(of: slug) }

    /// Every theme below the theme, depth first in data-file order (the theme itself left out).
    func descendants(of slug: String) -> [String] {
        children(of: slug).flatMap { [$0] + descendants(of: $0) }
    }

    /// The theme and every theme below it.
    func selfAndDescendants(of slug: String) -> Set<String> { Set([slug] + descendants(of: slug)) }

    /// The theme, its ancestors and its descendants: the themes that are not "other" themes to it.
    func family(of slug: String) -> Set<String> { selfAndDescendants(of: slug).union(ancestors(of: slug)) }

    /// How many ancestors the theme has (0 for a top-level theme).
    func depth(of slug: String) -> Int { ancestors(of: slug).count }
}

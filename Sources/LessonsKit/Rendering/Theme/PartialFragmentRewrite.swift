import Foundation

/// Which partial calls of a theme can be answered by an already rendered fragment (``PartialFragments``), and the
/// template text rewritten so that they are.
///
/// A list page writes one card per document with `{{#items}}` / `{{> card}}` / `{{/items}}`, and a document's card is
/// the same on every theme page that lists it. The rewrite turns such a call into
/// `{{#.lessonsPartial.card}}`, `{{> lessons-fragment-html}}` (`{{{.}}}`), `{{/.lessonsPartial.card}}`,
/// `{{^.lessonsPartial.card}}`, `{{> card}}`, `{{/.lessonsPartial.card}}`, each alone on its line:
/// the fragment when ``PartialFragments`` can give one for the item on top of the context, the partial as before
/// otherwise. Both write the same bytes. A call is rewritten only when nothing but the item can change what the
/// partial writes:
/// - the call is alone on its line, at column 0, inside a section (so the item is on top of the context and the
///   partial is rendered without indentation);
/// - the partial has no partial, parent, block, delimiter or pragma tag of its own;
/// - the calling template is a page template (no template includes it or inherits from it), and no block tag in the
///   theme is indented (a page's blocks are expanded without indentation).
///
/// Whether the partial reads anything above the item (a name the item lacks) is known only when it renders; then
/// ``PartialFragments`` gives no fragment and the partial renders in the page, as before.
enum PartialFragmentRewrite {
    /// The name, looked up on the item only (a leading `.`), that answers with ``PartialFragments``' lookups.
    static let lookupName = "lessonsPartial"

    /// The partial that writes a fragment (the top of the context) as it is.
    static let htmlName = "lessons-fragment-html"

    /// The template that renders partial `name` for one item: registered beside the theme's templates.
    static func wrapperName(_ name: String) -> String { "lessons-fragment:" + name }

    /// Its text: the item as the only section of a root that records any lookup climbing past the item.
    static func wrapperText(_ name: String) -> String {
        "{{#\(PartialFragments.itemName)}}{{> \(name)}}{{/\(PartialFragments.itemName)}}"
    }

    /// The page templates' texts rewritten (only those that changed), and the partials they now call through fragments.
    static func rewrite(_ templates: [String: String]) -> (texts: [String: String], partials: Set<String>) {
        var included: Set<String> = []
        var indentedBlock = false
        var closedPartials: Set<String> = []
        for (name, text) in templates {
            var closed = true
            for tag in tags(in: text) {
                if tag.sigil == ">" || tag.sigil == "<" { included.insert(tag.name) }
                if ">$<=%".contains(tag.sigil) { closed = false }
                if tag.sigil == "$" || tag.sigil == "<", tag.isIndented { indentedBlock = true }
            }
            if closed { closedPartials.insert(name) }
        }
        guard !indentedBlock else { return ([:], []) }
        var texts: [String: String] = [:]
        var used: Set<String> = []
        for (name, text) in templates where !included.contains(name) {
            guard let rewritten = rewrite(text, closedPartials: closedPartials, used: &used) else { continue }
            texts[name] = rewritten
        }
        return (texts, used)
    }

    /// `text` with its eligible partial calls rewritten; nil when none is (or the template changes delimiters).
    private static func rewrite(_ text: String, closedPartials: Set<String>, used: inout Set<String>) -> String? {
        var out = ""
        out.reserveCapacity(text.utf8.count + 256)
        var sections: [Character] = []
        var copied = text.startIndex
        for tag in tags(in: text) {
            if tag.sigil == ">", tag.isWholeLine, sections.contains("#"), closedPartials.contains(tag.name),
                tag.name.allSatisfy(Self.isNameCharacter)
            {
                let path = ".\(lookupName).\(tag.name)"
                out += text[copied..<tag.range.lowerBound]
                // Standalone tags only, one a line, so that Mustache drops every line as it dropped the call's.
                out += "{{#\(path)}}\n{{> \(htmlName)}}\n{{/\(path)}}\n{{^\(path)}}\n{{> \(tag.name)}}\n{{/\(path)}}"
                copied = tag.range.upperBound
                used.insert(tag.name)
                continue
            }
            switch tag.sigil {
            case "=": return nil
            case "#", "^", "$", "<": sections.append(tag.sigil)
            case "/": _ = sections.popLast()
            default: break
            }
        }
        guard copied != text.startIndex else { return nil }
        out += text[copied...]
        return out
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "-" || character == "_")
    }

    /// A Mustache tag: its sigil (`#`, `^`, `/`, `>`, `<`, `$`, `=`, `!`, `&`, `%`, `{`, or a space for a variable), name
    /// and place; `isWholeLine` when the tag is all its line holds (its newline aside), `isIndented` when only spaces or
    /// tabs come before it on its line.
    struct Tag {
        let sigil: Character
        let name: String
        let range: Range<String.Index>
        let isWholeLine: Bool
        let isIndented: Bool
    }

    /// The tags of a template (default delimiters), in order.
    static func tags(in text: String) -> [Tag] {
        var tags: [Tag] = []
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            let triple = rest[open.upperBound...].first == "{"
            let closing = triple ? "}}}" : "}}"
            guard let close = rest[open.upperBound...].range(of: closing) else { break }
            var inner = rest[open.upperBound..<close.lowerBound]
            if triple { inner = inner.dropFirst() }
            inner = inner.drop(while: { $0 == " " })
            var sigil: Character = triple ? "{" : " "
            if !triple, let first = inner.first, "#^/><$=!&%".contains(first) {
                sigil = first
                inner = inner.dropFirst()
            }
            let lineStart =
                text[..<open.lowerBound].lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
            let before = text[lineStart..<open.lowerBound]
            let after = text[close.upperBound...]
            tags.append(
                Tag(
                    sigil: sigil, name: inner.trimmingCharacters(in: .whitespaces),
                    range: open.lowerBound..<close.upperBound,
                    isWholeLine: before.isEmpty && (after.isEmpty || after.first == "\n"),
                    isIndented: !before.isEmpty && before.allSatisfy { $0 == " " || $0 == "\t" }))
            rest = rest[close.upperBound...]
        }
        return tags
    }
}

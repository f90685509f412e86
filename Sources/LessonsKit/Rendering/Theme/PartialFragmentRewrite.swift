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
///
/// A partial called with indentation (`  {{> actionlist}}`, alone on its line, from a template rendered without
/// indentation) cannot be a fragment itself, but the rows it loops over can: Mustache renders a section's body once per
/// item, each time from an empty string (so an item's first line is not indented by that render, its later lines are),
/// and joins the items' texts. So such a call is pointed at a copy of the partial made for that indentation
/// (``indentedCopyName(_:indentation:)``), in which each row section (`{{#items}}` … `{{/items}}` at the partial's top,
/// each tag alone on its line, no transform inside) is written from its items' fragments joined, the body being a
/// partial of its own rendered for each item under the same indentation (``rowWrapperText(_:indentation:)``); when the
/// items are not a plain list or one has no fragment, the section runs as before, calling the body for each item.
///
/// A section that holds nothing but such a call (`{{#items}}`, `{{> card}}`, `{{/items}}` on three lines) is written
/// in one piece: `{{#.lessonsJoin.items.card}}` asks the context's top for its `items` and ``PartialFragments`` for
/// every item's fragment, and writes them one after the other (``JoinedFragments``), which is what the section writes
/// item by item; when the top has no such list, or an item has no fragment, the section runs as above.
enum PartialFragmentRewrite {
    /// The name, looked up on the item only (a leading `.`), that answers with ``PartialFragments``' lookups.
    static let lookupName = "lessonsPartial"

    /// The name, looked up on the context's top only, that answers with a whole section's fragments joined.
    static let joinName = "lessonsJoin"

    /// The partial that writes a fragment (the top of the context) as it is.
    static let htmlName = "lessons-fragment-html"

    /// The name, looked up on the page's root only, that answers with ``PartialFragments``' page lookups.
    static let pageLookupName = "lessonsPage"

    /// The template that renders partial `name` for one item: registered beside the theme's templates.
    static func wrapperName(_ name: String) -> String { "lessons-fragment:" + name }

    /// Its text: the item as the only section of a root that records any lookup climbing past the item.
    static func wrapperText(_ name: String) -> String {
        "{{#\(PartialFragments.itemName)}}{{> \(name)}}{{/\(PartialFragments.itemName)}}"
    }

    /// The template that renders partial `name` for a page's root (a root that notes what the partial reads of it).
    static func pageWrapperName(_ name: String) -> String { "lessons-page-fragment:" + name }

    /// The partial calls a theme's templates make through fragments.
    struct Calls {
        /// The rewritten texts of the templates that have such calls.
        var texts: [String: String] = [:]
        /// Partials called for an item (inside a section).
        var itemPartials: Set<String> = []
        /// Partials called for the page (outside any section).
        var pagePartials: Set<String> = []
        /// Templates the rewrite adds, by name: copies of indented partials whose row sections are written from
        /// fragments, and those sections' bodies (see ``indentedCopyName(_:indentation:)``).
        var generated: [String: Generated] = [:]
        /// The indentation each row partial renders under (its wrapper is ``rowWrapperText(_:indentation:)``, the
        /// other item partials' ``wrapperText(_:)``).
        var rowIndentations: [String: String] = [:]
    }

    /// The theme's templates' texts rewritten (only those that changed), and the partials they now call through
    /// fragments.
    static func rewrite(_ templates: [String: String]) -> Calls {
        var includers: [String: [(by: String, indented: Bool)]] = [:]
        var indentedBlock = false
        var closedPartials: Set<String> = []
        var dotFree: Set<String> = []
        for (name, text) in templates {
            var closed = true
            var readsDot = false
            for tag in tags(in: text) {
                if tag.sigil == ">" || tag.sigil == "<" {
                    includers[tag.name, default: []].append((name, tag.isIndented || !tag.isWholeLine))
                }
                if ">$<=%".contains(tag.sigil) { closed = false }
                if tag.sigil == "$" || tag.sigil == "<", tag.isIndented { indentedBlock = true }
                if tag.name == "." { readsDot = true }
            }
            if closed { closedPartials.insert(name) }
            if !readsDot { dotFree.insert(name) }
        }
        guard !indentedBlock else { return Calls() }
        var calls = Calls()
        var rows: [String: [RowSection]] = [:]
        for name in closedPartials {
            guard let text = templates[name] else { continue }
            let found = rowSections(in: Array(text.utf8))
            if !found.isEmpty { rows[name] = found }
        }
        var memo: [String: Bool] = [:]
        for (name, text) in templates
        where unindented(name, includers: includers, memo: &memo, visiting: []) {
            guard
                let rewritten = rewrite(
                    text, closedPartials: closedPartials, dotFree: dotFree, rows: rows, templates: templates,
                    calls: &calls)
            else { continue }
            calls.texts[name] = rewritten
        }
        return calls
    }

    /// A template the rewrite adds: its text and the theme template it was made from.
    struct Generated {
        let text: String
        let source: String
    }

    /// A section at a partial's top whose body is rendered once per item and can come from fragments: its name, where
    /// it lies (from the start of its opening tag's line to the end of its closing tag) and where its body lies (the
    /// lines between the two tags).
    struct RowSection {
        let name: String
        let range: Range<Int>
        let body: Range<Int>
    }

    /// The row sections of a partial's text: sections at its top, opened and closed by tags alone on their lines
    /// (indentation aside), with a plain name, whose body holds no tag with a transform (`first(…)`, which could read
    /// the item's place in the list) and no tag that changes how it renders.
    static func rowSections(in bytes: [UInt8]) -> [RowSection] {
        let all = tags(in: bytes)
        var found: [RowSection] = []
        var depth = 0
        var index = 0
        while index < all.count {
            let open = all[index]
            index += 1
            switch open.sigil {
            case "#", "^": depth += 1
            case "/": depth -= 1
            default: break
            }
            guard open.sigil == "#", depth == 1, open.isStandalone, !open.name.isEmpty,
                open.name.allSatisfy(Self.isNameCharacter)
            else { continue }
            var inner = 1
            var close = index
            var plain = true
            while close < all.count {
                let tag = all[close]
                if tag.sigil == "#" || tag.sigil == "^" { inner += 1 }
                if tag.sigil == "/" { inner -= 1 }
                if inner == 0 { break }
                if tag.name.contains("(") || ">$<=%".contains(tag.sigil) { plain = false }
                close += 1
            }
            guard close < all.count else { break }
            let end = all[close]
            index = close + 1
            depth -= 1
            guard plain, end.name == open.name, end.isStandalone,
                let bodyStart = bytes[open.range.upperBound...].firstIndex(of: newline).map({ $0 + 1 })
            else { continue }
            let closeLine = end.range.lowerBound - end.indentation.utf8.count
            let openLine = open.range.lowerBound - open.indentation.utf8.count
            guard bodyStart < closeLine else { continue }
            found.append(
                RowSection(name: open.name, range: openLine..<end.range.upperBound, body: bodyStart..<closeLine))
        }
        return found
    }

    /// The copy of partial `name` made for calls indented by `indentation`, whose row sections are written from
    /// fragments.
    static func indentedCopyName(_ name: String, indentation: String) -> String {
        "lessons-indented-" + indentationCode(indentation) + "-" + name
    }

    /// The partial holding the body of the `index`th row section of `name`'s copy for `indentation`.
    static func rowName(_ name: String, indentation: String, index: Int) -> String {
        "lessons-rows-" + indentationCode(indentation) + "-" + name + "-\(index)"
    }

    /// Spaces and tabs spelled as `s` and `t` (a template name holds neither).
    private static func indentationCode(_ indentation: String) -> String {
        String(indentation.map { $0 == "\t" ? "t" : "s" })
    }

    /// The text rendering row partial `name` for one item under the indentation the calling partial has, which indents
    /// every line of the item's text but its first. Mustache writes the indentation before the call's first line too,
    /// which the section does not: the fragment is what follows it (``PartialFragments``).
    static func rowWrapperText(_ name: String, indentation: String) -> String {
        "{{#\(PartialFragments.itemName)}}\n\(indentation){{> \(name)}}\n{{/\(PartialFragments.itemName)}}"
    }

    /// Adds to `calls` the copy of partial `name` (whose row sections are `rows`) for `indentation`, and its rows'
    /// partials; returns the copy's name.
    private static func addIndentedCopy(
        _ name: String, text: String, rows: [RowSection], indentation: String, calls: inout Calls
    ) -> String {
        let copy = indentedCopyName(name, indentation: indentation)
        guard calls.generated[copy] == nil else { return copy }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var copied = 0
        for (index, row) in rows.enumerated() {
            let partial = rowName(name, indentation: indentation, index: index)
            out += bytes[copied..<row.range.lowerBound]
            out += Array(joinedRowsText(section: row.name, partial: partial).utf8)
            copied = row.range.upperBound
            calls.generated[partial] = Generated(text: String(decoding: bytes[row.body], as: UTF8.self), source: name)
            calls.rowIndentations[partial] = indentation
            calls.itemPartials.insert(partial)
        }
        out += bytes[copied...]
        calls.generated[copy] = Generated(text: String(decoding: out, as: UTF8.self), source: name)
        return copy
    }

    /// The text that replaces a row section of `section` whose body is partial `partial`: every item's fragment
    /// joined when each has one, the section calling the body for each item otherwise. Standalone tags, one a line.
    private static func joinedRowsText(section: String, partial: String) -> String {
        let path = ".\(joinName).\(section).\(partial)"
        return "{{#\(path)}}\n{{> \(htmlName)}}\n{{/\(path)}}\n{{^\(path)}}\n{{#\(section)}}\n{{> \(partial)}}\n"
            + "{{/\(section)}}\n{{/\(path)}}"
    }

    /// Whether template `name` is only ever rendered without indentation: included (if at all) only by tags alone on
    /// their line at column 0, of templates that are themselves rendered without indentation.
    private static func unindented(
        _ name: String, includers: [String: [(by: String, indented: Bool)]], memo: inout [String: Bool],
        visiting: Set<String>
    ) -> Bool {
        if let known = memo[name] { return known }
        guard !visiting.contains(name) else { return false }
        var result = true
        for includer in includers[name] ?? []
        where includer.indented
            || !unindented(includer.by, includers: includers, memo: &memo, visiting: visiting.union([name]))
        {
            result = false
            break
        }
        memo[name] = result
        return result
    }

    /// `text` with its eligible partial calls rewritten; nil when none is (or the template changes delimiters).
    private static func rewrite(
        _ text: String, closedPartials: Set<String>, dotFree: Set<String>, rows: [String: [RowSection]],
        templates: [String: String], calls: inout Calls
    ) -> String? {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 256)
        var sections: [Character] = []
        var copied = 0
        let all = tags(in: bytes)
        var index = 0
        while index < all.count {
            let tag = all[index]
            index += 1
            if let partial = joinedCall(all, at: index - 1, closedPartials: closedPartials) {
                out += bytes[copied..<tag.range.lowerBound]
                out += Array(joinedText(section: tag.name, partial: partial).utf8)
                copied = all[index + 1].range.upperBound
                calls.itemPartials.insert(partial)
                index += 2
                continue
            }
            if isEligibleCall(tag, closedPartials: closedPartials) {
                // In a section the item is on top of the context; outside any, the page's root (checked when looked up).
                let inItem = sections.contains("#")
                if inItem || dotFree.contains(tag.name) {
                    out += bytes[copied..<tag.range.lowerBound]
                    out += Array(callText(tag.name, lookup: inItem ? lookupName : pageLookupName).utf8)
                    copied = tag.range.upperBound
                    if inItem { calls.itemPartials.insert(tag.name) } else { calls.pagePartials.insert(tag.name) }
                    continue
                }
            }
            if tag.sigil == ">", tag.isIndented, tag.isStandalone, let sections = rows[tag.name],
                let partialText = templates[tag.name]
            {
                let copy = addIndentedCopy(
                    tag.name, text: partialText, rows: sections, indentation: tag.indentation, calls: &calls)
                out += bytes[copied..<tag.range.lowerBound]
                out += Array("{{> \(copy)}}".utf8)
                copied = tag.range.upperBound
                continue
            }
            switch tag.sigil {
            case "=": return nil
            case "#", "^", "$", "<": sections.append(tag.sigil)
            case "/": _ = sections.popLast()
            default: break
            }
        }
        guard copied != 0 else { return nil }
        out += bytes[copied...]
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `tag` calls a partial that can be rewritten: alone on its line, a partial without tags of its own that
    /// would change how it renders, with a plain name.
    private static func isEligibleCall(_ tag: Tag, closedPartials: Set<String>) -> Bool {
        tag.sigil == ">" && tag.isWholeLine && closedPartials.contains(tag.name)
            && tag.name.allSatisfy(Self.isNameCharacter)
    }

    /// The partial a section opened at `tags[index]` calls when the section is nothing but that call, each tag alone on
    /// its line and the lines next to each other (`{{#items}}`, `{{> card}}`, `{{/items}}`); else nil.
    private static func joinedCall(_ tags: [Tag], at index: Int, closedPartials: Set<String>) -> String? {
        guard index + 2 < tags.count else { return nil }
        let open = tags[index]
        let call = tags[index + 1]
        let close = tags[index + 2]
        guard open.sigil == "#", open.isWholeLine, !open.name.isEmpty, open.name.allSatisfy(Self.isNameCharacter),
            isEligibleCall(call, closedPartials: closedPartials), close.sigil == "/", close.name == open.name,
            close.isWholeLine,
            // Only the newline ending each line lies between the tags.
            call.range.lowerBound == open.range.upperBound + 1, close.range.lowerBound == call.range.upperBound + 1
        else { return nil }
        return call.name
    }

    /// The text that replaces a call of `partial`: its fragment through `lookup` when there is one, the call as before
    /// otherwise. Standalone tags only, one a line, so that Mustache drops every line as it dropped the call's.
    private static func callText(_ partial: String, lookup: String) -> String {
        let path = ".\(lookup).\(partial)"
        return "{{#\(path)}}\n{{> \(htmlName)}}\n{{/\(path)}}\n{{^\(path)}}\n{{> \(partial)}}\n{{/\(path)}}"
    }

    /// The text that replaces a section of `section` holding only a call of `partial`: every item's fragment joined
    /// when each has one, the section as before (its call rewritten) otherwise.
    private static func joinedText(section: String, partial: String) -> String {
        let path = ".\(joinName).\(section).\(partial)"
        return "{{#\(path)}}\n{{> \(htmlName)}}\n{{/\(path)}}\n{{^\(path)}}\n{{#\(section)}}\n"
            + callText(partial, lookup: lookupName) + "\n{{/\(section)}}\n{{/\(path)}}"
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "-" || character == "_")
    }

    /// A Mustache tag: its sigil (`#`, `^`, `/`, `>`, `<`, `$`, `=`, `!`, `&`, `%`, `{`, or a space for a variable), name
    /// and place (UTF-8 offsets); `isWholeLine` when the tag is all its line holds (its newline aside), `isIndented` when
    /// only spaces or tabs come before it on its line (they are its `indentation`), `isStandalone` when nothing but
    /// such indentation and its newline shares its line.
    struct Tag {
        let sigil: Character
        let name: String
        let range: Range<Int>
        let isWholeLine: Bool
        let isIndented: Bool
        var indentation: String = ""
        var isStandalone = false
    }

    private static let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"),
        brace = UInt8(ascii: "{"), closingBrace = UInt8(ascii: "}")
    private static let sigils = Set("#^/><$=!&%".utf8)

    /// The tags of a template (default delimiters), in order.
    static func tags(in text: String) -> [Tag] { tags(in: Array(text.utf8)) }

    static func tags(in b: [UInt8]) -> [Tag] {
        let n = b.count
        var tags: [Tag] = []
        var lineStart = 0
        var scanned = 0
        var i = 0
        while i + 1 < n {
            guard b[i] == brace, b[i + 1] == brace else {
                i += 1
                continue
            }
            let open = i
            let triple = open + 2 < n && b[open + 2] == brace
            let closing = triple ? 3 : 2
            var close = open + 2
            while close + closing <= n, !(0..<closing).allSatisfy({ b[close + $0] == closingBrace }) { close += 1 }
            guard close + closing <= n else { break }
            for k in scanned..<open where b[k] == newline { lineStart = k + 1 }
            scanned = open
            var start = open + (triple ? 3 : 2)
            while start < close, b[start] == space { start += 1 }
            var sigil: Character = triple ? "{" : " "
            if !triple, start < close, sigils.contains(b[start]) {
                sigil = Character(Unicode.Scalar(b[start]))
                start += 1
            }
            var end = close
            while start < end, b[start] == space || b[start] == tab { start += 1 }
            while end > start, b[end - 1] == space || b[end - 1] == tab { end -= 1 }
            let after = close + closing
            let isIndented = open > lineStart && b[lineStart..<open].allSatisfy { $0 == space || $0 == tab }
            let endsLine = after == n || b[after] == newline
            tags.append(
                Tag(
                    sigil: sigil, name: String(decoding: b[start..<end], as: UTF8.self), range: open..<after,
                    isWholeLine: open == lineStart && endsLine, isIndented: isIndented,
                    indentation: isIndented ? String(decoding: b[lineStart..<open], as: UTF8.self) : "",
                    isStandalone: (open == lineStart || isIndented) && endsLine))
            i = after
        }
        return tags
    }
}

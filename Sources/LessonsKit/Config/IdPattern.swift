import Foundation

/// An id pattern from `ids:` in site.yaml (`INC-{YYYY}-{NNN}`, `LLS-{YYYY}-{MM}`, `CUL-{service}-{YYYY}-{MM}`, `{slug}`),
/// and the next free id it gives.
struct IdPattern: Sendable, Hashable {
    enum Token: Sendable, Hashable {
        case literal(String)
        case year, month
        case counter(width: Int)
        case service, slug
    }

    /// Why no id could be made.
    enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        case unknownToken(String)
        case needsService(pattern: String)
        case taken(String)
        case invalid(String)

        var description: String {
            switch self {
            case .unknownToken(let token):
                "unknown placeholder '{\(token)}' in the id pattern; use {YYYY}, {MM}, {N…}, {service} or {slug}"
            case .needsService(let pattern): "the id pattern '\(pattern)' needs a service: add --service <slug>"
            case .taken(let id):
                "the id \(id) is already used; give another with --id, or a date in another month with --today"
            case .invalid(let id):
                "'\(id)' is not a valid id (letters, digits and '-', starting with a letter); give one with --id"
            }
        }
    }

    /// The patterns configuration.md gives, used for types that `ids:` leaves out.
    static let defaults: [DocumentType: String] = [
        .incident: "INC-{YYYY}-{NNN}", .lesson: "LL-{YYYY}-{NNN}", .session: "LLS-{YYYY}-{MM}", .bulletin: "LLB-{NNN}",
        .debrief: "DB-{YYYY}-{NNN}", .practice: "GP-{YYYY}-{NNN}", .external: "EXT-{YYYY}-{NNN}",
        .review: "TR-{YYYY}-{NNN}",
        .culture: "CUL-{service}-{YYYY}-{MM}", .page: "{slug}",
    ]

    let text: String
    let tokens: [Token]

    init(_ text: String) throws(Problem) {
        self.text = text
        var tokens: [Token] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { tokens.append(.literal(String(rest[..<open]))) }
            let name = String(rest[rest.index(after: open)..<close])
            switch name {
            case "YYYY": tokens.append(.year)
            case "MM": tokens.append(.month)
            case "service": tokens.append(.service)
            case "slug": tokens.append(.slug)
            case _ where !name.isEmpty && name.allSatisfy({ $0 == "N" }): tokens.append(.counter(width: name.count))
            default: throw .unknownToken(name)
            }
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { tokens.append(.literal(String(rest))) }
        self.tokens = tokens
    }

    /// The pattern for a type: the site's `ids:` entry, else the default.
    static func forType(_ type: DocumentType, config: SiteConfig) throws(Problem) -> IdPattern {
        try IdPattern(config.idPatterns[type.folder] ?? defaults[type] ?? "{slug}")
    }

    /// The next free id: one more than the highest counter already used with the same filled-in parts (ids compared ignoring
    /// case), or the filled-in pattern itself when it has no counter and is still free.
    func nextId(existing: [String], today: PartialDate, service: String?, title: String) throws(Problem)
        -> String
    {
        var regex = "^"
        var template: [Either] = []
        for token in tokens {
            let fixed: String
            switch token {
            case .literal(let text): fixed = text
            case .year: fixed = String(format: "%04d", today.year)
            case .month: fixed = String(format: "%02d", today.month)
            case .service:
                guard let service else { throw .needsService(pattern: text) }
                fixed = service.uppercased()
            case .slug: fixed = Slug.make(title)
            case .counter(let width):
                regex += "([0-9]+)"
                template.append(.counter(width))
                continue
            }
            regex += NSRegularExpression.escapedPattern(for: fixed)
            template.append(.text(fixed))
        }
        regex += "$"
        var next = 1
        if template.contains(where: \.isCounter),
            let expression = try? NSRegularExpression(pattern: regex, options: [.caseInsensitive])
        {
            for id in existing {
                let range = NSRange(id.startIndex..., in: id)
                guard let match = expression.firstMatch(in: id, range: range), match.numberOfRanges > 1,
                    let numberRange = Range(match.range(at: 1), in: id), let number = Int(id[numberRange])
                else { continue }
                next = max(next, number + 1)
            }
        }
        let id = template.map { part in
            switch part {
            case .text(let text): text
            case .counter(let width): String(repeating: "0", count: max(0, width - String(next).count)) + String(next)
            }
        }.joined()
        guard DocumentID.isValid(id) else { throw .invalid(id) }
        if !template.contains(where: \.isCounter),
            existing.contains(where: { $0.caseInsensitiveCompare(id) == .orderedSame })
        {
            throw .taken(id)
        }
        return id
    }

    private enum Either {
        case text(String)
        case counter(Int)
        var isCounter: Bool { if case .counter = self { true } else { false } }
    }
}

/// Lower-case, hyphenated, ASCII names for files and page ids, made from titles.
enum Slug {
    /// `Missed observation on Ward 3 — night` → `missed-observation-on-ward-3-night`, at most `limit` characters.
    static func make(_ text: String, limit: Int = 60) -> String {
        let folded = text.folding(
            options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_GB"))
        var slug = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        guard slug.count > limit else { return slug }
        let cut = slug.prefix(limit)
        return String(cut.lastIndex(of: "-").map { cut[..<$0] } ?? cut)
    }
}

import Foundation

/// The regular expressions behind the privacy checks: the built-in ones compiled once per process, the site's once per build.
///
/// Each is matched against one line at a time, and only on lines that a cheap byte scan marked as possible
/// (see `LineSignals`), because matching every line of a large site is slow with `NSRegularExpression`.
struct PrivacyPatterns: Sendable {
    /// Ten digits, plain or spaced 3-3-4 (spaces or hyphens, the same both times), not part of a longer number or word.
    static let nhsNumber = builtIn(#"(?<![\w.])\d{3}([ -]?)\d{3}\1\d{4}(?!\w|[.,]\d)"#)

    /// Month names and their usual abbreviations, in any case.
    private static let month =
        #"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"#
    private static let ordinal = #"(?i:st|nd|rd|th)?"#
    /// Day, month and year: `14 March 2026`, `14th of March, 2026`, `March 14, 2026`, `14/03/2026`, `14-03-26`, `2026-03-14`.
    /// Numbers that cannot be a day and month are dropped afterwards (`PrivacyScanner.isPlausibleDate`).
    private static let fullDateAlternatives = [
        #"\d{1,2}"# + ordinal + #"(?: of)?[ -]"# + month + #"\.?,?[ -]\d{4}"#,
        month + #"\.? \d{1,2}"# + ordinal + #",? \d{4}"#,
        #"\d{1,2}([/.-])\d{1,2}\1(?:\d{4}|\d{2})"#,
        #"\d{4}([/-])\d{1,2}\2\d{1,2}"#,
    ]
    private static let dateStart = #"(?<![\w/.-])"#
    private static let dateEnd = #"(?![\w/]|[.-]\d)"#
    static let fullDate = builtIn(dateStart + "(?:" + fullDateAlternatives.joined(separator: "|") + ")" + dateEnd)
    /// A full date, or a month and year (`March 1956`, `03/1956`): next to a date-of-birth cue either identifies.
    static let birthDate = builtIn(
        dateStart + "(?:" + fullDateAlternatives.joined(separator: "|") + "|" + month + #"\.?,? \d{4}|\d{1,2}/\d{4}"#
            + ")" + dateEnd)
    /// `DOB`, `D.O.B.`, `date of birth`, `born on`, in any case.
    static let birthCue = builtIn(#"(?i)\b(?:d\.?o\.?b\b\.?|date of birth|born on)"#)

    /// A UK postcode in capitals, with or without the space: `ST4 8HH`, `M60 2LA`, `SW1A 1AA`.
    static let postcode = builtIn(#"(?<![\w])[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}(?!\w)"#)

    /// An honorific, written with a capital, then a capitalised surname after optional initials: `Mr Smith`, `Mrs J. Jones`.
    static let honorificName = builtIn(
        #"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor)\.?[ \u00A0]+(?:\p{Lu}\.?[ \u00A0]*){0,3}\p{Lu}[\p{L}'’\-]*\p{Ll}"#)

    /// A UK phone number: `0161 496 0000`, `(01234) 567890`, `07700 900123`, `+44 (0)20 7946 0000`.
    /// Matches must also have 10 or 11 digits once written nationally (`PrivacyScanner.isPhoneNumber`).
    static let phoneNumber = builtIn(
        #"(?<![\w+/.-])(?:\+44[ -]?(?:\(0\)[ -]?)?|\(?0)\d{2,4}\)?(?:[ -]?\d{3,4}){1,2}(?![\w/]|[.-]\d)"#)

    /// A site-defined pattern with, when it has one, the literal text every match starts with.
    struct SitePattern: Sendable {
        let name: String
        let regex: NSRegularExpression
        /// Lines without this text (ASCII, compared as `literalIgnoresCase` says) cannot match.
        let literal: [UInt8]?
        let literalIgnoresCase: Bool
    }

    /// The site's `privacy.patterns`, compiled; patterns that do not compile were already reported by `SiteConfigLoader`.
    let site: [SitePattern]

    init(_ settings: PrivacySettings) {
        site = settings.patterns.compactMap { pattern in
            guard case .success(let regex) = PrivacyPattern.compile(pattern.regex) else { return nil }
            let literal = Self.literalPrefix(of: pattern.regex)
            return SitePattern(
                name: pattern.name, regex: regex, literal: literal?.bytes,
                literalIgnoresCase: literal?.ignoresCase ?? false)
        }
    }

    /// The literal ASCII text that every match of `pattern` must start with, if it is easy to see:
    /// an optional `(?i)` and `\b`, then at least two plain characters, and no `|` anywhere.
    static func literalPrefix(of pattern: String) -> (bytes: [UInt8], ignoresCase: Bool)? {
        var rest = Substring(pattern)
        guard !rest.contains("|") else { return nil }
        let ignoresCase = rest.hasPrefix("(?i)")
        if ignoresCase { rest = rest.dropFirst(4) }
        if rest.hasPrefix(#"\b"#) { rest = rest.dropFirst(2) }
        var literal: [UInt8] = []
        for character in rest {
            guard let ascii = character.asciiValue,
                character.isLetter || character.isNumber || " _-:#/".contains(character)
            else {
                // A quantifier applies to the character before it, so that one is optional.
                if "?*{".contains(character), !literal.isEmpty { literal.removeLast() }
                break
            }
            literal.append(ignoresCase ? ascii.lowercasedASCII : ascii)
        }
        return literal.count >= 2 ? (literal, ignoresCase) : nil
    }

    private static func builtIn(_ pattern: String) -> NSRegularExpression {
        do {
            return try NSRegularExpression(pattern: pattern)
        } catch {
            preconditionFailure("built-in privacy pattern does not compile: \(pattern): \(error)")
        }
    }
}

extension UInt8 {
    /// The byte with ASCII capitals turned into small letters.
    var lowercasedASCII: UInt8 { self >= 65 && self <= 90 ? self + 32 : self }
}

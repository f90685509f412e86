import Foundation

/// Finds identifying details in a text (a body or a front-matter value), line by line.
///
/// Matches never span lines. Each line is first given a quick byte scan (`LineSignals`) and only the checks that
/// could match it are run, so the cost on a large site is one pass over the text plus a few regular-expression
/// calls on the rare lines with many digits, an `@`, a postcode shape or an honorific.
struct PrivacyScanner: Sendable {
    let patterns: PrivacyPatterns
    /// Lower-cased domains whose e-mail addresses are not findings (their subdomains neither).
    let allowedEmailDomains: [String]

    init(settings: PrivacySettings) {
        patterns = PrivacyPatterns(settings)
        allowedEmailDomains = settings.allowedEmailDomains.map {
            $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "@. "))
        }
    }

    /// Every finding in `text`, except matches inside an occurrence of one of the `allow` texts.
    ///
    /// A full date is a finding only when `fullDates` is set (the free text of incidents and debriefs).
    func scan(_ text: String, fullDates: Bool, allow: [String]) -> [PrivacyFinding] {
        var findings: [PrivacyFinding] = []
        var storage = text
        storage.withUTF8 { bytes in
            let site = patterns.site.filter { pattern in
                pattern.literal.map { LineSignals.contains(bytes, $0, ignoringCase: pattern.literalIgnoresCase) }
                    ?? true
            }
            var lineIndex = 0
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                findings += scanLine(line, index: lineIndex, fullDates: fullDates, allow: allow, site: site)
                lineIndex += 1
                start = end + 1
            }
        }
        return findings
    }

    private static let birthCueWords: [[UInt8]] = ["dob", "d.o.b", "date of birth", "born on"].map { Array($0.utf8) }

    private func scanLine(
        _ bytes: UnsafeBufferPointer<UInt8>, index: Int, fullDates: Bool, allow: [String],
        site: [PrivacyPatterns.SitePattern]
    ) -> [PrivacyFinding] {
        let signals = LineSignals(bytes)
        let mayHoldDate = signals.digits >= 4
        let mayHoldBirthDate =
            mayHoldDate && Self.birthCueWords.contains { LineSignals.contains(bytes, $0, ignoringCase: true) }
        let siteHere = site.filter { pattern in
            pattern.literal.map { LineSignals.contains(bytes, $0, ignoringCase: pattern.literalIgnoresCase) } ?? true
        }
        guard
            signals.digits >= 10 || signals.hasAt || signals.hasCapitalThenDigit || signals.hasHonorific
                || (fullDates && mayHoldDate) || mayHoldBirthDate || !siteHere.isEmpty
        else { return [] }

        var line = String(decoding: bytes, as: UTF8.self)
        if line.hasSuffix("\r") { line.removeLast() }
        var matches = LineMatches(line: line)
        if signals.digits >= 10 {
            matches.add(PrivacyPatterns.nhsNumber) { text in
                switch NHSNumber.classify(text) {
                case .valid: .nhsNumber
                case .invalid: .nhsNumberInvalid
                case .testNumber, nil: nil
                }
            }
            matches.add(PrivacyPatterns.phoneNumber) { Self.isPhoneNumber($0) ? .phoneNumber : nil }
        }
        if mayHoldBirthDate { matches.addBirthDates() }
        if fullDates, mayHoldDate {
            matches.add(PrivacyPatterns.fullDate) { Self.isPlausibleDate($0) ? .fullDate : nil }
        }
        if signals.hasCapitalThenDigit { matches.add(PrivacyPatterns.postcode) { _ in .postcode } }
        if signals.hasHonorific {
            matches.add(PrivacyPatterns.honorificName) { Self.isName($0) ? .honorificName : nil }
        }
        if signals.hasAt { matches.addEmailAddresses(allowedDomains: allowedEmailDomains) }
        for pattern in siteHere { matches.add(pattern.regex) { _ in .sitePattern(name: pattern.name) } }
        return matches.findings(lineIndex: index, allow: allow)
    }

    // MARK: - Checks on a match

    /// A UK number has 10 or 11 digits when written nationally (`+44 (0)20…` as `020…`), starting `0` then not `0`.
    static func isPhoneNumber(_ text: String) -> Bool {
        var digits = text.unicodeScalars.filter { $0.properties.numericType == .decimal }.map(Character.init)
        if text.hasPrefix("+44") {
            digits.removeFirst(2)
            if text.contains("(0)") { digits.removeFirst() }
            digits.insert("0", at: 0)
        }
        return (10...11).contains(digits.count) && digits.first == "0" && digits.dropFirst().first != "0"
    }

    /// Drops "dates" that cannot be one: a month over 12, a day over 31, or a dotted date with a two-digit year (a version number).
    static func isPlausibleDate(_ text: String) -> Bool {
        let groups = text.split { !($0.isASCII && $0.isNumber) }
        let values = groups.map { Int($0) ?? 0 }
        if text.contains(where: \.isLetter) {
            // A month name: the group of one or two digits, if any, is the day.
            guard let day = groups.firstIndex(where: { $0.count <= 2 }) else { return true }
            return (1...31).contains(values[day])
        }
        switch groups.count {
        case 2:
            return (1...12).contains(values[0])
        case 3:
            if groups[0].count == 4 { return (1...12).contains(values[1]) && (1...31).contains(values[2]) }
            if text.contains("."), groups[2].count == 2 { return false }
            let (first, second) = (values[0], values[1])
            return ((1...31).contains(first) && (1...12).contains(second))
                || ((1...12).contains(first) && (1...31).contains(second))
        default:
            return false
        }
    }

    /// Capitalised words that follow a honorific at a sentence end ("…called the Dr. The nurse…") rather than a surname.
    private static let notSurnames: Set<String> = [
        "The", "This", "That", "These", "Those", "There", "Then", "They", "We", "You", "He", "She", "It", "Its", "And",
        "But",
        "Or", "If", "In", "On", "At", "To", "Of", "For", "With", "As", "Is", "Was", "Who", "When", "Where", "Which",
        "What",
        "Why", "How", "All", "Any", "An", "No", "Not", "Our", "Their", "His", "Her", "After", "Before", "During",
    ]

    static func isName(_ text: String) -> Bool {
        guard let surname = text.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" }).last else { return false }
        return !notSurnames.contains(String(surname))
    }
}

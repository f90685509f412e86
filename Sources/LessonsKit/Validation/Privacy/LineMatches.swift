import Foundation

/// The candidate matches of the privacy checks in one line, before overlaps and `privacy.allow` are resolved.
struct LineMatches {
    let line: String
    private var candidates: [(check: PrivacyCheck, range: Range<String.Index>)] = []

    init(line: String) {
        self.line = line
    }

    /// Adds every match of `regex` that `classify` turns into a check.
    mutating func add(_ regex: NSRegularExpression, _ classify: (String) -> PrivacyCheck?) {
        for range in ranges(of: regex) {
            if let check = classify(String(line.unicodeScalars[range])) { candidates.append((check, range)) }
        }
    }

    /// Adds a date of birth for each cue (`DOB`, `date of birth`, `born on`) with a date just after it, or just before it as in `14/03/1956 (DOB)`.
    mutating func addBirthDates() {
        let dates = ranges(of: PrivacyPatterns.birthDate).filter {
            PrivacyScanner.isPlausibleDate(String(line.unicodeScalars[$0]))
        }
        guard !dates.isEmpty else { return }
        for cue in ranges(of: PrivacyPatterns.birthCue) {
            // Only the nearest date on each side can be "next to" the cue.
            let after = dates.partitionIndex { $0.lowerBound >= cue.upperBound }
            if after < dates.count, Self.isShortLeadIn(line[cue.upperBound..<dates[after].lowerBound]) {
                candidates.append((.dateOfBirth, cue.lowerBound..<dates[after].upperBound))
            } else if after > 0, dates[after - 1].upperBound <= cue.lowerBound,
                line[dates[after - 1].upperBound..<cue.lowerBound].allSatisfy({ " (,[-–:".contains($0) })
            {
                candidates.append((.dateOfBirth, dates[after - 1].lowerBound..<cue.upperBound))
            }
        }
    }

    /// Text between a cue and its date: punctuation and at most two short words ("DOB: 14/03/1956", "date of birth was given as …").
    private static func isShortLeadIn(_ gap: Substring) -> Bool {
        guard gap.count <= 24, !gap.contains(". "), !gap.contains(";") else { return false }
        let words = gap.split { !$0.isLetter }
        return words.count <= 3
    }

    /// Adds e-mail addresses outside the allowed domains, read outwards from each `@` (bounded, so a long line stays linear).
    mutating func addEmailAddresses(allowedDomains: [String]) {
        let scalars = line.unicodeScalars
        var searchFrom = scalars.startIndex
        while let at = scalars[searchFrom...].firstIndex(of: "@") {
            searchFrom = scalars.index(after: at)
            var start = at
            var count = 0
            while start > scalars.startIndex, count < 64 {
                let previous = scalars.index(before: start)
                guard Self.isLocalPart(scalars[previous]) else { break }
                start = previous
                count += 1
            }
            var end = searchFrom
            count = 0
            while end < scalars.endIndex, count < 255, Self.isDomainPart(scalars[end]) {
                end = scalars.index(after: end)
                count += 1
            }
            while end > searchFrom, ".-".unicodeScalars.contains(scalars[scalars.index(before: end)]) {
                end = scalars.index(before: end)
            }
            while start < at, scalars[start] == "." { start = scalars.index(after: start) }
            let domain = String(scalars[searchFrom..<end]).lowercased()
            let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
            guard start < at, labels.count >= 2, !labels.contains(where: \.isEmpty),
                let top = labels.last, top.count >= 2, top.allSatisfy(\.isLetter)
            else { continue }
            let allowed = allowedDomains.contains { domain == $0 || domain.hasSuffix("." + $0) }
            if !allowed { candidates.append((.emailAddress, start..<end)) }
        }
    }

    private static func isLocalPart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII
            && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || "._%+-'".unicodeScalars.contains(scalar))
    }

    private static func isDomainPart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII
            && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "." || scalar == "-")
    }

    /// The findings that remain once overlapping matches keep only the most severe (then the first) and
    /// matches inside an occurrence of an allowed text are dropped.
    func findings(lineIndex: Int, allow: [String]) -> [PrivacyFinding] {
        guard !candidates.isEmpty else { return [] }
        let ordered = candidates.sorted {
            if $0.check.severity != $1.check.severity { return $0.check.severity > $1.check.severity }
            return $0.range.lowerBound < $1.range.lowerBound
        }
        // Kept matches, sorted and never overlapping. Each severity (most severe first) is merged into them in one
        // pass, comparing each newcomer with its neighbours only, so a line of 100,000 matches stays linear.
        var kept: [(check: PrivacyCheck, range: Range<String.Index>)] = []
        var groupStart = 0
        while groupStart < ordered.count {
            let severity = ordered[groupStart].check.severity
            var groupEnd = groupStart
            while groupEnd < ordered.count, ordered[groupEnd].check.severity == severity { groupEnd += 1 }
            var merged: [(check: PrivacyCheck, range: Range<String.Index>)] = []
            merged.reserveCapacity(kept.count + groupEnd - groupStart)
            var next = 0
            for candidate in ordered[groupStart..<groupEnd] {
                while next < kept.count, kept[next].range.lowerBound < candidate.range.lowerBound {
                    merged.append(kept[next])
                    next += 1
                }
                if let previous = merged.last, previous.range.overlaps(candidate.range) { continue }
                if next < kept.count, kept[next].range.overlaps(candidate.range) { continue }
                merged.append(candidate)
            }
            merged += kept[next...]
            kept = merged
            groupStart = groupEnd
        }
        // Allowed ranges by start; a match is exempt when one that starts at or before it ends at or after it.
        let allowed = allowedRanges(allow).sorted { $0.lowerBound < $1.lowerBound }
        var nextAllowed = 0
        var furthestAllowedEnd: String.Index?
        let scalars = line.unicodeScalars
        var position = line.startIndex
        var column = 0
        var findings: [PrivacyFinding] = []
        for candidate in kept {
            while nextAllowed < allowed.count, allowed[nextAllowed].lowerBound <= candidate.range.lowerBound {
                furthestAllowedEnd = max(
                    furthestAllowedEnd ?? allowed[nextAllowed].upperBound, allowed[nextAllowed].upperBound)
                nextAllowed += 1
            }
            if let end = furthestAllowedEnd, candidate.range.upperBound <= end { continue }
            column += scalars.distance(from: position, to: candidate.range.lowerBound)
            position = candidate.range.lowerBound
            findings.append(
                PrivacyFinding(
                    check: candidate.check, text: String(scalars[candidate.range]), line: lineIndex, column: column))
        }
        return findings
    }

    /// Every occurrence in the line of each allowed text.
    private func allowedRanges(_ allow: [String]) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        for text in allow where !text.isEmpty {
            var searchFrom = line.startIndex
            while searchFrom < line.endIndex, let found = line.range(of: text, range: searchFrom..<line.endIndex) {
                ranges.append(found)
                searchFrom = line.index(after: found.lowerBound)
            }
        }
        return ranges
    }

    private func ranges(of regex: NSRegularExpression) -> [Range<String.Index>] {
        regex.matches(in: line, range: NSRange(line.startIndex..., in: line)).compactMap { match in
            match.range.length > 0 ? Range(match.range, in: line) : nil
        }
    }
}

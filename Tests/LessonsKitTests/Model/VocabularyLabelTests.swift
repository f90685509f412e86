import Testing

@testable import LessonsKit

/// A slug's label: its words (split on dashes, empty ones dropped) joined by spaces, the first letter upper case;
/// known acronyms and phrases from the vocabulary's own table.
@Suite struct VocabularyLabelTests {
    /// The rule as content-model.md states it, word by word.
    static func expected(_ value: String) -> String {
        let words = value.split(separator: "-").map(String.init)
        guard let first = words.first else { return value }
        return ([first.prefix(1).uppercased() + first.dropFirst()] + words.dropFirst()).joined(separator: " ")
    }

    @Test func slugsAreLabelledWordByWord() {
        #expect(Vocabulary.label("physical-health") == "Physical health")
        #expect(Vocabulary.label("staff-incident") == "Staff incident")
        #expect(Vocabulary.label("hot") == "Hot")
        #expect(Vocabulary.label("3-day-review") == "3 day review")
        #expect(Vocabulary.label("after-action-review") == "After action review")
        #expect(Vocabulary.label("cqc") == "CQC")
    }

    @Test func strayDashesAndOddValuesFollowTheSameRule() {
        for value in [
            "", "-", "---", "a--b", "-lead", "trail-", "--x--y--", "Already-Capital", "é-clair", "ward-ö", "a-🙂-b",
            "x", "ß-team", "a_b-c", "UPPER-case", "1-2-3",
        ] {
            #expect(Vocabulary.label(value) == Self.expected(value), "\(value)")
        }
    }

    @Test func generatedSlugsMatchTheRule() {
        var generator = SplitMix64(seed: 11)
        let alphabet = Array("ab-Z9-é-")
        for _ in 0..<2000 {
            let value = generator.text(from: alphabet, maxLength: 9)
            #expect(Vocabulary.label(value) == Self.expected(value), "\(value)")
        }
    }
}

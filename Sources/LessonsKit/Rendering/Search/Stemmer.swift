/// A small English suffix stripper: `learn`, `learns`, `learned`, `learning` → `learn`; `falls` → `fall`.
///
/// Deliberately light (plurals, `-ed`, `-ing`, final `-e` and `-y`), so words stay recognisable and
/// unrelated words rarely collide. `assets/search.js` has the same rules in `stem()`; a test runs both on
/// the same words.
enum Stemmer {
    /// The stem of one folded word (lower case, no accents); words with digits or of three letters or fewer are kept.
    static func stem(_ word: String) -> String {
        guard word.utf8.count > 3, word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        var w = Array(word.utf8)
        // Plurals.
        if w.hasSuffix("sses") {
            w.removeLast(2)
        } else if w.hasSuffix("ies"), w.count > 4 {
            w.removeLast(2)
        } else if w.hasSuffix("s"), !w.hasSuffix("ss"), !w.hasSuffix("us"), !w.hasSuffix("is") {
            w.removeLast()
        }
        // -ing and -ed, when a vowel stays in a stem of at least three letters.
        for suffix: StaticString in ["ing", "ed"] where w.hasSuffix(suffix) {
            let stem = Array(w.dropLast(suffix.utf8CodeUnitCount))
            guard stem.count >= 3, stem.contains(where: isVowel) else { break }
            w = stem
            if let last = w.last, w.count >= 4, w[w.count - 2] == last, !isVowel(last), !"lsz".utf8.contains(last) {
                w.removeLast()  // stopped → stop
            } else if w.count == 3, !isVowel(w[0]), isVowel(w[1]), !isVowel(w[2]), !"wxy".utf8.contains(w[2]) {
                w.append(UInt8(ascii: "e"))  // rated → rate, like the word itself
            }
            break
        }
        // Final -y after a consonant and final -e of longer words.
        if let last = w.last, last == UInt8(ascii: "y"), w.count > 3, !isVowel(w[w.count - 2]) {
            w[w.count - 1] = UInt8(ascii: "i")
        } else if w.last == UInt8(ascii: "e"), w.count > 4 {
            w.removeLast()
        }
        return w.elementsEqual(word.utf8) ? word : String(decoding: w, as: UTF8.self)
    }

    static func isVowel(_ byte: UInt8) -> Bool { "aeiou".utf8.contains(byte) }
}

extension Array where Element == UInt8 {
    /// Whether the bytes end with `suffix` (compared in place: this runs for every word of every document indexed).
    fileprivate func hasSuffix(_ suffix: StaticString) -> Bool {
        let length = suffix.utf8CodeUnitCount
        guard count >= length else { return false }
        return suffix.withUTF8Buffer { self[(count - length)...].elementsEqual($0) }
    }
}

/// The NHS number check: ten digits whose last is a Modulus 11 check digit over the first nine.
enum NHSNumber {
    /// What a ten-digit number in NHS-number layout turns out to be.
    enum Kind: Sendable, Hashable {
        /// The check digit is right: very probably a real NHS number.
        case valid
        /// The check digit is wrong (or the number can have none): perhaps a mistyped NHS number.
        case invalid
        /// In the range 999 000 0000–999 999 9999, which is never issued and is safe for test data.
        case testNumber
    }

    /// Classifies the digits of `text` (spaces and hyphens ignored); nil unless it holds exactly ten digits.
    static func classify(_ text: some StringProtocol) -> Kind? {
        var digits: [Int] = []
        digits.reserveCapacity(10)
        for scalar in text.unicodeScalars {
            guard let value = digitValue(scalar) else {
                if scalar == " " || scalar == "-" { continue }
                return nil
            }
            digits.append(value)
        }
        guard digits.count == 10 else { return nil }
        if digits[0] == 9, digits[1] == 9, digits[2] == 9 { return .testNumber }
        return hasValidCheckDigit(digits) ? .valid : .invalid
    }

    /// Modulus 11: weight the first nine digits 10, 9, …, 2 and sum; the check digit is 11 − (sum mod 11),
    /// where 11 means 0 and 10 means no number is valid.
    static func hasValidCheckDigit(_ digits: [Int]) -> Bool {
        guard digits.count == 10 else { return false }
        var sum = 0
        for (index, digit) in digits.prefix(9).enumerated() { sum += digit * (10 - index) }
        var check = 11 - sum % 11
        if check == 11 { check = 0 }
        return check != 10 && check == digits[9]
    }

    private static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
        guard scalar.value >= 48, scalar.value <= 57 else { return nil }
        return Int(scalar.value - 48)
    }
}

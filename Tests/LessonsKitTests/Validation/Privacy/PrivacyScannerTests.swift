import Testing

@testable import LessonsKit

/// The scanner on single texts: each rule's true positives and its false positives, with 1-based columns.
@Suite struct PrivacyScannerTests {
    static let settings: PrivacySettings = {
        var settings = PrivacySettings()
        settings.allowedEmailDomains = ["nhs.net"]
        settings.patterns = [PrivacyPattern(name: "RiO number", regex: #"\bRIO\d{7}\b"#)]
        return settings
    }()
    let scanner = PrivacyScanner(settings: PrivacyScannerTests.settings)

    /// Findings as (code, text, line, column) with 1-based columns, for compact expectations.
    func scan(_ text: String, fullDates: Bool = true, allow: [String] = []) -> [Found] {
        scanner.scan(text, fullDates: fullDates, allow: allow).map {
            Found($0.check.code, $0.text, $0.line + 1, $0.column + 1)
        }
    }

    struct Found: Equatable, CustomStringConvertible {
        let code: DiagnosticCode, text: String, line: Int, column: Int
        init(_ code: DiagnosticCode, _ text: String, _ line: Int, _ column: Int) {
            self.code = code
            self.text = text
            self.line = line
            self.column = column
        }
        var description: String { "\(code) '\(text)' \(line):\(column)" }
    }

    // MARK: NHS numbers

    @Test func modulus11AcceptsTheSpecExampleAndRejectsAWrongCheckDigit() {
        #expect(NHSNumber.classify("943 476 5919") == .valid)
        #expect(NHSNumber.classify("9434765919") == .valid)
        #expect(NHSNumber.classify("943 476 5918") == .invalid)
        // The weighted sum of 123456789 leaves a check digit of 10: no number with that stem is valid.
        #expect((0...9).allSatisfy { NHSNumber.classify("123456789\($0)") == .invalid })
        #expect(NHSNumber.classify("999 000 0000") == .testNumber)
        #expect(NHSNumber.classify("999 999 9999") == .testNumber)
        #expect(NHSNumber.classify("943 476 591") == nil)
    }

    @Test func validNHSNumberIsAnErrorPlainOrSpaced() {
        #expect(scan("NHS number 943 476 5919 was read out") == [Found(.nhsNumber, "943 476 5919", 1, 12)])
        #expect(scan("ref 9434765919.") == [Found(.nhsNumber, "9434765919", 1, 5)])
        #expect(PrivacyCheck.nhsNumber.severity == .error)
    }

    @Test func nhsNumberWithInvalidCheckDigitIsAWarning() {
        #expect(scan("NHS number 943 476 5918") == [Found(.nhsNumberInvalid, "943 476 5918", 1, 12)])
        #expect(PrivacyCheck.nhsNumberInvalid.severity == .warning)
    }

    @Test func testRangeNumbersAndLongerNumbersAreNotNHSNumbers() {
        #expect(scan("test patient 999 000 0000 and 9991234567") == [])
        #expect(scan("order 94347659190 and 19434765919") == [])
        #expect(scan("pi is 3.9434765919") == [])
    }

    // MARK: Dates of birth and full dates

    @Test func dateOfBirthCueNextToADateIsAnError() {
        #expect(scan("DOB: 14/03/1956, admitted", fullDates: false) == [Found(.dateOfBirth, "DOB: 14/03/1956", 1, 1)])
        #expect(
            scan("her date of birth was 3 May 1950.", fullDates: false) == [
                Found(.dateOfBirth, "date of birth was 3 May 1950", 1, 5)
            ])
        #expect(
            scan("He was born on 1st June 1961", fullDates: false) == [
                Found(.dateOfBirth, "born on 1st June 1961", 1, 8)
            ])
        #expect(scan("seen 14/03/1956 (DOB) today", fullDates: false) == [Found(.dateOfBirth, "14/03/1956 (DOB", 1, 6)])
        #expect(scan("d.o.b. March 1956", fullDates: false) == [Found(.dateOfBirth, "d.o.b. March 1956", 1, 1)])
    }

    @Test func dateOfBirthCueWithoutADateIsNotFlagged() {
        #expect(scan("The DOB was checked against the wristband in 2026.") == [])
        #expect(scan("The baby was born on the ward. Discharged 2026.") == [])
        #expect(scan("check the date of birth. It was 14 March 2026", fullDates: false) == [])
    }

    @Test func fullDatesInEveryCommonFormAreWarnings() {
        let text =
            "On 14 March 2026, 14/03/2026, 14-03-2026, 2026-03-14 and 14th March 2026.\nAlso March 14, 2026 and 14th of March, 2026 and 3/4/26."
        #expect(
            scan(text) == [
                Found(.fullDate, "14 March 2026", 1, 4), Found(.fullDate, "14/03/2026", 1, 19),
                Found(.fullDate, "14-03-2026", 1, 31),
                Found(.fullDate, "2026-03-14", 1, 43), Found(.fullDate, "14th March 2026", 1, 58),
                Found(.fullDate, "March 14, 2026", 2, 6), Found(.fullDate, "14th of March, 2026", 2, 25),
                Found(.fullDate, "3/4/26", 2, 49),
            ])
    }

    @Test func monthsVersionsAndImpossibleDatesAreNotFullDates() {
        #expect(
            scan(
                "In March 2026 (Q1 2026, 2025-26) we ran 24/7 cover; version 1.2.10; ref 2026-13-45; 45/13/2026; INC-2026-004."
            ) == [])
    }

    @Test func fullDatesAreOnlyFindingsWhereAsked() {
        #expect(scan("held on 14 March 2026", fullDates: false) == [])
    }

    // MARK: Postcodes

    @Test func ukPostcodesAreWarnings() {
        #expect(
            scan("lives at ST4 8HH, near SW1A 1AA and M60 2LA") == [
                Found(.postcode, "ST4 8HH", 1, 10), Found(.postcode, "SW1A 1AA", 1, 24),
                Found(.postcode, "M60 2LA", 1, 37),
            ])
    }

    @Test func scoresAndWardNumbersAreNotPostcodes() {
        #expect(scan("NEWS2 score 5 on Ward 3; Q1 2026; COVID-19; B12 level; A1 action; LL-2026-001") == [])
    }

    // MARK: Names

    @Test func honorificFollowedByANameIsAWarning() {
        #expect(
            scan("Mr Smith told Mrs J. Jones and Dr Patel; Prof. O'Brien agreed") == [
                Found(.honorificName, "Mr Smith", 1, 1), Found(.honorificName, "Mrs J. Jones", 1, 15),
                Found(.honorificName, "Dr Patel", 1, 32), Found(.honorificName, "Prof. O'Brien", 1, 42),
            ])
    }

    @Test func honorificWithANoBreakSpaceIsStillAName() {
        #expect(scan("seen by Dr\u{A0}Patel") == [Found(.honorificName, "Dr\u{A0}Patel", 1, 9)])
    }

    @Test func nearMissAndRolesAreNotNames() {
        #expect(
            scan(
                "A near miss: the Ward 3 team and the Miss-handled dose; mr smith; MR SMITH; Mr X; asked for a Dr. The nurse came."
            ) == [])
    }

    // MARK: Phone numbers and e-mail addresses

    @Test func ukPhoneNumbersAreWarnings() {
        #expect(
            scan("Call 0161 496 0000, (01234) 567890, 07700 900123 or +44 (0)20 7946 0000.") == [
                Found(.phoneNumber, "0161 496 0000", 1, 6), Found(.phoneNumber, "(01234) 567890", 1, 21),
                Found(.phoneNumber, "07700 900123", 1, 37), Found(.phoneNumber, "+44 (0)20 7946 0000", 1, 53),
            ])
    }

    @Test func extensionsShortNumbersAndTimesAreNotPhoneNumbers() {
        #expect(scan("Call extension 4000, NHS 111 or 999; open 0900-1700; dose 0.5 mg", fullDates: false) == [])
    }

    @Test func emailAddressesOutsideAllowedDomainsAreWarnings() {
        #expect(
            scan("Write to jo.bloggs@gmail.com, ward6@nhs.net or team@mail.nhs.net.") == [
                Found(.emailAddress, "jo.bloggs@gmail.com", 1, 10)
            ])
        #expect(scan("tag @ward6 and user@localhost") == [])
    }

    // MARK: Site patterns and privacy.allow

    @Test func sitePatternsAreErrorsAndCaseSensitiveUnlessAskedOtherwise() {
        #expect(scan("RiO ref RIO1234567 and rio1234567") == [Found(.privacyPattern, "RIO1234567", 1, 9)])
        var settings = Self.settings
        settings.patterns = [PrivacyPattern(name: "MRN", regex: #"(?i)mrn\d{6}"#)]
        let found = PrivacyScanner(settings: settings).scan("see Mrn123456", fullDates: false, allow: [])
        #expect(found.map(\.text) == ["Mrn123456"])
        #expect(found.first?.check.severity == .error)
    }

    @Test func sitePatternPrefilterFindsTheLiteralStartOfSimplePatterns() {
        #expect(PrivacyPatterns.literalPrefix(of: #"\bRIO\d{7}\b"#)?.bytes == Array("RIO".utf8))
        #expect(PrivacyPatterns.literalPrefix(of: #"(?i)MRN\d+"#)?.bytes == Array("mrn".utf8))
        #expect(PrivacyPatterns.literalPrefix(of: #"AB?C"#) == nil)
        #expect(PrivacyPatterns.literalPrefix(of: #"RIO\d|MRN\d"#) == nil)
    }

    @Test func allowedTextIsExemptWherePresent() {
        let text = "Switchboard 0300 123 4567; hospital ST4 6QG; home ST4 8HH"
        #expect(scan(text, allow: ["0300 123 4567", "Royal Stoke, ST4 6QG"]).map(\.text) == ["ST4 6QG", "ST4 8HH"])
        #expect(scan(text, allow: ["0300 123 4567", "ST4 6QG"]) == [Found(.postcode, "ST4 8HH", 1, 51)])
    }

    @Test func columnsCountUnicodeScalarsAndLinesCountFromOne() {
        #expect(scan("Café – résumé\r\nseen by Dr Patel") == [Found(.honorificName, "Dr Patel", 2, 9)])
        #expect(scan("naïve Mr Smith") == [Found(.honorificName, "Mr Smith", 1, 7)])
    }

    @Test func hugeLinesStayLinear() {
        let long =
            String(repeating: "abcdefghij", count: 50_000) + " a@b.com "
            + String(repeating: "0123456789 ", count: 20_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = scanner.scan(long, fullDates: true, allow: []) }
        #expect(elapsed < .seconds(10))
    }
}

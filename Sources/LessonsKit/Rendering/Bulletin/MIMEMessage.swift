import Foundation

/// A ready-to-send draft e-mail (RFC 5322, MIME RFC 2045/2046): `multipart/alternative` with a plain-text and an HTML
/// part, both UTF-8 quoted-printable, and `X-Unsent: 1` so that Outlook opens it as a draft.
///
/// It has no `From:` or `To:`: the mail client fills in the sender, and the editor picks the all-staff list. The
/// boundary is derived from the content, so the same bulletin always gives the same bytes.
struct MIMEMessage: Sendable {
    let subject: String
    let date: PartialDate
    let timezone: String
    let plainText: String
    let html: String

    /// The message with CRLF line endings.
    var rendered: String {
        let textBody = QuotedPrintable.encode(plainText)
        let htmlBody = QuotedPrintable.encode(html)
        // "=_" can never occur in quoted-printable text, so this boundary cannot clash with a body.
        let boundary = "=_lessons_" + ContentHash.hex(Array((plainText + "\u{0}" + html).utf8))
        let lines = [
            "MIME-Version: 1.0",
            "Date: \(Self.rfc5322Date(date, timezone: timezone))",
            EncodedWord.header("Subject", subject),
            "X-Unsent: 1",
            "Content-Type: multipart/alternative;",
            " boundary=\"\(boundary)\"",
            "",
            "This is a MIME message: open it in a mail client.",
            "",
            "--\(boundary)",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            textBody,
            "--\(boundary)",
            "Content-Type: text/html; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            htmlBody,
            "--\(boundary)--",
            "",
        ]
        return lines.joined(separator: "\r\n")
    }

    /// `Thu, 10 Sep 2026 00:00:00 +0100`: the start of the build date in the site's time zone.
    static func rfc5322Date(_ date: PartialDate, timezone: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        let zone =
            TimeZone(identifier: timezone) ?? TimeZone(identifier: "Europe/London") ?? TimeZone(secondsFromGMT: 0)
            ?? .current
        calendar.timeZone = zone
        let components = DateComponents(year: date.year, month: date.month, day: date.day ?? 1)
        let instant = calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
        let weekday = calendar.component(.weekday, from: instant)
        let offset = zone.secondsFromGMT(for: instant) / 60
        let sign = offset < 0 ? "-" : "+"
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return String(
            format: "%@, %02d %@ %04d 00:00:00 %@%02d%02d", days[(weekday + 6) % 7], date.day ?? 1,
            months[date.month - 1],
            date.year, sign, abs(offset) / 60, abs(offset) % 60)
    }
}

/// Quoted-printable (RFC 2045 §6.7) for UTF-8 text: CRLF line breaks, soft breaks keep every line within 76 characters.
///
/// Works on the UTF-8 bytes in one pass (a bulletin's e-mail is tens of kilobytes, encoded twice per build).
enum QuotedPrintable {
    static func encode(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var lineStart = 0
        var index = 0
        while index <= bytes.count {
            guard index == bytes.count || bytes[index] == 0x0A else {
                index += 1
                continue
            }
            // CRLF and LF both end a line: the CR of a CRLF is not part of the line.
            var lineEnd = index
            if index < bytes.count, lineEnd > lineStart, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            if lineStart > 0 { out += [0x0D, 0x0A] }
            encodeLine(bytes[lineStart..<lineEnd], into: &out)
            index += 1
            lineStart = index
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)
    private static let fromSpace = Array("From ".utf8)

    /// One line (without its break), soft-broken so that no output line is longer than 76 characters.
    private static func encodeLine(_ line: ArraySlice<UInt8>, into out: inout [UInt8]) {
        var column = 0
        let last = line.endIndex - 1
        for index in line.indices {
            let byte = line[index]
            let safe = (byte >= 33 && byte <= 126 && byte != 61) || ((byte == 32 || byte == 9) && index != last)
            // A line starting with "." or "From " is escaped so no transport can mangle it.
            let leadingRisk =
                index == line.startIndex && (byte == 46 || (byte == 70 && line.starts(with: fromSpace)))
            let width = safe && !leadingRisk ? 1 : 3
            if column + width > 75 {
                out += [0x3D, 0x0D, 0x0A]  // "=" CRLF: a soft line break
                column = 0
            }
            if width == 1 {
                out.append(byte)
            } else {
                out += [0x3D, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
            }
            column += width
        }
    }
}

/// RFC 2047 encoded words for header values that are not plain ASCII.
enum EncodedWord {
    /// `Name: value`, folded; non-ASCII values as `=?utf-8?B?…?=` words of at most 75 characters each.
    static func header(_ name: String, _ value: String) -> String {
        guard !value.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 32 }) else {
            return "\(name): \(value)"
        }
        // Split on character boundaries so that no encoded word cuts a UTF-8 sequence in two.
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in value {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 39 {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(word(chunk)) }
        return "\(name): " + words.joined(separator: "\r\n ")
    }

    private static func word(_ bytes: [UInt8]) -> String {
        "=?utf-8?B?" + Data(bytes).base64EncodedString() + "?="
    }
}

/// Classifies link destinations and spots dangerous URL schemes.
enum LinkSafety {
    /// Schemes that can run code or smuggle content and are removed in every mode.
    static func isBlocked(scheme: String) -> Bool {
        switch scheme {
        case "javascript", "vbscript", "data", "file": true
        default: false
        }
    }

    /// The scheme of `url` if it is one of the blocked ones, after undoing obfuscation.
    static func blockedScheme(in url: String) -> String? {
        guard let scheme = scheme(of: url), isBlocked(scheme: scheme) else { return nil }
        return scheme
    }

    /// The lower-cased scheme of `url`, if it has one.
    ///
    /// Browsers ignore control characters and whitespace around and inside a scheme, so those are
    /// dropped first; percent-encoding and character references (which cmark has usually decoded
    /// already) are undone too, a few rounds deep, so `java&#x09;script:` and `%6Aavascript:` count.
    static func scheme(of url: String) -> String? {
        var text = url
        for _ in 0..<4 {
            let cleaned = removingInvisibles(decodingCharacterReferences(percentDecoded(text)))
            if cleaned == text { break }
            text = cleaned
        }
        var scheme = ""
        for scalar in text.unicodeScalars {
            if scalar == ":" {
                return scheme.isEmpty ? nil : scheme.lowercased()
            }
            let isLetter = (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
            let isDigit = scalar >= "0" && scalar <= "9"
            guard isLetter || (!scheme.isEmpty && (isDigit || scalar == "+" || scalar == "-" || scalar == ".")) else {
                return nil
            }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }

    /// What a link or image destination points at.
    enum Destination: Equatable {
        /// No destination at all.
        case empty
        /// A URL with a scheme (`https:`, `mailto:` …).
        case external
        /// A site-absolute path, fragment or query (`/`, `#`, `?`).
        case local
        /// A document id (links only).
        case reference(String)
        /// A path relative to the document, percent-decoded, and the `?query#fragment` after it.
        case relativePath(path: String, suffix: String)
    }

    /// Classifies a destination; images never count as document references.
    static func classify(_ url: String, isImage: Bool) -> Destination {
        let trimmed = trimmingInvisibles(url)
        guard let first = trimmed.unicodeScalars.first else { return .empty }
        if scheme(of: trimmed) != nil { return .external }
        if first == "/" || first == "#" || first == "?" { return .local }
        if !isImage, WikiLinkScanner.isIdentifier(trimmed) { return .reference(trimmed) }
        let scalars = Array(trimmed.unicodeScalars)
        let split = scalars.firstIndex { $0 == "?" || $0 == "#" } ?? scalars.count
        var path = ""
        path.unicodeScalars.append(contentsOf: scalars[..<split])
        var suffix = ""
        suffix.unicodeScalars.append(contentsOf: scalars[split...])
        return .relativePath(path: percentDecoded(path), suffix: suffix)
    }

    // MARK: - Helpers

    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x21 || scalar.value == 0x7F || scalar.properties.isWhitespace
            || scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
    }

    private static func removingInvisibles(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.append(contentsOf: text.unicodeScalars.filter { !isInvisible($0) })
        return result
    }

    /// Drops leading and trailing whitespace and control characters.
    static func trimmingInvisibles(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard let start = scalars.firstIndex(where: { !isInvisible($0) }),
            let end = scalars.lastIndex(where: { !isInvisible($0) })
        else { return "" }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars[start...end])
        return result
    }

    /// Decodes `%XX` sequences; invalid sequences stay as they are, invalid UTF-8 becomes U+FFFD.
    static func percentDecoded(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "%")) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Decodes numeric character references and the named ones that hide schemes
    /// (`&colon;`, `&Tab;`, `&NewLine;`), with or without the closing `;`.
    static func decodingCharacterReferences(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = ""
        var index = 0
        while index < scalars.count {
            if scalars[index] == "&", let (decoded, length) = characterReference(scalars, at: index) {
                result.unicodeScalars.append(decoded)
                index += length
            } else {
                result.unicodeScalars.append(scalars[index])
                index += 1
            }
        }
        return result
    }

    private static func characterReference(_ scalars: [Unicode.Scalar], at start: Int) -> (Unicode.Scalar, Int)? {
        var index = start + 1
        if index < scalars.count, scalars[index] == "#" {
            index += 1
            var radix: UInt32 = 10
            if index < scalars.count, scalars[index] == "x" || scalars[index] == "X" {
                radix = 16
                index += 1
            }
            var value: UInt32 = 0
            var digits = 0
            while index < scalars.count, let digit = digitValue(scalars[index], radix: radix) {
                value = min(value * radix + digit, 0x11_0000)
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            if index < scalars.count, scalars[index] == ";" { index += 1 }
            return (Unicode.Scalar(value) ?? "\u{FFFD}", index - start)
        }
        for (name, scalar) in [("colon", Unicode.Scalar(":")), ("tab", "\t"), ("newline", "\n")] {
            let candidate = scalars[index...].prefix(name.unicodeScalars.count)
            var word = ""
            word.unicodeScalars.append(contentsOf: candidate)
            if word.lowercased() == name {
                var end = index + name.unicodeScalars.count
                if end < scalars.count, scalars[end] == ";" { end += 1 }
                return (scalar, end - start)
            }
        }
        return nil
    }

    private static func digitValue(_ scalar: Unicode.Scalar, radix: UInt32) -> UInt32? {
        switch scalar.value {
        case 0x30...0x39: scalar.value - 0x30
        case 0x61...0x66 where radix == 16: scalar.value - 0x61 + 10
        case 0x41...0x46 where radix == 16: scalar.value - 0x41 + 10
        default: nil
        }
    }
}

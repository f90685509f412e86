import Foundation

/// Parses one HTTP/1.x request head (request line and header fields, RFC 9112 §3 and §5) strictly: whatever could be
/// read two ways (spaces around the target, a space before a colon, folded lines, conflicting lengths) is refused.
enum PreviewRequestHead {
    /// Why a head was refused, and the answer that says so.
    struct Refusal: Error, Equatable {
        let response: PreviewResponse

        init(_ status: PreviewResponse.Status, _ reason: String) {
            response = .refusal(status, reason)
        }
    }

    /// The request and the length of the body that follows its head.
    static func parse(_ head: [UInt8]) -> Result<(PreviewRequest, bodyLength: Int), Refusal> {
        Result { try parseOrThrow(head) }.mapError { ($0 as? Refusal) ?? Refusal(.badRequest, "Malformed request.") }
    }

    private static func parseOrThrow(_ head: [UInt8]) throws -> (PreviewRequest, bodyLength: Int) {
        let lines = head.split(separator: PreviewRequestReader.lf, omittingEmptySubsequences: false)
            .map { $0.last == PreviewRequestReader.cr ? $0.dropLast() : $0 }
            .filter { !$0.isEmpty }
        guard let requestLine = lines.first else { throw Refusal(.badRequest, "Malformed request line.") }
        let (method, target, minorVersion) = try parseRequestLine(requestLine)
        let fields = try lines.dropFirst().map(parseField)

        let (path, query, authority) = try split(target: target)
        let hosts = fields.filter { $0.name.lowercased() == "host" }
        if minorVersion >= 1, hosts.count != 1 {
            throw Refusal(.badRequest, "An HTTP/1.1 request needs exactly one Host header field.")
        }
        var headers = fields
        if let authority {
            // An absolute-form target names the host itself, and wins over the Host field (RFC 9112 §3.2.2).
            headers = headers.filter { $0.name.lowercased() != "host" } + [.init(name: "Host", value: authority)]
        }
        if fields.contains(where: { $0.name.lowercased() == "transfer-encoding" }) {
            throw Refusal(.notImplemented, "Request bodies with a Transfer-Encoding are not supported.")
        }
        let lengths = Set(
            fields.filter { $0.name.lowercased() == "content-length" }
                .flatMap { $0.value.split(separator: ",", omittingEmptySubsequences: false) }
                .map { $0.trimmingCharacters(in: .whitespaces) })
        var bodyLength = 0
        if let length = lengths.first {
            guard lengths.count == 1, !length.isEmpty, length.allSatisfy(\.isASCIIDigit),
                let value = Int(length)
            else { throw Refusal(.badRequest, "Invalid Content-Length.") }
            bodyLength = value
        }
        let request = PreviewRequest(
            method: method, path: path, query: query, minorVersion: minorVersion, headers: headers)
        return (request, bodyLength)
    }

    /// `method SP request-target SP HTTP-version`, single spaces, visible ASCII only.
    private static func parseRequestLine(_ line: ArraySlice<UInt8>) throws -> (String, String, Int) {
        guard line.allSatisfy({ $0 > 0x20 && $0 < 0x7F || $0 == 0x20 }) else {
            throw Refusal(.badRequest, "Malformed request line.")
        }
        let parts = line.split(separator: 0x20, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        guard parts.count == 3, !parts[1].isEmpty, !parts[0].isEmpty, parts[0].allSatisfy(isTokenCharacter) else {
            throw Refusal(.badRequest, "Malformed request line.")
        }
        let version = parts[2]
        guard version.hasPrefix("HTTP/"), version.count == 8, version.dropFirst(5).first?.isASCIIDigit == true,
            version.dropFirst(6).first == ".", version.dropFirst(7).first?.isASCIIDigit == true
        else { throw Refusal(.badRequest, "Malformed request line.") }
        guard version.hasPrefix("HTTP/1."), let minor = version.last?.wholeNumberValue else {
            throw Refusal(.httpVersionNotSupported, "Only HTTP/1.0 and HTTP/1.1 are supported.")
        }
        return (parts[0], parts[1], minor)
    }

    /// `name: value`: a token, a colon right after it, the value without the whitespace around it.
    private static func parseField(_ line: ArraySlice<UInt8>) throws -> PreviewRequest.Field {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
            throw Refusal(.badRequest, "Malformed header field.")
        }
        let name = String(decoding: line[..<colon], as: UTF8.self)
        let rawValue = line[(colon + 1)...]
        // A bare CR or NUL in a value could split it into two fields further along (RFC 9110 §5.5).
        guard !name.isEmpty, name.allSatisfy(isTokenCharacter), !rawValue.contains(0), !rawValue.contains(0x0D) else {
            throw Refusal(.badRequest, "Malformed header field.")
        }
        let value = String(decoding: rawValue, as: UTF8.self).trimmingCharacters(in: .init(charactersIn: " \t"))
        return PreviewRequest.Field(name: name, value: value)
    }

    /// The raw path and query of an origin-form target (`/path?query`), or of an absolute-form one
    /// (`http://host/path?query`) with its host. `*` (for OPTIONS) keeps its path `*`, which no file has.
    private static func split(target: String) throws -> (String, String, String?) {
        var rest = Substring(target)
        var authority: String?
        if target == "*" {
            return ("*", "", nil)
        }
        if !target.hasPrefix("/") {
            let lowered = target.lowercased()
            guard let scheme = ["http://", "https://"].first(where: { lowered.hasPrefix($0) }) else {
                throw Refusal(.badRequest, "Malformed request target.")
            }
            rest = rest.dropFirst(scheme.count)
            let host = rest.prefix { $0 != "/" && $0 != "?" }
            guard !host.isEmpty else { throw Refusal(.badRequest, "Malformed request target.") }
            authority = String(host)
            rest = rest.dropFirst(host.count)
        }
        let parts = rest.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = parts.first.map(String.init) ?? ""
        return (path.isEmpty ? "/" : path, parts.count > 1 ? String(parts[1]) : "", authority)
    }

    /// `tchar` of RFC 9110 §5.6.2: the characters of method and header names.
    private static func isTokenCharacter(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return character.isLetter || character.isNumber || "!#$%&'*+-.^_`|~".utf8.contains(ascii)
    }
}

extension Character {
    /// `0`–`9` only (not other scripts' digits).
    fileprivate var isASCIIDigit: Bool { asciiValue.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
}

/// The few block shapes of cmark's HTML output, as text.
enum HTMLText {
    enum Block: Equatable {
        case heading(String)
        case paragraph(String)
        case item(String)
        case end
    }

    static func blocks(_ html: String) -> [Block] {
        var blocks: [Block] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let tag = rest[rest.index(after: open)..<close].split(separator: " ").first.map(String.init) ?? ""
            rest = rest[rest.index(after: close)...]
            let kind: ((String) -> Block)?
            switch tag {
            case "h1", "h2", "h3", "h4", "h5", "h6": kind = Block.heading
            case "p": kind = Block.paragraph
            case "li": kind = Block.item
            case "/ul", "/ol", "/table":
                blocks.append(.end)
                kind = nil
            case "td", "th": kind = Block.paragraph
            default: kind = nil
            }
            guard let kind, let end = rest.range(of: "</\(tag)>") else { continue }
            let raw = rest[..<end.lowerBound]
            // A list item holding a nested list: its own text now, the nested items on the next turns.
            if tag == "li", let nested = raw.range(of: "<ul>") ?? raw.range(of: "<ol>") {
                blocks.append(kind(text(String(raw[..<nested.lowerBound]))))
                rest = rest[nested.lowerBound...]
                continue
            }
            let inner = String(raw)
            blocks.append(kind(text(inner)))
            rest = rest[end.upperBound...]
        }
        return blocks
    }

    /// Inline HTML as text: tags dropped, links followed by their address, entities decoded, whitespace collapsed.
    static func text(_ html: String) -> String {
        var result = ""
        var rest = Substring(html)
        var pendingHref: [String] = []
        while let open = rest.firstIndex(of: "<") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: ">") else {
                rest = rest[open...]
                break
            }
            let tag = String(rest[rest.index(after: open)..<close])
            if tag.hasPrefix("a ") {
                let href = attribute("href", in: tag)
                pendingHref.append(href.hasPrefix("http") ? href : "")
            } else if tag == "/a", let href = pendingHref.popLast(), !href.isEmpty {
                result += " <\(href)>"
            } else if tag.hasPrefix("img ") {
                result += attribute("alt", in: tag)
            } else if tag.hasPrefix("br") {
                result += " "
            }
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return decodeEntities(result).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func attribute(_ name: String, in tag: String) -> String {
        guard let start = tag.range(of: name + "=\"") else { return "" }
        let value = tag[start.upperBound...].prefix { $0 != "\"" }
        return decodeEntities(String(value))
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            guard let semi = rest[amp...].prefix(10).firstIndex(of: ";") else {
                result += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let name = rest[rest.index(after: amp)..<semi]
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " "]
            if let value = named[String(name)] {
                result += value
            } else if name.hasPrefix("#x") || name.hasPrefix("#X"), let code = UInt32(name.dropFirst(2), radix: 16),
                let scalar = Unicode.Scalar(code)
            {
                result.unicodeScalars.append(scalar)
            } else if name.hasPrefix("#"), let code = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(code) {
                result.unicodeScalars.append(scalar)
            } else {
                result += "&" + name + ";"
            }
            rest = rest[rest.index(after: semi)...]
        }
        return result + rest
    }
}

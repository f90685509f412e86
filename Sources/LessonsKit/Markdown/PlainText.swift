import Ccmark

/// The text content of a rendered tree, for search indexes and feeds.
extension MarkdownPipeline {
    /// Text, code and table cells with block and line breaks as spaces; raw HTML left out;
    /// whitespace collapsed to single spaces.
    func plainText(of node: CmarkNode) -> String {
        var parts: [String] = []
        var tableIndex = 0
        node.walk { event, current in
            switch current.type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                parts.append(current.literal ?? "")
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                parts.append(" ")
            case CMARK_NODE_CUSTOM_BLOCK:
                if event == CMARK_EVENT_ENTER, tableIndex < tablePlainTexts.count {
                    parts.append(" " + tablePlainTexts[tableIndex] + " ")
                    tableIndex += 1
                }
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                break
            default:
                if current.type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue {
                    parts.append(" ")
                }
            }
        }
        return Self.collapsingWhitespace(parts.joined())
    }

    /// Runs of white space become one space, with none at either end (scalar by scalar: Character.isWhitespace is slow).
    static func collapsingWhitespace(_ text: String) -> String {
        // Built as UTF-8 bytes: appending to a `String.UnicodeScalarView` scalar by scalar is slow.
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let isSpace =
                scalar.isASCII
                ? (scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar.value == 0x0B
                    || scalar.value == 0x0C)
                : scalar.properties.isWhitespace
            if isSpace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(UInt8(ascii: " ")) }
                pendingSpace = false
                if scalar.isASCII {
                    result.append(UInt8(scalar.value))
                } else {
                    UTF8.encode(scalar) { result.append($0) }
                }
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}

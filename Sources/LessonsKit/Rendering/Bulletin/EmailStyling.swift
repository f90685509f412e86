/// Inline styles for the bare tags of rendered Markdown inside the e-mail, since mail clients ignore style sheets.
///
/// The e-mail template styles its own elements; only tags written without attributes (as cmark writes them) and
/// cmark's links and tables are touched here.
enum EmailStyling {
    static let font = "font-family:Arial,Helvetica,sans-serif;"

    static let rules: [(String, String)] = [
        ("<p>", "<p style=\"margin:0 0 12px 0;\(font)font-size:15px;line-height:22px;color:#212b32;\">"),
        ("<h2>", "<h2 style=\"margin:18px 0 8px 0;\(font)font-size:19px;line-height:24px;color:#003087;\">"),
        ("<h3>", "<h3 style=\"margin:16px 0 6px 0;\(font)font-size:17px;line-height:22px;color:#212b32;\">"),
        ("<h4>", "<h4 style=\"margin:14px 0 6px 0;\(font)font-size:15px;line-height:20px;color:#212b32;\">"),
        ("<ul>", "<ul style=\"margin:0 0 12px 0;padding-left:22px;\">"),
        ("<ol>", "<ol style=\"margin:0 0 12px 0;padding-left:22px;\">"),
        ("<li>", "<li style=\"margin:0 0 6px 0;\(font)font-size:15px;line-height:22px;color:#212b32;\">"),
        ("<blockquote>", "<blockquote style=\"margin:0 0 12px 0;padding:0 0 0 12px;border-left:4px solid #768692;\">"),
        ("<a href=", "<a style=\"color:#005eb8;text-decoration:underline;\" href="),
        (
            "<table class=\"content-table\">",
            "<table class=\"content-table\" style=\"border-collapse:collapse;margin:0 0 12px 0;\(font)font-size:14px;\">"
        ),
        ("<th>", "<th style=\"border:1px solid #aeb7bd;padding:4px 8px;text-align:left;\">"),
        ("<td>", "<td style=\"border:1px solid #aeb7bd;padding:4px 8px;\">"),
        ("<img ", "<img style=\"max-width:100%;height:auto;\" "),
    ]

    /// The rules as bytes, for the one-pass replacement.
    private static let byteRules: [([UInt8], [UInt8])] = rules.map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// Applies every rule in one pass over the bytes. No rule's tag is a prefix of another's and no replacement
    /// contains a tag, so this gives the same result as replacing each rule's tag in turn.
    static func inlineStyled(_ html: String) -> String {
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 2)
        var index = 0
        scan: while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<") {
                for (tag, replacement) in byteRules
                where index + tag.count <= bytes.count && bytes[index..<index + tag.count].elementsEqual(tag) {
                    out += replacement
                    index += tag.count
                    continue scan
                }
            }
            out.append(bytes[index])
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

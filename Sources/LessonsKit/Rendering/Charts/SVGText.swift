import Foundation

/// Helpers shared by the chart drawers: escaping and compact, deterministic number formatting.
enum SVGText {
    static func escape(_ text: String) -> String {
        XMLText.escape(text)
    }

    /// One decimal place, without a trailing `.0` and never `-0`.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.1f", rounded)
    }

    /// The short label drawn on a suppressed bar: `<5`.
    static func shortText(_ count: DisplayCount) -> String {
        guard count.isSuppressed else { return count.text }
        if let last = count.text.split(separator: " ").last, Int(last) != nil { return "<" + last }
        return "–"
    }

    /// A diagonal hatch that reads in black and white, for suppressed values.
    static func hatch(id: String) -> String {
        "<defs><pattern id=\"\(id)-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
            + "<rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#425563\" stroke-width=\"3\"/></pattern></defs>\n"
    }
}

import Foundation

/// Draws a horizontal or vertical bar chart as accessible inline SVG at build time (no JavaScript).
///
/// Suppressed counts are drawn at a fixed length with a hatch pattern so the bar never reveals the hidden value.
struct BarChart: Sendable {
    struct Bar: Sendable, Hashable {
        let label: String
        let count: DisplayCount

    }

    let title: String
    let bars: [Bar]
    /// Unique within the page; used for the SVG title id and the hatch pattern id.
    let id: String

    init(id: String, title: String, bars: [Bar]) {
        self.id = id
        self.title = title
        self.bars = bars
    }

    /// A one-sentence text alternative listing every bar's value.
    var textAlternative: String {
        "\(title): " + bars.map { "\($0.label) \($0.count.text)" }.joined(separator: "; ") + "."
    }

    /// Vertical bars (e.g. counts per quarter), labels under the bars, values above them.
    func svg(width: Int = 640, height: Int = 220) -> String {
        let top = 24
        let bottom = 40
        let left = 8
        let right = 8
        let plotHeight = Double(height - top - bottom)
        let slot = Double(width - left - right) / Double(max(bars.count, 1))
        let maxValue = Double(max(bars.filter { !$0.count.isSuppressed }.map(\.count.value).max() ?? 1, 1))
        // A suppressed bar is drawn at a fixed small height, independent of the hidden value.
        let suppressedHeight = plotHeight * 0.15
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart bar-chart" viewBox="0 0 \(width) \(height)" role="img" aria-labelledby="\(id)-title">
            <title id="\(id)-title">\(escape(textAlternative))</title>
            <defs><pattern id="\(id)-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#425563" stroke-width="3"/></pattern></defs>

            """
        for (index, bar) in bars.enumerated() {
            let barHeight = bar.count.isSuppressed ? suppressedHeight : plotHeight * Double(bar.count.value) / maxValue
            let x = Double(left) + slot * Double(index) + slot * 0.15
            let barWidth = slot * 0.7
            let y = Double(top) + plotHeight - barHeight
            let fill = bar.count.isSuppressed ? "url(#\(id)-hatch)" : "#005eb8"
            svg +=
                "<rect x=\"\(format(x))\" y=\"\(format(y))\" width=\"\(format(barWidth))\" height=\"\(format(barHeight))\" fill=\"\(fill)\" stroke=\"#212b32\" stroke-width=\"1\"/>\n"
            let centre = format(x + barWidth / 2)
            let valueText = SVGText.shortText(bar.count)
            svg +=
                "<text x=\"\(centre)\" y=\"\(format(y - 6))\" text-anchor=\"middle\" font-size=\"13\" fill=\"#212b32\">\(escape(valueText))</text>\n"
            // Labels too wide for their slot ("Q1 2026" × 12) break at the space onto two lines.
            let words = bar.label.split(separator: " ", maxSplits: 1).map(String.init)
            if words.count == 2 && Double(bar.label.count) * 8 > slot {
                svg +=
                    "<text x=\"\(centre)\" y=\"\(height - bottom + 16)\" text-anchor=\"middle\" font-size=\"12\" fill=\"#212b32\">\(escape(words[0]))<tspan x=\"\(centre)\" dy=\"14\">\(escape(words[1]))</tspan></text>\n"
            } else {
                svg +=
                    "<text x=\"\(centre)\" y=\"\(height - bottom + 18)\" text-anchor=\"middle\" font-size=\"12\" fill=\"#212b32\">\(escape(bar.label))</text>\n"
            }
        }
        svg +=
            "<line x1=\"\(left)\" y1=\"\(top + Int(plotHeight))\" x2=\"\(width - right)\" y2=\"\(top + Int(plotHeight))\" stroke=\"#212b32\" stroke-width=\"1\"/>\n</svg>"
        return svg
    }

    private func format(_ value: Double) -> String {
        String(Int((value * 10).rounded())) == "0" ? "0" : String(format: "%.1f", value)
    }

    private func escape(_ text: String) -> String {
        XMLText.escape(text)
    }
}

/// Labelled horizontal bars (a mix: harm, learning response, services, co-occurring themes), as inline SVG.
///
/// Suppressed counts are drawn at a fixed length with a hatch, so the bar never reveals the hidden value.
struct HorizontalBarChart: Sendable {
    let id: String
    let title: String
    let bars: [BarChart.Bar]

    init(id: String, title: String, bars: [BarChart.Bar]) {
        self.id = id
        self.title = title
        self.bars = bars
    }

    var textAlternative: String {
        "\(title): " + bars.map { "\($0.label) \($0.count.text)" }.joined(separator: "; ") + "."
    }

    func svg(width: Int = 460) -> String {
        let row = 28
        let top = 6
        let labelWidth = 236
        let valueWidth = 40
        let height = top * 2 + row * max(bars.count, 1)
        let plot = Double(width - labelWidth - valueWidth - 8)
        let maxValue = Double(max(bars.filter { !$0.count.isSuppressed }.map(\.count.value).max() ?? 1, 1))
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart hbar-chart\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"\(id)-title\">\n"
        svg += "<title id=\"\(id)-title\">\(SVGText.escape(textAlternative))</title>\n" + SVGText.hatch(id: id)
        for (index, bar) in bars.enumerated() {
            let y = top + row * index
            let length = bar.count.isSuppressed ? plot * 0.12 : plot * Double(bar.count.value) / maxValue
            let label = bar.label.count > 29 ? String(bar.label.prefix(27)) + "…" : bar.label
            svg +=
                "<text x=\"\(labelWidth - 8)\" y=\"\(y + 18)\" text-anchor=\"end\" font-size=\"12\" fill=\"#212b32\">\(SVGText.escape(label))</text>\n"
            if bar.count.value > 0 {
                let fill = bar.count.isSuppressed ? "url(#\(id)-hatch)" : "#005eb8"
                svg +=
                    "<rect class=\"chart__bar\(bar.count.isSuppressed ? " chart__bar--suppressed" : "")\" x=\"\(labelWidth)\" y=\"\(y + 5)\" width=\"\(SVGText.number(max(length, 2)))\" height=\"\(row - 8)\" fill=\"\(fill)\" stroke=\"#212b32\" stroke-width=\"1\"/>\n"
            }
            let valueX = Double(labelWidth) + (bar.count.value > 0 ? max(length, 2) : 0) + 6
            svg +=
                "<text x=\"\(SVGText.number(valueX))\" y=\"\(y + 18)\" font-size=\"13\" fill=\"#212b32\">\(SVGText.escape(SVGText.shortText(bar.count)))</text>\n"
        }
        svg +=
            "<line x1=\"\(labelWidth)\" y1=\"\(top)\" x2=\"\(labelWidth)\" y2=\"\(height - top)\" stroke=\"#212b32\" stroke-width=\"1\"/>\n</svg>"
        return svg
    }
}

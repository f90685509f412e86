/// A word-sized column chart of a short series (e.g. incidents per quarter), as inline SVG.
///
/// Suppressed values are drawn at a fixed height with a hatch, so the mark never reveals the hidden count.
struct Sparkline: Sendable {
    let id: String
    let title: String
    let points: [BarChart.Bar]

    init(id: String, title: String, points: [BarChart.Bar]) {
        self.id = id
        self.title = title
        self.points = points
    }

    var textAlternative: String {
        "\(title): " + points.map { "\($0.label) \($0.count.text)" }.joined(separator: "; ") + "."
    }

    func svg(width: Int = 144, height: Int = 40) -> String {
        let slot = Double(width) / Double(max(points.count, 1))
        let plot = Double(height - 2)
        let maxValue = Double(max(points.filter { !$0.count.isSuppressed }.map(\.count.value).max() ?? 1, 1))
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart sparkline\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-labelledby=\"\(id)-title\">\n"
        svg += "<title id=\"\(id)-title\">\(SVGText.escape(textAlternative))</title>\n" + SVGText.hatch(id: id)
        for (index, point) in points.enumerated() {
            let value = point.count
            guard value.value > 0 else { continue }
            let barHeight = value.isSuppressed ? plot * 0.45 : max(plot * Double(value.value) / maxValue, 2)
            let x = slot * Double(index) + slot * 0.12
            let fill = value.isSuppressed ? "url(#\(id)-hatch)" : "#005eb8"
            svg +=
                "<rect class=\"chart__bar\(value.isSuppressed ? " chart__bar--suppressed" : "")\" x=\"\(SVGText.number(x))\" y=\"\(SVGText.number(plot - barHeight + 1))\" width=\"\(SVGText.number(slot * 0.76))\" height=\"\(SVGText.number(barHeight))\" fill=\"\(fill)\" stroke=\"#212b32\" stroke-width=\"0.5\"><title>\(SVGText.escape("\(point.label): \(value.text)"))</title></rect>\n"
        }
        svg +=
            "<line x1=\"0\" y1=\"\(height - 1)\" x2=\"\(width)\" y2=\"\(height - 1)\" stroke=\"#425563\" stroke-width=\"1\"/>\n</svg>"
        return svg
    }
}

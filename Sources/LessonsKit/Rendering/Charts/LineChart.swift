/// A line over labelled points (running totals, mean ratings), with each value printed beside its point, as inline SVG.
struct LineChart: Sendable {
    struct Point: Sendable, Hashable {
        let label: String
        let value: Double
        /// What to print for the value (e.g. `4.6` or `112`).
        let text: String

    }

    let id: String
    let title: String
    let points: [Point]
    /// The value range of the vertical axis; nil means from 0 to the largest value.
    let range: ClosedRange<Double>?

    init(id: String, title: String, points: [Point], range: ClosedRange<Double>? = nil) {
        self.id = id
        self.title = title
        self.points = points
        self.range = range
    }

    var textAlternative: String {
        "\(title): " + points.map { "\($0.label) \($0.text)" }.joined(separator: "; ") + "."
    }

    func svg(width: Int = 640, height: Int = 200) -> String {
        let top = 24.0
        let bottom = 40.0
        let side = 36.0
        let plotHeight = Double(height) - top - bottom
        let low = range?.lowerBound ?? 0
        let high = max(range?.upperBound ?? (points.map(\.value).max() ?? 1), low + 1)
        let slot = (Double(width) - side * 2) / Double(max(points.count, 1))
        func x(_ index: Int) -> Double { side + slot * (Double(index) + 0.5) }
        func y(_ value: Double) -> Double { top + plotHeight * (1 - (min(max(value, low), high) - low) / (high - low)) }
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart line-chart\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"\(id)-title\">\n"
        svg += "<title id=\"\(id)-title\">\(SVGText.escape(textAlternative))</title>\n"
        for tick in [low, high] {
            svg +=
                "<line x1=\"\(SVGText.number(side))\" y1=\"\(SVGText.number(y(tick)))\" x2=\"\(SVGText.number(Double(width) - side))\" y2=\"\(SVGText.number(y(tick)))\" stroke=\"#aeb7bd\" stroke-width=\"1\" stroke-dasharray=\"4 3\"/>\n"
            svg +=
                "<text x=\"\(SVGText.number(side - 6))\" y=\"\(SVGText.number(y(tick) + 4))\" text-anchor=\"end\" font-size=\"12\" fill=\"#4c6272\">\(SVGText.number(tick))</text>\n"
        }
        if points.count > 1 {
            let coordinates = points.indices.map { "\(SVGText.number(x($0))),\(SVGText.number(y(points[$0].value)))" }
                .joined(separator: " ")
            svg += "<polyline points=\"\(coordinates)\" fill=\"none\" stroke=\"#005eb8\" stroke-width=\"2.5\"/>\n"
        }
        for (index, point) in points.enumerated() {
            let cx = SVGText.number(x(index))
            let cy = y(point.value)
            svg +=
                "<circle cx=\"\(cx)\" cy=\"\(SVGText.number(cy))\" r=\"4\" fill=\"#ffffff\" stroke=\"#212b32\" stroke-width=\"2\"/>\n"
            svg +=
                "<text x=\"\(cx)\" y=\"\(SVGText.number(cy - 9))\" text-anchor=\"middle\" font-size=\"13\" fill=\"#212b32\">\(SVGText.escape(point.text))</text>\n"
            svg +=
                "<text x=\"\(cx)\" y=\"\(SVGText.number(Double(height) - bottom + 20))\" text-anchor=\"middle\" font-size=\"12\" fill=\"#212b32\">\(SVGText.escape(point.label))</text>\n"
        }
        svg += "</svg>"
        return svg
    }
}

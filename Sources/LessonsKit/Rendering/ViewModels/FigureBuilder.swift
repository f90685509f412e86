/// View models of charts with their tables (`partials/figure.mustache`), applying the edition's small-number rule.
struct FigureBuilder: Sendable {
    /// The edition's small-number rule, for counts of incidents and debriefs.
    let smallNumbers: SmallNumberPolicy

    /// A count as shown: suppressed when `sensitive` (incidents, debriefs) and small, else the true value.
    func shown(_ value: Int, sensitive: Bool) -> DisplayCount {
        sensitive ? smallNumbers.display(value) : DisplayCount(value: value, isSuppressed: false, text: "\(value)")
    }

    /// A series or mix shown together: sensitive rows use `displayRow`, so no hidden cell can be worked out from the others.
    func shownRow(_ values: [Int], sensitive: Bool) -> [DisplayCount] {
        sensitive ? smallNumbers.displayRow(values).cells : values.map { shown($0, sensitive: false) }
    }

    /// One row of a figure's table.
    struct FigureRow {
        var label: String
        var href: String?
        var cells: [DisplayCount]
    }

    /// A chart and the same numbers as a table. `headers` names the row-label column then each value column.
    func figure(id: String, title: String, svg: String, caption: String, headers: [String], rows: [FigureRow]) -> Figure
    {
        Figure(
            id: id, title: title, svgHTML: HTMLFragment(scanning: svg), tableCaption: caption, headers: headers,
            hasSuppressed: rows.contains { $0.cells.contains(where: \.isSuppressed) }, suppressionNote: suppressionNote,
            rows: rows.map { Figure.Row(label: $0.label, cells: $0.cells.map(CountCell.init), href: $0.href) })
    }

    var suppressionNote: String {
        let threshold = smallNumbers.threshold ?? 5
        return
            "Counts from 1 to \(threshold - 1) are shown as “fewer than \(threshold)” (hatched bars of a fixed length), "
            + "and a second figure is hidden where it would reveal one, so that no one can be identified."
    }

    /// Horizontal bars beside a table of several columns (the bars show one of them); `chartId` defaults to
    /// `id` + `-chart`.
    func barTableFigure(
        id: String, chartId: String? = nil, title: String, bars: [BarChart.Bar], caption: String, headers: [String],
        rows: [FigureRow]
    ) -> Figure {
        let svg = HorizontalBarChart(id: chartId ?? id + "-chart", title: title, bars: bars).svg()
        return figure(id: id, title: title, svg: svg, caption: caption, headers: headers, rows: rows)
    }

    /// Vertical bars of one series (e.g. incidents per quarter).
    func columnFigure(
        id: String, title: String, labels: [String], values: [Int], sensitive: Bool, valueHeading: String,
        labelHeading: String
    ) -> Figure {
        let counts = shownRow(values, sensitive: sensitive)
        let bars = zip(labels, counts).map { BarChart.Bar(label: $0, count: $1) }
        let svg = BarChart(id: id + "-chart", title: title, bars: bars).svg()
        return figure(
            id: id, title: title, svg: svg, caption: title, headers: [labelHeading, valueHeading],
            rows: zip(labels, counts).map { FigureRow(label: $0, href: nil, cells: [$1]) })
    }

    /// Horizontal bars of a mix (harm, response, services, themes); `entries` in display order.
    func mixFigure(
        id: String, title: String, entries: [(label: String, href: String?, value: Int)], sensitive: Bool,
        valueHeading: String, labelHeading: String
    ) -> Figure {
        shownMixFigure(
            id: id, title: title, entries: entries.map { (label: $0.label, href: $0.href) },
            counts: shownRow(entries.map(\.value), sensitive: sensitive), valueHeading: valueHeading,
            labelHeading: labelHeading)
    }

    /// Horizontal bars of counts already passed through the small-number rule.
    func shownMixFigure(
        id: String, title: String, entries: [(label: String, href: String?)], counts: [DisplayCount],
        valueHeading: String, labelHeading: String
    ) -> Figure {
        barTableFigure(
            id: id, title: title, bars: zip(entries, counts).map { BarChart.Bar(label: $0.label, count: $1) },
            caption: title, headers: [labelHeading, valueHeading],
            rows: zip(entries, counts).map { FigureRow(label: $0.label, href: $0.href, cells: [$1]) })
    }

    /// A short label for a quarter of the axis: `2026 Q3` → `Q3 2026`.
    static func quarterLabel(_ label: String) -> String {
        let parts = label.split(separator: " ")
        return parts.count == 2 ? "\(parts[1]) \(parts[0])" : label
    }

    /// `Oct 2025`, for chart labels.
    static func shortMonth(_ date: PartialDate) -> String {
        "\(PartialDate.monthNames[date.month - 1].prefix(3)) \(date.year)"
    }
}

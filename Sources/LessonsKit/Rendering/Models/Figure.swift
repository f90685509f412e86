/// A chart and the same numbers as a table (`partials/figure.mustache`).
struct Figure {
    /// One row of the table: a label (linked when `href` is set) and its cells.
    struct Row {
        let label: String
        let cells: [CountCell]
        var href: String?
    }

    let id: String
    let title: String
    let svgHTML: HTMLFragment
    let tableCaption: String
    /// The row-label column, then each value column.
    let headers: [String]
    let hasSuppressed: Bool
    let suppressionNote: String
    let rows: [Row]
}

/// A count as a table cell, hatched when the small-number rule hides it.
struct CountCell {
    let text: String
    let isSuppressed: Bool

    init(_ count: DisplayCount) {
        text = count.text
        isSuppressed = count.isSuppressed
    }
}

// MARK: - Field lists for Mustache (see `TemplateFields`)

extension Figure: TemplateFields {
    var templateFields: TemplateValue.Fields {
        [
            "id": id, "title": title, "svgHTML": svgHTML, "tableCaption": tableCaption, "headers": headers,
            "hasSuppressed": hasSuppressed, "suppressionNote": suppressionNote, "rows": rows,
        ]
    }
}

extension Figure.Row: TemplateFields {
    var templateFields: TemplateValue.Fields { ["label": label, "cells": cells, "href": href] }
}

extension CountCell: TemplateFields {
    var templateFields: TemplateValue.Fields { ["text": text, "isSuppressed": isSuppressed] }
}

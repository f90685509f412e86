/// `list.mustache`: one document type's list page, by year.
struct ListBody {
    let intro: String
    let years: [YearGroup]
    let isEmpty: Bool
    /// Only on `incidents/index.html`.
    var responseMix: ResponseMixModel?
}

/// Cards of one year, newest first (`Undated` last).
struct YearGroup {
    let year: String
    /// ``Card``s, made as the template reaches them (``LazyRows``), each found among the fragments kept by its typed
    /// fields (``FragmentKeyed``) before it is converted.
    let items: LazyRows
}

/// The learning-response mix by quarter on the incidents list: a bar chart of the whole period and a table by quarter.
struct ResponseMixModel {
    struct Row {
        let label: String
        let cells: [CountCell]
    }

    let figure: Figure
    let headers: [String]
    let rows: [Row]
    let hasSuppression: Bool
    let suppressionNote: String
}

// MARK: - Field lists for Mustache (see `TemplateFields`)

extension ListBody: TemplateFields {
    var templateFields: TemplateValue.Fields {
        ["intro": intro, "years": years, "isEmpty": isEmpty, "responseMix": responseMix]
    }
}

extension YearGroup: TemplateFields {
    var templateFields: TemplateValue.Fields { ["year": year, "items": items] }
}

extension ResponseMixModel: TemplateFields {
    var templateFields: TemplateValue.Fields {
        [
            "figure": figure, "headers": headers, "rows": rows, "hasSuppression": hasSuppression,
            "suppressionNote": suppressionNote,
        ]
    }
}

extension ResponseMixModel.Row: TemplateFields {
    var templateFields: TemplateValue.Fields { ["label": label, "cells": cells] }
}

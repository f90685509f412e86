// Field lists for Mustache (see `TemplateFields`) of the report and poster models, which live beside their pages.

extension ReportView: TemplateFields {
    var templateFields: TemplateValue.Fields {
        [
            "periodText": periodText, "intro": intro, "pdfHref": pdfHref, "stats": stats, "sections": sections,
            "editionTitle": editionTitle, "generatedOn": generatedOn, "suppression": suppression,
        ]
    }
}

extension ReportView.Stat: TemplateFields {
    var templateFields: TemplateValue.Fields { ["text": text, "label": label] }
}

extension ReportView.Item: TemplateFields {
    var templateFields: TemplateValue.Fields { ["text": text, "href": href] }
}

extension ReportView.Quote: TemplateFields {
    var templateFields: TemplateValue.Fields { ["text": text, "source": source] }
}

extension ReportView.Section: TemplateFields {
    var templateFields: TemplateValue.Fields {
        [
            "id": id, "heading": heading, "note": note, "figures": figures, "items": items, "quotes": quotes,
            "empty": empty,
        ]
    }
}

extension ReportBody: TemplateFields {
    var templateFields: TemplateValue.Fields { ["report": report] }
}

extension ReportsBody: TemplateFields {
    var templateFields: TemplateValue.Fields { ["intro": intro, "reports": reports] }
}

extension PosterBody: TemplateFields {
    var templateFields: TemplateValue.Fields { ["poster": poster] }
}

extension PosterView: TemplateFields {
    var templateFields: TemplateValue.Fields {
        [
            "id": id, "title": title, "summary": summary, "keyMessages": keyMessages, "isLong": isLong,
            "picture": picture, "organisation": organisation, "siteTitle": siteTitle, "address": address,
            "qrSVG": qrSVG, "findText": findText, "lessonHref": lessonHref,
        ]
    }
}

extension PosterView.Picture: TemplateFields {
    var templateFields: TemplateValue.Fields { ["src": src, "alt": alt] }
}

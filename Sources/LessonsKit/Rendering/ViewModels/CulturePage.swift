/// `culture/index.html`: the MaPSaF grid (one row per team's latest assessment, one column per dimension, the
/// change since the team's previous assessment), then every assessment by year. Never a ranking.
extension RenderContext {
    func culturePage() -> OutputFile {
        let folder = paths.listFolder(of: .culture)
        var view = pageKeys(folder: folder, title: DocumentType.culture.pluralName, heading: DocumentType.culture.pluralName,
                            currentSection: folder, breadcrumbs: [("Home", "")])
        view["intro"] = DocumentType.culture.introduction
        let documents = content.documents(of: .culture).filter { $0.supersededBy == nil || $0.isDraft }
        view["isEmpty"] = documents.isEmpty
        view["years"] = groupByYear(documents, from: folder)
        // One grid per framework in use (most sites only use MaPSaF).
        var grids: [[String: Any]] = []
        let rowsByFramework = Dictionary(grouping: analysis.culture.rows) { row -> String in
            if case .culture(let details) = row.latest.details { return details.framework }
            return "mapsaf"
        }
        for key in rowsByFramework.keys.sorted() {
            guard let framework = config.frameworks[key], let rows = rowsByFramework[key] else { continue }
            grids.append(cultureGrid(framework: framework, key: key, rows: rows, from: folder))
        }
        view["grids"] = grids
        return OutputFile(path: paths.file(for: folder), text: templates.render("culture", view))
    }

    func cultureGrid(framework: Framework, key: String, rows: [CultureGrid.Row], from folder: String) -> [String: Any] {
        [
            "id": "grid-\(key)",
            "title": framework.title,
            "dimensions": framework.dimensions.enumerated().map { ["title": $0.element.title, "number": "\($0.offset + 1)"] },
            "levels": framework.levels.map { ["letter": $0, "name": framework.levelNames[$0] ?? "", "levelClass": "level-\($0.lowercased())"] },
            "rows": rows.map { row -> [String: Any] in
                var item: [String: Any] = [
                    "team": unitName(row.service),
                    "href": paths.href(from: folder, to: paths.folder(of: row.latest)), "dateText": row.latest.date?.displayText ?? "",
                    "cells": framework.dimensions.map { dimension -> [String: Any] in
                        let level = row.levels[dimension.slug] ?? "–"
                        var cell: [String: Any] = ["level": level, "levelName": framework.levelNames[level] ?? "not agreed",
                                                   "levelClass": "level-\(level.lowercased())", "dimension": dimension.title]
                        switch row.changes[dimension.slug] ?? .noPrevious {
                        case .up(let from): cell["changeText"] = "up from \(from)"; cell["arrow"] = "▲"; cell["changeClass"] = "change-up"
                        case .down(let from): cell["changeText"] = "down from \(from)"; cell["arrow"] = "▼"; cell["changeClass"] = "change-down"
                        case .same, .noPrevious: break
                        }
                        return cell
                    },
                ]
                if let previous = row.previous {
                    item["previousText"] = "Compared with \(previous.date?.displayText ?? previous.id)"
                    item["previousHref"] = paths.href(from: folder, to: paths.folder(of: previous))
                } else {
                    item["previousText"] = "First assessment"
                }
                return item
            },
        ]
    }
}

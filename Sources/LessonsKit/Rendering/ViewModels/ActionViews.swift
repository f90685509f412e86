/// Rows and tables of safety actions (document pages, the actions dashboard, theme and service pages).
struct ActionViews: Sendable {
    let links: DocumentLinks
    let today: PartialDate

    func actionRow(_ action: Action) -> ActionRow {
        ActionRow(
            id: action.id, action: action.action, owner: action.owner, dueText: action.due.displayText,
            statusText: action.status.label, statusClass: "status-\(action.status.rawValue)",
            isOverdue: action.isOverdue(on: today),
            strengthText: action.strength.map(Vocabulary.label), evidence: action.evidence, reason: action.reason,
            completedText: action.completed?.displayText)
    }

    /// A row of an actions table (dashboard, theme and service pages), linking to the action's document.
    func actionItem(_ item: (document: Document, action: Action), from folder: String) -> ActionRow {
        var row = actionRow(item.action)
        row.documentId = item.document.id
        row.documentTitle = item.document.title
        row.documentHref = links.href(from: folder, to: item.document) + "#actions-heading"
        row.serviceText = links.unitName(item.document.service ?? "")
        return row
    }

    /// `{ tableId, caption, items[] }` for `partials/actionlist.mustache`.
    func actionTable(id: String, caption: String, items: [(document: Document, action: Action)], from folder: String)
        -> ActionTable
    {
        ActionTable(tableId: id, caption: caption, items: items.map { actionItem($0, from: folder) })
    }

    /// The same table with its rows made only as the template reaches them (the actions dashboard's long lists).
    func lazyActionTable(
        id: String, caption: String, items: [(document: Document, action: Action)], from folder: String
    ) -> ActionsBody.Table {
        ActionsBody.Table(tableId: id, caption: caption, items: LazyRows(items) { actionItem($0, from: folder) })
    }
}

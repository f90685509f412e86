/// A safety action inside the document that gave rise to it; its full id is `<document id>/<action id>`.
///
/// Actions are paired with their documents in the analysis' lists (each theme's, each service's, the dashboard's), so
/// their fields live in one shared, immutable box, as a document's do: a copy is one reference, not ten fields.
struct Action: Sendable, Hashable {
    private let storage: SharedFields<Fields>

    init(
        id: String, action: String, owner: String, due: PartialDate, status: ActionStatus, completed: PartialDate?,
        evidence: String?, reason: String?, strength: String?, location: SourceLocation
    ) {
        storage = SharedFields(
            fields: Fields(
                id: id, action: action, owner: owner, due: due, status: status, completed: completed,
                evidence: evidence, reason: reason, strength: strength, location: location))
    }

    var id: String { storage.fields.id }
    var action: String { storage.fields.action }
    var owner: String { storage.fields.owner }
    var due: PartialDate { storage.fields.due }
    var status: ActionStatus { storage.fields.status }
    var completed: PartialDate? { storage.fields.completed }
    var evidence: String? { storage.fields.evidence }
    var reason: String? { storage.fields.reason }
    var strength: String? { storage.fields.strength }
    var location: SourceLocation { storage.fields.location }

    /// Open or in progress and due before `today`.
    func isOverdue(on today: PartialDate) -> Bool {
        status.isOpen && due < today
    }

    var isOpen: Bool { status.isOpen }

    static func == (lhs: Action, rhs: Action) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(storage.fields)
    }

    private struct Fields: Sendable, Hashable {
        let id: String
        let action: String
        let owner: String
        let due: PartialDate
        let status: ActionStatus
        let completed: PartialDate?
        let evidence: String?
        let reason: String?
        let strength: String?
        let location: SourceLocation
    }
}

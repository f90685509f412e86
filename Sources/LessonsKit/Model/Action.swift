/// A safety action inside the document that gave rise to it; its full id is `<document id>/<action id>`.
struct Action: Sendable, Hashable {
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

    /// Open or in progress and due before `today`.
    func isOverdue(on today: PartialDate) -> Bool {
        status.isOpen && due < today
    }

    var isOpen: Bool { status.isOpen }
}

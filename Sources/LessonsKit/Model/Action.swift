/// A safety action inside the document that gave rise to it; its full id is `<document id>/<action id>`.
public struct Action: Sendable, Hashable {
    public let id: String
    public let action: String
    public let owner: String
    public let due: PartialDate
    public let status: ActionStatus
    public let completed: PartialDate?
    public let evidence: String?
    public let reason: String?
    public let strength: String?
    public let location: SourceLocation

    /// Open or in progress and due before `today`.
    public func isOverdue(on today: PartialDate) -> Bool {
        status.isOpen && due < today
    }

    public var isOpen: Bool { status.isOpen }
}

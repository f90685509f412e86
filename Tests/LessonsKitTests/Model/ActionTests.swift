import Testing

@testable import LessonsKit

/// An action keeps its fields in a shared box (a copy is one reference), and is still a value: two actions made
/// apart with the same fields are equal and hash alike, and any field told apart tells them apart.
@Suite struct ActionTests {
    static func action(
        id: String = "A1", text: String = "Check the pumps", owner: String = "Ward 3",
        due: PartialDate = .init(year: 2026, month: 5, day: 1),
        status: ActionStatus = .open, completed: PartialDate? = nil, evidence: String? = nil, reason: String? = nil,
        strength: String? = "weak", line: Int = 12
    ) -> Action {
        Action(
            id: id, action: text, owner: owner, due: due, status: status, completed: completed, evidence: evidence,
            reason: reason, strength: strength,
            location: SourceLocation(file: "content/incidents/a.md", line: line, column: 5))
    }

    @Test func actionsMadeApartWithTheSameFieldsAreEqualAndHashAlike() {
        let (a, b) = (Self.action(), Self.action())
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(Set([a, b]).count == 1)
        #expect(a.id == "A1" && a.action == "Check the pumps" && a.owner == "Ward 3" && a.strength == "weak")
        #expect(a.due == PartialDate(year: 2026, month: 5, day: 1) && a.location.line == 12)
    }

    @Test func anyFieldToldApartTellsTheActionsApart() {
        let base = Self.action()
        let others = [
            Self.action(id: "A2"), Self.action(text: "Check the pump"), Self.action(owner: "Ward 4"),
            Self.action(due: PartialDate(year: 2026, month: 5)), Self.action(status: .completed),
            Self.action(completed: PartialDate(year: 2026, month: 4, day: 2)), Self.action(evidence: "audit"),
            Self.action(reason: "r"), Self.action(strength: nil), Self.action(line: 13),
        ]
        for other in others { #expect(base != other) }
        #expect(Set(others + [base]).count == others.count + 1)
    }

    @Test func anOverdueActionIsOpenAndDueBeforeToday() {
        let today = PartialDate(year: 2026, month: 6, day: 1)
        #expect(Self.action().isOverdue(on: today))
        #expect(!Self.action(status: .completed).isOverdue(on: today))
        #expect(!Self.action(due: PartialDate(year: 2026, month: 7, day: 1)).isOverdue(on: today))
    }
}

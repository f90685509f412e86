/// Honest wording for session attendance: a session's figure counts attendances (people present that day), staff and
/// partner agencies are told apart, and a running total is a sum of attendances, not of distinct people.
enum AttendanceLabels {
    /// `318 attendances: 278 Trust staff, 40 from partner agencies`, or `45 attendances, all Trust staff`.
    static func summary(_ session: SessionDetails) -> String? {
        guard let total = session.attendance else { return nil }
        let head = total == 1 ? "1 attendance" : "\(total) attendances"
        if let partners = session.partnerAttendance, let staff = session.staffAttendance {
            return "\(head): \(staff) Trust staff, \(partners) from partner agencies"
        }
        if session.agencies.isEmpty { return "\(head), all Trust staff" }
        return "\(head), Trust staff and partner agencies together (the split was not recorded)"
    }

    /// Per-agency lines: `Police: 18`.
    static func agencyItems(_ session: SessionDetails) -> [LinkedText] {
        session.attendanceByAgency.map { LinkedText(text: "\(Vocabulary.label($0.agency)): \($0.count)") }
    }
}

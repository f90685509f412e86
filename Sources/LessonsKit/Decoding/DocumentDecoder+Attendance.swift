/// `attendance.by_agency` and `attendance.teams` of a session: who came from partner agencies and which Trust teams
/// were reached, so pages and the learning report count staff and partners separately.
extension DocumentDecoder {
    func readAttendanceSplit(_ attendance: inout FieldReader, into details: inout SessionDetails) {
        let agencies = config.vocabulary("session_agencies", builtIn: Vocabulary.agencies)
        if let pairs = attendance.node("by_agency")?.pairs {
            details.attendanceByAgency = pairs.compactMap { pair in
                guard
                    attendance.checkChoice(pair.key, field: "by_agency", allowed: agencies, at: pair.keyLocation) != nil
                else { return nil }
                guard let count = pair.value.scalar.flatMap({ Int($0) }), count >= 0 else {
                    attendance.report(
                        .error(
                            .wrongType, "attendance for '\(pair.key)' should be a whole number", at: pair.value.location
                        ))
                    return nil
                }
                return AgencyCount(agency: pair.key, count: count)
            }
            let partners = details.attendanceByAgency.map(\.count).reduce(0, +)
            if let total = details.attendance, partners > total {
                attendance.report(
                    .error(
                        .invalidValue, "partner-agency attendances (\(partners)) are more than the total (\(total))",
                        at: attendance.location(of: "by_agency"),
                        hint: "'total' counts everyone who attended, staff and partners"))
            }
        }
        details.teamsReached = attendance.choiceList("teams", from: data.services.map(\.slug))
    }
}

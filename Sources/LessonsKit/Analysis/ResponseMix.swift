/// Learning responses (PSII, after action review, SWARM…) to the edition's incidents, by quarter.
struct ResponseMix: Sendable {
    let axis: QuarterAxis
    /// Responses that occur at least once, in vocabulary order.
    let responses: [String]
    /// counts[quarter][response], aligned with `axis` and `responses`.
    let counts: [[Int]]
    /// Totals per response over the whole axis.
    let totals: Tally

    init(content: EditionContent, axis: QuarterAxis) {
        self.axis = axis
        var perQuarter = [Tally](repeating: Tally(), count: axis.count)
        var totals = Tally()
        for document in content.documents {
            guard case .incident(let incident) = document.details, let date = document.date,
                let index = axis.index(of: date)
            else { continue }
            perQuarter[index].add(incident.response.rawValue)
            totals.add(incident.response.rawValue)
        }
        let responses = totals.ordered(by: Vocabulary.responses).map(\.key)
        self.responses = responses
        counts = perQuarter.map { tally in responses.map { tally[$0] } }
        self.totals = totals
    }
}

/// The Learning Lessons Leads network by directorate and service, and which services have no lead.
struct LeadsCoverage: Sendable {
    struct ServiceLeads: Sendable {
        let service: Service
        let leads: [Lead]
    }

    struct DirectorateLeads: Sendable {
        let directorate: Directorate
        let services: [ServiceLeads]
        /// Leads named against the directorate itself.
        let leads: [Lead]
        var covered: Int { services.filter { !$0.leads.isEmpty }.count }
    }

    let directorates: [DirectorateLeads]

    var uncovered: [Service] { directorates.flatMap { $0.services.filter { $0.leads.isEmpty }.map(\.service) } }
    var serviceCount: Int { directorates.map(\.services.count).reduce(0, +) }
    var leadCount: Int

    init(data: SiteData) {
        var byUnit: [String: [Lead]] = [:]
        for lead in data.leads { byUnit[lead.service, default: []].append(lead) }
        directorates = data.directorates.map { directorate in
            DirectorateLeads(
                directorate: directorate,
                services: directorate.services.map { ServiceLeads(service: $0, leads: byUnit[$0.slug] ?? []) },
                leads: byUnit[directorate.slug] ?? [])
        }
        leadCount = data.leads.count
    }
}

/// The Learning Lessons Leads network by directorate and service, and which services have no lead.
public struct LeadsCoverage: Sendable {
    public struct ServiceLeads: Sendable {
        public let service: Service
        public let leads: [Lead]
    }

    public struct DirectorateLeads: Sendable {
        public let directorate: Directorate
        public let services: [ServiceLeads]
        /// Leads named against the directorate itself.
        public let leads: [Lead]
        public var covered: Int { services.filter { !$0.leads.isEmpty }.count }
    }

    public let directorates: [DirectorateLeads]

    public var uncovered: [Service] { directorates.flatMap { $0.services.filter { $0.leads.isEmpty }.map(\.service) } }
    public var serviceCount: Int { directorates.map(\.services.count).reduce(0, +) }
    public var leadCount: Int

    public init(data: SiteData) {
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
